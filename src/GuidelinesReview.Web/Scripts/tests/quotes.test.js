// @ts-check
// Finding a selected passage in a block and where its highlight goes: what the reader selected is
// what gets quoted, and the words highlighted are the words commented on.
import test from 'node:test';
import assert from 'node:assert/strict';
import { quoteFromSelection, quoteTyped, indexText, highlightSegments, snapToWords } from '../review/quotes.js';

const block = 'Cities should publish their data. Residents should be able to reuse the data, and cities should say how.';

/** The words at [start, end) of `text`, as the highlight would show them. @param {string} text @param {{ from: number, to: number }} s */
const shown = (text, s) => text.slice(s.from, s.to);

test('a selected passage is quoted with the text just before and after it, and its offset', () => {
  const before = 'Cities should publish their data. Residents should be able to ';
  const quote = quoteFromSelection(block, 'reuse the data', before);

  assert.ok(quote);
  assert.equal(quote.exact, 'reuse the data');
  assert.equal(quote.start, before.length);
  assert.equal(block.slice(quote.start ?? -1, (quote.start ?? 0) + quote.exact.length), 'reuse the data');
  assert.equal(quote.prefix, 'ta. Residents should be able to ', 'the 32 characters before it');
  assert.equal(quote.suffix, ', and cities should say how.');
});

test('of two equal passages, the one selected is quoted, not the first', () => {
  const before = 'Cities should publish their data. Residents should be able to reuse the data, and cities ';
  const quote = quoteFromSelection(block, 'should', before);

  assert.ok(quote);
  assert.equal(quote.start, before.length);
  assert.equal(quote.suffix, ' say how.');
  assert.notEqual(quote.start, block.indexOf('should'));
});

test('line breaks and runs of spaces in the page count as one space, as the server stores the text', () => {
  const raw = '  Cities   should\n publish   their\n\tdata.  ';
  const quote = quoteFromSelection(raw, 'publish   their\n\tdata', '  Cities   should\n ');

  assert.ok(quote);
  assert.equal(quote.exact, 'publish their data');
  assert.equal(quote.start, 'Cities should '.length);
  assert.equal(quote.prefix, 'Cities should ');
  assert.equal(quote.suffix, '.');
});

test('selecting only whitespace quotes nothing', () => {
  assert.equal(quoteFromSelection(block, '   \n', 'Cities'), null);
});

test('a passage typed by hand is found at its first occurrence; one not in the block has no position', () => {
  const found = quoteTyped(block, 'the data');
  assert.equal(found.start, block.indexOf('the data'));
  assert.equal(found.start, 68);
  assert.equal(found.prefix, 'sidents should be able to reuse ');
  assert.equal(found.suffix, ', and cities should say how.');

  const missing = quoteTyped(block, 'words nobody wrote');
  assert.deepEqual(missing, { exact: 'words nobody wrote', prefix: null, suffix: null, start: null });
});

test('the collapsed text of a block split over several text nodes maps back to each character', () => {
  // <p>Cities <em>should</em>\n   publish</p>
  const nodes = ['Cities ', 'should', '\n   publish'];
  const { text, map } = indexText(nodes);

  assert.equal(text, 'Cities should publish');
  assert.equal(map.length, text.length);
  assert.deepEqual(map[7], { node: 1, offset: 0 }, 'the s of "should" is the first character of the <em>');
  assert.equal(map[13], null, 'the space standing for "\\n   " is not one character of the page');
  assert.deepEqual(map[14], { node: 2, offset: 4 }, 'the p of "publish" after the line break');
});

test('a passage is highlighted at its stored offsets when the text there agrees', () => {
  const text = 'the data and the data';
  const segments = highlightSegments(text, [{ id: 5, quote: { exact: 'the data', start: 13, end: 21 } }]);

  assert.deepEqual(segments, [{ from: 13, to: 21, ids: [5] }], 'the second "the data", which was selected');
});

test('when the text moved, the words are looked for; words no longer there are not highlighted', () => {
  const text = 'New opening sentence. Residents should reuse the data.';
  const segments = highlightSegments(text, [
    { id: 1, quote: { exact: 'reuse the data', start: 3, end: 17 } },
    { id: 2, quote: { exact: 'a sentence that was removed', start: 0, end: 27 } },
  ]);

  assert.equal(segments.length, 1);
  assert.equal(shown(text, segments[0]), 'reuse the data');
  assert.deepEqual(segments[0].ids, [1]);
});

test('overlapping passages are cut so the shared words name both comments', () => {
  const text = 'Residents should be able to reuse the data';
  const first = { id: 1, quote: { exact: 'be able to reuse', start: 17, end: 33 } };
  const second = { id: 2, quote: { exact: 'reuse the data', start: 28, end: 42 } };

  const segments = highlightSegments(text, [first, second]);

  assert.deepEqual(segments.map(s => [shown(text, s), s.ids]), [
    ['be able to ', [1]],
    ['reuse', [1, 2]],
    [' the data', [2]],
  ]);
});

test('a selection starting or ending inside a word is widened to whole words', () => {
  const text = 'Cities adopt digital tools such as open data.';
  const at = text.indexOf('al tools such a');
  const [start, end] = snapToWords(text, at, at + 'al tools such a'.length);
  assert.equal(text.slice(start, end), 'digital tools such as');
  const [s2, e2] = snapToWords(text, text.indexOf(' tools '), text.indexOf(' tools ') + 7);
  assert.equal(text.slice(s2, e2), 'tools');
  const [s3, e3] = snapToWords('l’accès aux données', 2, 5);
  assert.equal('l’accès aux données'.slice(s3, e3), 'accès');
});
