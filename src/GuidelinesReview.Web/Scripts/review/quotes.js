// @ts-check
// Finding a passage in a block's text, and where to draw its highlight. All positions are in the
// block's collapsed text (whitespace runs as one space, trimmed), which is what the server stores.
// No DOM here: review.js reads the page and draws the marks.

/** @typedef {import('../shared/hub-types.js').QuoteInput} QuoteInput */

/** Whitespace runs as one space, trimmed: how the server compares passages. @param {string} text */
export const collapse = (text) => text.replace(/\s+/g, ' ').trim();

/** Characters of context kept before and after a passage. */
export const contextLength = 32;

/**
 * The selector for `exact` found at `start` in `blockText` (start < 0: not found).
 * @param {string} blockText collapsed
 * @param {string} exact collapsed
 * @param {number} start
 * @returns {QuoteInput}
 */
function selectorAt(blockText, exact, start) {
  if (start < 0) return { exact, prefix: null, suffix: null, start: null };
  return {
    exact,
    prefix: blockText.slice(Math.max(0, start - contextLength), start),
    suffix: blockText.slice(start + exact.length, start + exact.length + contextLength),
    start,
  };
}

/**
 * A passage selected with the mouse: `textBefore` is the block's text up to the selection, so of
 * two equal passages the one selected is meant, not the first.
 * @param {string} blockTextRaw the block's textContent
 * @param {string} selectedRaw the selection's text
 * @param {string} textBefore the block's text before the selection (uncollapsed)
 * @returns {QuoteInput | null} null when nothing but whitespace is selected
 */
export function quoteFromSelection(blockTextRaw, selectedRaw, textBefore) {
  const exact = collapse(selectedRaw);
  if (!exact) return null;
  const blockText = collapse(blockTextRaw);
  // A marker keeps a trailing space before the selection from being trimmed away.
  let start = collapse(textBefore + '\u0001').length - 1;
  if (blockText.slice(start, start + exact.length) !== exact) start = blockText.indexOf(exact);
  return selectorAt(blockText, exact, start);
}

/**
 * A passage typed by hand: its first occurrence (the server checks it is there).
 * @param {string} blockTextRaw the block's textContent
 * @param {string} exact collapsed
 * @returns {QuoteInput}
 */
export function quoteTyped(blockTextRaw, exact) {
  const blockText = collapse(blockTextRaw);
  return selectorAt(blockText, exact, blockText.indexOf(exact));
}

/**
 * @typedef {object} TextIndex
 * @property {string} text the collapsed text
 * @property {({ node: number, offset: number } | null)[]} map for each character of `text`, where it
 *   is: text node number and offset in it (null for a space standing for a whitespace run)
 */

/**
 * The collapsed text of a block's text nodes, and where each of its characters is in them.
 * @param {string[]} nodeValues the text nodes, in document order
 * @returns {TextIndex}
 */
export function indexText(nodeValues) {
  /** @type {TextIndex['map']} */
  const map = [];
  let text = '';
  let pendingSpace = false;
  nodeValues.forEach((value, node) => {
    for (let i = 0; i < value.length; i++) {
      if (/\s/.test(value[i])) { pendingSpace = text.length > 0; continue; }
      if (pendingSpace) { map.push(null); text += ' '; pendingSpace = false; }
      map.push({ node, offset: i });
      text += value[i];
    }
  });
  return { text, map };
}

/**
 * @typedef {{ id: number, quote: { exact: string, start: number, end: number } }} Quoted
 * @typedef {{ from: number, to: number, ids: number[] }} Segment a stretch of text and the comments on all of it
 */

/**
 * Where to highlight each comment's passage in `text`: at its stored offsets if the text there
 * agrees, else at the first place the words are; a passage not found is not highlighted.
 * Overlapping passages are cut into segments, each naming every comment it belongs to.
 * @param {string} text the block's collapsed text
 * @param {Quoted[]} quoted
 * @returns {Segment[]} in text order
 */
export function highlightSegments(text, quoted) {
  const ranges = quoted.map(t => {
    if (text.slice(t.quote.start, t.quote.end) === t.quote.exact) return { id: t.id, start: t.quote.start, end: t.quote.end };
    const at = text.indexOf(t.quote.exact);
    return at < 0 ? null : { id: t.id, start: at, end: at + t.quote.exact.length };
  }).filter(r => r !== null);
  const cuts = new Set();
  ranges.forEach(r => { cuts.add(r.start); cuts.add(r.end); });
  const points = [...cuts].sort((a, b) => a - b);
  /** @type {Segment[]} */
  const segments = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const ids = ranges.filter(r => r.start <= from && r.end >= to).map(r => r.id);
    if (ids.length) segments.push({ from, to, ids });
  }
  return segments;
}

/** A letter, digit or joiner inside a word (apostrophes and hyphens between letters). */
const wordChar = /[\p{L}\p{N}\p{M}_]/u;

/**
 * Widens [start, end) of `text` to whole words, as word processors do with a drag selection:
 * a selection starting or ending inside a word takes all of it ("al tools such as" → "digital
 * tools such as"). White space at either edge is dropped.
 * @param {string} text
 * @param {number} start
 * @param {number} end
 * @returns {[number, number]}
 */
export function snapToWords(text, start, end) {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start >= end) return [start, end];
  while (start > 0 && wordChar.test(text[start - 1]) && wordChar.test(text[start])) start--;
  while (end < text.length && wordChar.test(text[end]) && wordChar.test(text[end - 1])) end++;
  return [start, end];
}
