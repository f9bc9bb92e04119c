// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countdown } from '../room/timer.js';

const now = Date.parse('2026-12-01T10:00:00Z');

test('no timer says so and is not running', () => {
  assert.deepEqual(countdown(null, now), { text: 'No timer', running: false, up: false });
});

test('minutes and seconds left, rounded up so a fresh 15-minute timer shows 15:00', () => {
  assert.equal(countdown('2026-12-01T10:15:00Z', now).text, '15:00');
  assert.equal(countdown('2026-12-01T10:00:59.200Z', now).text, '1:00');
  assert.equal(countdown('2026-12-01T10:00:05Z', now).text, '0:05');
  assert.equal(countdown('2026-12-01T12:05:00Z', now).text, '2:05:00');
});

test('a timer whose end has passed is up but still running until stopped', () => {
  assert.deepEqual(countdown('2026-12-01T09:59:00Z', now), { text: 'Time is up', running: true, up: true });
});
