// @ts-check
// The translation workspace's rules without the page: filters, counts, shortcuts, who may review, what is said.
import test from 'node:test';
import assert from 'node:assert/strict';
import { actorName, canReview, canSubmit, changeMessage, countStates, matches, metaLines, neighbour, progressParts, progressText, shortcut } from '../translate/workspace.js';

/** @typedef {import('../shared/hub-types.js').TranslationView} TranslationView */

/** @param {Partial<TranslationView>} parts @returns {TranslationView} */
const view = (parts) => ({
  segmentId: 's2-p1', text: 'Texte', state: 'draft', revision: 1, translatorId: 'tomas', translator: 'Tomás Translator', translatedAt: '2026-12-01T10:00:00Z',
  reviewer: null, reviewedAt: null, rejectReason: null, approvedText: null, editorialChange: false, waivedChecks: null, waiverReason: null,
  sourceDiff: null, issues: [], ...parts,
});

test('a state filter shows rows in that state, a section filter the section and its subsections', () => {
  const row = { state: 'untranslated', sections: ['s4', 's4.2'] };
  assert.equal(matches(row, { state: '', section: '' }), true);
  assert.equal(matches(row, { state: 'untranslated', section: '' }), true);
  assert.equal(matches(row, { state: 'draft', section: '' }), false);
  assert.equal(matches(row, { state: '', section: 's4' }), true, 'a parent section includes it');
  assert.equal(matches(row, { state: '', section: 's4.2' }), true);
  assert.equal(matches(row, { state: '', section: 's4.1' }), false);
  assert.equal(matches(row, { state: 'untranslated', section: 's5' }), false);
});

test('counts and the progress bar cover every state, in the legend\'s order, and say it in words', () => {
  const counts = countStates(['approved', 'approved', 'translated', 'untranslated', 'nonsense']);
  assert.deepEqual(counts, { approved: 2, translated: 1, draft: 0, rejected: 0, outdated: 0, untranslated: 1 });
  assert.deepEqual(progressParts(counts).map(p => [p.state, p.x, p.width]), [
    ['approved', 0, 50], ['translated', 50, 25], ['draft', 75, 0], ['rejected', 75, 0], ['outdated', 75, 0], ['untranslated', 75, 25],
  ]);
  assert.equal(progressText(counts), '2 approved, 1 waiting for review, 0 draft, 0 rejected, 0 outdated, 1 untranslated, of 4 segments');
  assert.deepEqual(progressParts(countStates([])).map(p => p.width), [0, 0, 0, 0, 0, 0]);
});

