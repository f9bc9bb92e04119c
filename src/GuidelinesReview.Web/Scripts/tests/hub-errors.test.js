// @ts-check
// The sentence a person sees when a hub refuses something.
import test from 'node:test';
import assert from 'node:assert/strict';
import { errorText, isRefusal, retryAfterSeconds } from '../shared/hub-errors.js';
import { retryDelay } from '../shared/hub.js';

test('a refusal shows the server\'s sentence, without SignalR\'s prefix', () => {
  const e = new Error("An unexpected error occurred invoking 'PostComment' on the server. HubException: The selected passage was not found in s2.1-p1. Select the text again, or comment on the whole paragraph.");

  assert.equal(errorText(e), 'The selected passage was not found in s2.1-p1. Select the text again, or comment on the whole paragraph.');
  assert.equal(isRefusal(e), true);
});

test('connection trouble is not a refusal and shows its own message', () => {
  const e = new Error('WebSocket closed with status code: 1006 ().');
  assert.equal(isRefusal(e), false);
  assert.equal(errorText(e), 'WebSocket closed with status code: 1006 ().');
  assert.equal(errorText('plain'), 'plain');
});

test('a "try again in N seconds" refusal says how long to wait', () => {
  assert.equal(retryAfterSeconds(new Error('HubException: Too many changes: try again in 20 seconds.')), 20);
  assert.equal(retryAfterSeconds(new Error('HubException: The consultation is closed.')), null);
});

test('reconnecting tries at once, then after 1, 2 and 5 s, then every 10 s', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 50].map(retryDelay), [0, 1000, 2000, 5000, 10000, 10000]);
});
