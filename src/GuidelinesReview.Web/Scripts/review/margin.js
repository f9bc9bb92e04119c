// @ts-check
// Where each block's comments go in the margin beside the text (as Google Docs and Hypothesis
// place them): at the top of their block, never over the next block's comments. A thread that
// would run into the next one collapses to a count badge; one the reader opened stays open and
// pushes those below it down. No DOM here: review.js measures, calls this once per frame, and moves.

/**
 * @typedef {object} MarginItem
 * @property {number} blockTop where the block starts, in the margin's coordinates
 * @property {number} height the thread's height when shown in full
 * @property {boolean} open the reader opened it (or is writing in it): shown in full whatever its size
 */

/**
 * @typedef {object} MarginPlacement
 * @property {number} top
 * @property {boolean} collapsed shown as its badge
 * @property {number} bottom where the next item may start (before the gap)
 */

/**
 * @param {MarginItem[]} items in document order
 * @param {{ gap: number, badgeHeight: number }} sizes
 * @returns {MarginPlacement[]}
 */
export function layoutMargin(items, { gap, badgeHeight }) {
  /** @type {MarginPlacement[]} */
  const placed = [];
  let bottom = -Infinity;
  items.forEach((item, i) => {
    const top = Math.max(item.blockTop, bottom + gap);
    const next = items[i + 1];
    const room = next ? Math.max(next.blockTop, top) - gap - top : Infinity;
    const collapsed = !item.open && item.height > room;
    const height = collapsed ? badgeHeight : item.height;
    bottom = top + height;
    placed.push({ top, collapsed, bottom });
  });
  return placed;
}