test('Ctrl+Enter and Cmd+Enter submit; Alt+arrows move; anything else is typing', () => {
  const key = (/** @type {string} */ k, mods = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
  assert.equal(shortcut(key('Enter', { ctrlKey: true })), 'submit');
  assert.equal(shortcut(key('Enter', { metaKey: true })), 'submit');
  assert.equal(shortcut(key('Enter')), null, 'a plain Enter is a new line');
  assert.equal(shortcut(key('Enter', { ctrlKey: true, shiftKey: true })), null);
  assert.equal(shortcut(key('ArrowDown', { altKey: true })), 'next');
  assert.equal(shortcut(key('ArrowUp', { altKey: true })), 'previous');
  assert.equal(shortcut(key('ArrowDown')), null);
  assert.equal(shortcut(key('ArrowDown', { altKey: true, ctrlKey: true })), null);
});

test('moving stops at the first and the last row shown', () => {
  assert.equal(neighbour(3, 0, 1), 1);
  assert.equal(neighbour(3, 2, 1), -1);
  assert.equal(neighbour(3, 0, -1), -1);
  assert.equal(neighbour(3, -1, 1), 0, 'from outside the rows shown: the first');
  assert.equal(neighbour(3, -1, -1), 2);
  assert.equal(neighbour(0, -1, 1), -1);
});

test('a reviewer may review what waits for review or is outdated, never their own', () => {
  const reviewer = { canView: true, canTranslate: true, canReview: true };
  const translatorOnly = { canView: true, canTranslate: true, canReview: false };
  assert.equal(canReview({ state: 'translated', translatorId: 'tomas' }, reviewer, 'fanny'), true);
  assert.equal(canReview({ state: 'outdated', translatorId: 'tomas' }, reviewer, 'fanny'), true);
  assert.equal(canReview({ state: 'translated', translatorId: 'fanny' }, reviewer, 'fanny'), false, 'not their own');
  assert.equal(canReview({ state: 'draft', translatorId: 'tomas' }, reviewer, 'fanny'), false);
  assert.equal(canReview({ state: 'approved', translatorId: 'tomas' }, reviewer, 'fanny'), false);
  assert.equal(canReview({ state: 'translated', translatorId: 'tomas' }, translatorOnly, 'fanny'), false);
  assert.equal(canReview(null, reviewer, 'fanny'), false);
});

test('the lines under a translation say who wrote and who reviewed it, and keep the approval in view while it is revised', () => {
  assert.deepEqual(metaLines(view({})).map(l => l.text), ['Written by Tomás Translator, ']);
  assert.deepEqual(metaLines(view({ state: 'approved', reviewer: 'Fanny', reviewedAt: '2026-12-02T09:00:00Z', approvedText: 'Texte' })).map(l => l.text),
    ['Written by Tomás Translator, ', 'Approved by Fanny, ']);
  assert.deepEqual(metaLines(view({ state: 'draft', reviewer: 'Fanny', reviewedAt: '2026-12-02T09:00:00Z', approvedText: 'Ancien' })).map(l => l.text),
    ['Written by Tomás Translator, ', 'Last approved by Fanny, ']);
  assert.deepEqual(metaLines(view({ state: 'rejected', reviewer: 'Fanny', reviewedAt: '2026-12-02T09:00:00Z', editorialChange: true, waivedChecks: 'glossary-forbidden', waiverReason: 'Quoted name' })).map(l => l.text),
    ['Written by Tomás Translator, ', 'Rejected by Fanny, ', 'Editorial change in the English — approval kept', 'Checks waived (glossary-forbidden): Quoted name']);
});

test('others are told what changed, by whom', () => {
  const people = [{ userId: 'fanny', name: 'Fanny Translator' }];
  const approved = view({ state: 'approved', reviewer: 'Fanny Translator' });
  assert.equal(actorName(approved, 'fanny', people), 'Fanny Translator');
  assert.equal(actorName(approved, 'gone', []), 'Fanny Translator', 'a reviewer who left: named from the view');
  assert.equal(actorName(view({ state: 'translated' }), 'gone', []), 'Tomás Translator');
  assert.equal(changeMessage(approved, 'translated', 'Fanny', 's2-p1'), 'Fanny approved s2-p1.');
  assert.equal(changeMessage(view({ state: 'rejected', rejectReason: 'Wrong term.' }), 'translated', 'Fanny', 's2-p1'), 'Fanny rejected s2-p1: Wrong term.');
  assert.equal(changeMessage(view({ state: 'translated' }), 'draft', 'Tomás', 's2-p1'), 'Tomás submitted s2-p1 for review.');
  assert.equal(changeMessage(view({ state: 'draft' }), 'untranslated', 'Tomás', 's2-p1'), 'Tomás saved a draft of s2-p1.');
});

test('submitting is offered for changes and for what is not waiting for review nor approved', () => {
  assert.equal(canSubmit('draft', false), true);
  assert.equal(canSubmit('rejected', false), true, 'sent back: offered again');
  assert.equal(canSubmit('outdated', false), true, 'the English changed: confirmed for review');
  assert.equal(canSubmit('untranslated', false), true);
  assert.equal(canSubmit('translated', false), false, 'already waiting');
  assert.equal(canSubmit('approved', false), false, 'it would only lose its approval');
  assert.equal(canSubmit('approved', true), true, 'a revision of an approved translation');
});
