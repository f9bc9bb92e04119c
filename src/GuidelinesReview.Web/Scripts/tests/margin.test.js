// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutMargin } from '../review/margin.js';

const sizes = { gap: 8, badgeHeight: 44 };

test('threads sit at the top of their block when there is room', () => {
  const placed = layoutMargin([
    { blockTop: 0, height: 100, open: false },
    { blockTop: 300, height: 100, open: false },
  ], sizes);
  assert.deepEqual(placed.map(p => [p.top, p.collapsed]), [[0, false], [300, false]]);
});

test('a thread taller than the room before the next one collapses to its badge, and nothing overlaps', () => {
  const placed = layoutMargin([
    { blockTop: 0, height: 700, open: false },
    { blockTop: 150, height: 60, open: false },
    { blockTop: 160, height: 60, open: false },
  ], sizes);
  assert.deepEqual(placed.map(p => p.collapsed), [true, true, false]);
  for (let i = 1; i < placed.length; i++) assert.ok(placed[i].top >= placed[i - 1].bottom + sizes.gap, `item ${i} overlaps`);
  assert.equal(placed[0].top, 0);
});

test('the last thread has all the room below it', () => {
  const placed = layoutMargin([{ blockTop: 40, height: 5000, open: false }], sizes);
  assert.deepEqual(placed.map(p => [p.top, p.collapsed]), [[40, false]]);
});

test('an opened thread is shown in full and pushes the later ones down', () => {
  const placed = layoutMargin([
    { blockTop: 0, height: 400, open: true },
    { blockTop: 100, height: 50, open: false },
    { blockTop: 1000, height: 50, open: false },
  ], sizes);
  assert.deepEqual(placed.map(p => [p.top, p.collapsed]), [[0, false], [408, false], [1000, false]]);
});
