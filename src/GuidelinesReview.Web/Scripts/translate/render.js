// @ts-check
// Draws the parts of a workspace row that change live, as Pages/Translations/_WorkspaceRow.cshtml
// draws them on the server: the state badge, who wrote and reviewed it, the reject reason, the
// approved text, the checks, the English diff, the conflict view and the history.
import { el } from '../shared/dom.js';
import { eventNames, metaLines, stateNames } from './workspace.js';

/** @typedef {import('../shared/hub-types.js').TranslationView} TranslationView */
/** @typedef {import('../shared/hub-types.js').TranslationEventView} TranslationEventView */
/** @typedef {import('../shared/hub-types.js').TranslationCommentView} TranslationCommentView */
/** @typedef {import('../shared/hub-types.js').WordChange} WordChange */

const timeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A time in the reader's own time zone. @param {string} iso */
export const formatTime = (iso) => timeFormat.format(new Date(iso));

/** @param {string} iso */
export const time = (iso) => el('time', { datetime: iso, text: formatTime(iso) });

/**
 * The part of a row with this data-role.
 * @param {HTMLElement} row
 * @param {string} role
 */
export function part(row, role) {
  const found = row.querySelector(`[data-role="${role}"]`);
  if (!(found instanceof HTMLElement)) throw new Error(`Row ${row.id} has no ${role}.`);
  return found;
}

/**
 * @param {HTMLElement} row
 * @param {TranslationView} view
 */
export function drawTranslation(row, view) {
  row.dataset.state = view.state;
  row.dataset.revision = String(view.revision);
  row.dataset.translatorId = view.translatorId ?? '';
  row.dataset.blocking = String(view.issues.some(i => i.severity === 'blocking'));

  const badge = part(row, 'badge');
  badge.className = `tr-badge tr-badge-${view.state}`;
  badge.replaceChildren(el('span', { class: 'visually-hidden', text: 'State: ' }), stateNames[view.state]);

  part(row, 'meta').replaceChildren(...metaLines(view).map(line =>
    el('li', { class: line.note ? 'tr-note' : null }, line.text, line.at ? time(line.at) : null)));

  const reason = part(row, 'reject-reason');
  reason.hidden = !(view.state === 'rejected' && view.rejectReason);
  part(row, 'reject-text').textContent = view.rejectReason ?? '';

  const approved = part(row, 'approved');
  approved.hidden = view.approvedText === null || view.approvedText === view.text;
  part(row, 'approved-text').textContent = view.approvedText ?? '';

  const issues = part(row, 'issues');
  issues.hidden = view.issues.length === 0;
  issues.replaceChildren(...view.issues.map(issue => {
    const blocking = issue.severity === 'blocking';
    return el('li', { class: `tr-issue ${blocking ? 'tr-issue-blocking' : 'tr-issue-warning'}`, 'data-code': issue.code },
      el('strong', { text: blocking ? 'Blocks approval:' : 'Warning:' }), ' ', issue.message);
  }));

  drawDiff(part(row, 'diff'), view);
}

/**
 * The English of an outdated segment, deleted and inserted words marked (and named for screen readers).
 * @param {HTMLElement} box
 * @param {TranslationView} view
 */
function drawDiff(box, view) {
  box.hidden = view.state !== 'outdated' && view.sourceDiff === null;
  if (box.hidden) return;
  const text = view.sourceDiff
    ? el('p', { class: 'tr-diff-text' }, view.sourceDiff.map(changeNode))
    : el('p', { class: 'tr-diff-text text-muted', text: 'The change is too long to show word by word.' });
  box.replaceChildren(el('p', { class: 'tr-diff-label', text: 'English changed since this was translated' }), text);
}

/** @param {WordChange} change */
function changeNode(change) {
  if (change.op === 'equal') return document.createTextNode(change.text);
  const [tag, label] = change.op === 'deleted' ? /** @type {const} */ (['del', 'deleted']) : /** @type {const} */ (['ins', 'inserted']);
  return el(tag, {}, el('span', { class: 'visually-hidden', text: `[${label}: ` }), change.text, el('span', { class: 'visually-hidden', text: ']' }));
}

/**
 * Someone else's text beside the translator's, with the two ways on.
 * @param {HTMLElement} box the row's conflict part
 * @param {{ message: string, theirs: string, mine: string, theirsLabel: string }} what
 * @param {{ code: string, direction: string }} language
 * @param {{ keepTheirs: () => void, keepMine: () => void }} on
 */
export function drawConflict(box, what, language, on) {
  box.replaceChildren(
    el('p', { class: 'tr-conflict-message', role: 'alert', text: what.message }),
    el('div', { class: 'tr-conflict-sides' },
      el('div', { class: 'tr-conflict-side' },
        el('p', { class: 'tr-conflict-title' }, el('strong', { text: what.theirsLabel })),
        el('p', { class: 'tr-conflict-text', lang: language.code, dir: language.direction, 'data-role': 'theirs', text: what.theirs || '(empty)' }),
        el('button', { type: 'button', class: 'btn btn-sm btn-outline-primary', onclick: on.keepTheirs, text: 'Keep theirs' })),
      el('div', { class: 'tr-conflict-side' },
        el('p', { class: 'tr-conflict-title' }, el('strong', { text: 'Your text, not saved (in the box above)' })),
        el('p', { class: 'tr-conflict-text', lang: language.code, dir: language.direction, 'data-role': 'mine', text: what.mine || '(empty)' }),
        el('button', { type: 'button', class: 'btn btn-sm btn-primary', onclick: on.keepMine, text: 'Keep mine (save again)' }))));
  box.hidden = false;
}

/**
 * After "Keep theirs": the translator's own text stays on show, to copy from, until dismissed.
 * @param {HTMLElement} box
 * @param {string} mine
 * @param {{ code: string, direction: string }} language
 * @param {() => void} dismiss
 */
export function drawKeptMine(box, mine, language, dismiss) {
  box.replaceChildren(
    el('p', { class: 'tr-conflict-message', text: 'You kept their text. Yours was not saved: it stays here to copy from until you dismiss it.' }),
    el('p', { lang: language.code, dir: language.direction, class: 'tr-kept-mine', text: mine || '(empty)' }),
    el('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', onclick: dismiss, text: 'Dismiss my unsaved text' }));
  box.hidden = false;
}

/**
 * @param {HTMLElement} list
 * @param {TranslationEventView[]} events newest first
 * @param {{ code: string, direction: string }} language
 */
export function drawHistory(list, events, language) {
  if (events.length === 0) {
    list.replaceChildren(el('p', { class: 'tr-small mb-0', text: 'Nothing has happened to this translation yet.' }));
    return;
  }
  list.replaceChildren(el('ol', {}, events.map(e => el('li', {},
    el('strong', { text: eventNames[e.kind] ?? e.kind }),
    ` · v${e.versionNumber} · ${stateNames[e.state] ?? e.state}`,
    e.actor ? ` · ${e.actor}` : '',
    ' · ', time(e.at),
    e.note ? el('span', { class: 'd-block tr-small', text: e.note }) : null,
    e.text ? el('span', { class: 'tr-history-text', lang: language.code, dir: language.direction, text: e.text }) : null))));
}

/** @param {TranslationCommentView} comment */
export const commentItem = (comment) => el('li', { 'data-comment': String(comment.id) },
  el('strong', { text: comment.author }), ' ', time(comment.createdAt), el('p', { class: 'tr-comment-body', text: comment.body }));
