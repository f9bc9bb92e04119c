// @ts-check
// GuidelinesReview: the translation workspace live (/hubs/translate). Each segment's saving rules
// (revisions, conflicts, the browser's copy) are in translate/segment-sync.js, the filters,
// counts, shortcuts and sentences in translate/workspace.js; this file wires them to the page.
import { byId, el, say } from './shared/dom.js';
import { connectTo, errorText, isRefusal, rejoinAfterReconnect, HubConnectionState } from './shared/hub.js';
import { SegmentSync, staleCopyText } from './translate/segment-sync.js';
import { actorName, canReview, canSubmit, changeMessage, countStates, hasBlocking, matches, neighbour, progressParts, progressText, shortcut, stateOrder } from './translate/workspace.js';
import { commentItem, drawConflict, drawHistory, drawKeptMine, drawTranslation, formatTime, part } from './translate/render.js';

/** @typedef {import('./shared/hub-types.js').TranslationView} TranslationView */
/** @typedef {import('./shared/hub-types.js').TranslationSaveResult} TranslationSaveResult */
/** @typedef {import('./shared/hub-types.js').TranslationCommentView} TranslationCommentView */
/** @typedef {import('./shared/hub-types.js').TranslationEventView} TranslationEventView */
/** @typedef {import('./shared/hub-types.js').TranslationRights} TranslationRights */
/** @typedef {import('./shared/hub-types.js').TranslationState} TranslationState */
/** @typedef {import('./shared/hub-types.js').WorkspaceJoined} WorkspaceJoined */
/** @typedef {import('./shared/hub-types.js').PresenceView} PresenceView */

/**
 * One segment row of the page.
 * @typedef {object} Row
 * @property {string} id the segment id
 * @property {string} label as the row shows it ("s2-t1 · row 1, col 2")
 * @property {HTMLElement} el
 * @property {HTMLTextAreaElement} text
 * @property {SegmentSync} sync
 * @property {{ state: TranslationState, revision: number, translatorId: string | null }} shown what the row shows now
 * @property {TranslationView | null} view the latest view received (null: only what the page was loaded with)
 * @property {string[]} sections
 * @property {ReturnType<typeof setTimeout> | undefined} timer the pending autosave
 */

/** How long typing must pause before a draft is saved. */
const autosaveDelay = 1500;

const root = document.getElementById('workspace');
if (root) workspace(root);

/** @param {HTMLElement} root */
function workspace(root) {
  const versionId = Number(root.dataset.versionId);
  const language = root.dataset.language ?? '';
  const direction = root.dataset.direction ?? 'ltr';
  const target = { code: language, direction };
  const userId = root.dataset.userId ?? '';
  const maxText = Number(root.dataset.maxText);
  /** @type {TranslationRights} */
  let rights = { canView: true, canTranslate: root.dataset.canTranslate === 'true', canReview: root.dataset.canReview === 'true' };
  /** @type {PresenceView[]} */
  let people = [];
  let joined = false;

  /** @type {Map<string, Row>} */
  const rows = new Map();
  for (const node of document.querySelectorAll('#tr-rows .tr-row')) {
    if (!(node instanceof HTMLElement)) continue;
    const id = node.dataset.segment ?? '';
    const textarea = node.querySelector('textarea[data-role="text"]');
    if (!(textarea instanceof HTMLTextAreaElement)) continue;
    const revision = Number(node.dataset.revision);
    const sync = new SegmentSync(localStorage, `gr.translate.${versionId}.${language}.${userId}.${id}`, { revision, text: textarea.value });
    rows.set(id, {
      id,
      label: (node.querySelector('.tr-label')?.textContent ?? id).replace(/^Segment /, ''),
      el: node,
      text: textarea,
      sync,
      shown: { state: /** @type {TranslationState} */ (node.dataset.state), revision, translatorId: node.dataset.translatorId || null },
      view: null,
      sections: (node.dataset.sections ?? '').split(' '),
      timer: undefined,
    });
  }
  const ordered = [...rows.values()];

  // Times in the reader's own time zone (the server wrote them in UTC).
  for (const t of root.querySelectorAll('time[datetime]')) t.textContent = formatTime(t.getAttribute('datetime') ?? '');

  const connection = connectTo('/hubs/translate');
  connection.on('TranslationChanged', (/** @type {number} */ id, /** @type {string} */ lang, /** @type {TranslationView} */ view, /** @type {string} */ byUserId) => {
    if (id !== versionId || lang !== language) return;
    const row = rows.get(view.segmentId);
    if (row) changedElsewhere(row, view, byUserId);
  });
  connection.on('TranslationCommented', (/** @type {number} */ id, /** @type {string} */ lang, /** @type {TranslationCommentView} */ comment) => {
    if (id !== versionId || lang !== language) return;
    const row = rows.get(comment.segmentId);
    if (row && addComment(row, comment)) say(`${comment.author} commented on ${row.label}.`);
  });
  connection.on('PresenceChanged', (/** @type {number} */ id, /** @type {string} */ lang, /** @type {PresenceView[]} */ list) => {
    if (id === versionId && lang === language) { people = list; drawPeople(); }
  });
  connection.onreconnecting(() => status('Connection lost: reconnecting… What you type is kept in this browser until it is saved.', 'reconnecting'));
  rejoinAfterReconnect(connection, join, start);

  /** @param {string} text @param {string} state */
  function status(text, state) { const s = byId('tr-status'); s.textContent = text; s.dataset.state = state; }

  async function start() {
    try {
      if (connection.state === HubConnectionState.Disconnected) await connection.start();
      await join();
    } catch (e) {
      status(`Not connected: ${errorText(e)} Retrying…`, 'offline');
      setTimeout(start, 5000);
    }
  }

  async function join() {
    /** @type {WorkspaceJoined} */
    const answer = await connection.invoke('JoinWorkspace', versionId, language);
    const again = joined;
    joined = true;
    rights = answer.rights;
    people = answer.people;
    drawPeople();
    for (const row of ordered) {
      row.text.readOnly = !rights.canTranslate;
      drawActions(row);
    }
    status(again ? 'Live again. Saves still name the revision they were written on, so nothing is overwritten; reload to see what others did meanwhile.' : 'Live.', 'live');
    // Whatever waited for the connection (typed offline, or kept in this browser from before a reload) is saved now.
    for (const row of ordered) if (row.sync.dirty && !row.sync.conflict) schedule(row, 0);
  }

  function drawPeople() {
    byId('tr-people').replaceChildren(...(people.length === 0
      ? [el('li', { class: 'text-muted', text: 'Nobody else.' })]
      : people.map(p => el('li', {}, p.name, p.userId === userId ? ' (you)' : '', ' ', el('span', { class: 'tr-role', text: `· ${p.role}` })))));
  }

  // ----- what a row shows -----

  /**
   * A newer view of a row (from a save, a review or an event): the row shows it.
   * @param {Row} row
   * @param {TranslationView} view
   */
  function show(row, view) {
    if (row.view && view.revision < row.view.revision) return;
    const before = row.shown.state;
    row.view = view;
    row.shown = { state: view.state, revision: view.revision, translatorId: view.translatorId };
    drawTranslation(row.el, view);
    drawActions(row);
    if (before !== view.state) drawCounts();
  }

  /** Submit, approve and reject as this person may use them on this row now. @param {Row} row */
  function drawActions(row) {
    const reviewable = canReview(row.shown, rights, userId);
    for (const name of ['approve', 'reject']) {
      const button = row.el.querySelector(`[data-action="${name}"]`);
      if (button instanceof HTMLElement) button.hidden = !reviewable;
    }
    if (!reviewable) {
      hideForm(row, 'reject-form');
      hideForm(row, 'waiver-form');
    }
    const submit = row.el.querySelector('[data-action="submit"]');
    if (submit instanceof HTMLElement) submit.hidden = !rights.canTranslate || !!row.sync.conflict || !canSubmit(row.shown.state, row.sync.dirty);
  }

  /** @param {Row} row @param {string} text */
  function saved(row, text) {
    const s = part(row.el, 'saved');
    s.textContent = text;
    s.dataset.state = '';
  }

  /** @param {Row} row @param {string} text */
  function failed(row, text) {
    const s = part(row.el, 'saved');
    s.textContent = text;
    s.dataset.state = 'failed';
  }

  /** @param {Row} row @param {string} text */
  function error(row, text) { part(row.el, 'error').textContent = text; }

  function drawCounts() {
    const counts = countStates(ordered.map(r => r.shown.state));
    for (const state of stateOrder) {
      const count = root.querySelector(`[data-count="${state}"]`);
      if (count) count.textContent = String(counts[state]);
    }
    for (const p of progressParts(counts)) {
      const rect = root.querySelector(`[data-bar="${p.state}"]`);
      rect?.setAttribute('x', p.x.toFixed(3));
      rect?.setAttribute('width', p.width.toFixed(3));
    }
    byId('progress-text').textContent = progressText(counts);
    if (filter.state) drawFilterCount(); // a state filter's count changes with the states
  }

  // ----- saving -----

  /** @param {Row} row @param {number} [delay] */
  function schedule(row, delay = autosaveDelay) {
    clearTimeout(row.timer);
    row.timer = setTimeout(() => save(row, false), delay);
  }

  /**
   * @param {Row} row
   * @param {boolean} submit
   */
  async function save(row, submit) {
    clearTimeout(row.timer);
    if (!joined) { if (row.sync.dirty) failed(row, 'Not saved yet: not connected. Your text is kept in this browser.'); return; }
    if (submit) error(row, '');
    /** @param {number} base @param {string} text @param {boolean} asSubmit @returns {Promise<TranslationSaveResult>} */
    const send = (base, text, asSubmit) => connection.invoke('SaveTranslation', versionId, language, row.id, text, base, asSubmit);
    const result = await row.sync.save(send, submit, maxText);
    switch (result.outcome) {
      case 'saved': {
        show(row, result.view);
        if (result.after === 'replaced' && row.view) replaceText(row);
        if (result.after === 'conflict') conflictWithNewer(row);
        else saved(row, result.submitted ? `Submitted for review, ${formatTime(new Date().toISOString())}.` : `Draft saved, ${formatTime(new Date().toISOString())}.`);
        if (result.submitted) say(`${row.label} submitted for review.`);
        if (result.submitAgain) save(row, true);
        else if (result.again) schedule(row);
        return;
      }
      case 'conflict':
        if (result.view) show(row, result.view);
        showConflict(row, result.message);
        failed(row, 'Not saved: someone else saved first. Both texts are shown below.');
        return;
      case 'queued':
        saved(row, 'Submitting once the save under way is done…');
        return;
      case 'blocked':
        error(row, 'Choose between the two texts below first.');
        return;
      case 'empty':
        error(row, 'Write the translation before submitting it for review.');
        return;
      case 'tooLong':
        failed(row, `Not saved: the translation is ${result.length.toLocaleString('en')} characters long; at most ${maxText.toLocaleString('en')} are kept. Your text stays in this browser.`);
        return;
      case 'failed':
        if (isRefusal(result.error)) { error(row, errorText(result.error)); failed(row, 'Not saved.'); }
        else failed(row, `Not saved yet: ${errorText(result.error)} Your text is kept in this browser and saved when the connection is back.`);
        return;
      default:
    }
  }

  /** The editor takes the newer saved text (nothing unsaved was in it). @param {Row} row */
  function replaceText(row) {
    const { selectionStart, selectionEnd } = row.text;
    const focused = document.activeElement === row.text;
    row.text.value = row.sync.text;
    if (focused) row.text.setSelectionRange(Math.min(selectionStart, row.text.value.length), Math.min(selectionEnd, row.text.value.length));
    grow(row.text);
  }

  /**
   * Someone (or this person in another tab, or this very save arriving as an event) changed a row.
   * @param {Row} row
   * @param {TranslationView} view
   * @param {string} byUserId
   */
  function changedElsewhere(row, view, byUserId) {
    const before = row.shown.state;
    const outcome = row.sync.remoteChanged(view);
    if (outcome === 'old') return;
    show(row, view);
    if (before !== view.state && !row.sync.dirty) saved(row, ''); // "Submitted…" no longer says where it stands
    if (outcome === 'replaced') replaceText(row);
    if (outcome === 'conflict') conflictWithNewer(row, actorName(view, byUserId, people));
    if (byUserId !== userId && before !== view.state) say(changeMessage(view, before, actorName(view, byUserId, people), row.label), 5000);
    // New work for this filter shows up; a row that no longer matches stays until the filter changes.
    if (row.el.hidden && matches({ state: view.state, sections: row.sections }, filter)) { row.el.hidden = false; drawGroups(); }
  }

  /** @param {Row} row @param {string} [who] */
  function conflictWithNewer(row, who) {
    clearTimeout(row.timer);
    showConflict(row, `${who ?? row.view?.translator ?? 'Someone'} saved a newer version while you were typing. Nothing was overwritten: both texts are shown; keep one, or merge them in the box above and keep yours.`);
  }

  /** @param {Row} row @param {string} message */
  function showConflict(row, message) {
    const conflict = row.sync.conflict;
    if (!conflict) return;
    drawActions(row);
    drawConflict(part(row.el, 'conflict'), { message, theirs: conflict.text, mine: row.sync.text, theirsLabel: `Their text, saved (revision ${conflict.revision})` }, target, {
      keepTheirs: () => {
        if (!row.sync.conflict) return;
        const { mine } = row.sync.keepTheirs();
        replaceText(row);
        drawKeptMine(part(row.el, 'conflict'), mine, target, () => { part(row.el, 'conflict').hidden = true; });
        saved(row, 'You kept their text.');
        drawActions(row);
        row.text.focus();
      },
      keepMine: () => {
        if (!row.sync.conflict) return;
        part(row.el, 'conflict').hidden = true;
        if (row.sync.keepMine()) save(row, false); else saved(row, 'Both texts were the same.');
        drawActions(row);
        row.text.focus();
      },
    });
  }

  // ----- review -----

  /** @param {Row} row @param {string | null} waiver */
  async function approve(row, waiver) {
    error(row, '');
    try {
      /** @type {TranslationView} */
      const view = await connection.invoke('Approve', versionId, language, row.id, row.shown.revision, waiver);
      row.sync.remoteChanged(view);
      show(row, view);
      hideForm(row, 'waiver-form');
      say(`${row.label} approved.`);
      focusNextAfter(row);
    } catch (e) {
      error(row, errorText(e));
      const blocking = row.view ? hasBlocking(row.view) : row.el.dataset.blocking === 'true';
      if (isRefusal(e) && blocking && waiver === null) openForm(row, 'waiver-form');
    }
  }

  /** @param {Row} row @param {string} reason */
  async function reject(row, reason) {
    error(row, '');
    try {
      /** @type {TranslationView} */
      const view = await connection.invoke('Reject', versionId, language, row.id, row.shown.revision, reason);
      row.sync.remoteChanged(view);
      show(row, view);
      hideForm(row, 'reject-form');
      say(`${row.label} rejected; the translator sees your reason.`);
      focusNextAfter(row);
    } catch (e) {
      error(row, errorText(e));
    }
  }

  /** After a review, on to the next row that waits for one. @param {Row} row */
  function focusNextAfter(row) {
    const shown = visibleRows();
    const next = shown.slice(shown.indexOf(row) + 1).find(r => canReview(r.shown, rights, userId));
    const button = next?.el.querySelector('[data-action="approve"]');
    if (button instanceof HTMLElement) button.focus();
  }

  /** @param {Row} row @param {'reject-form' | 'waiver-form'} name */
  function openForm(row, name) {
    const form = part(row.el, name);
    form.hidden = false;
    if (name === 'reject-form') row.el.querySelector('[data-action="reject"]')?.setAttribute('aria-expanded', 'true');
    form.querySelector('textarea')?.focus();
  }

  /** @param {Row} row @param {'reject-form' | 'waiver-form'} name */
  function hideForm(row, name) {
    const form = row.el.querySelector(`[data-role="${name}"]`);
    if (!(form instanceof HTMLElement) || form.hidden) return;
    form.hidden = true;
    if (name === 'reject-form') row.el.querySelector('[data-action="reject"]')?.setAttribute('aria-expanded', 'false');
  }

  // ----- discussion and history -----

  /**
   * @param {Row} row
   * @param {TranslationCommentView} comment
   * @returns {boolean} whether it was new here
   */
  function addComment(row, comment) {
    const list = part(row.el, 'comments');
    if (list.querySelector(`[data-comment="${comment.id}"]`)) return false;
    list.append(commentItem(comment));
    part(row.el, 'comment-count').textContent = String(list.children.length);
    return true;
  }

  /** @param {Row} row */
  async function loadHistory(row) {
    const list = part(row.el, 'history-list');
    list.replaceChildren(el('p', { class: 'tr-small mb-0', text: 'Loading…' }));
    try {
      /** @type {TranslationEventView[]} */
      const events = await connection.invoke('History', versionId, language, row.id);
      drawHistory(list, events, target);
    } catch (e) {
      list.replaceChildren(el('p', { class: 'tr-error', text: `The history could not be loaded: ${errorText(e)}` }));
    }
  }

  // ----- filters -----

  const stateSelect = byId('filter-state', HTMLSelectElement);
  const sectionSelect = byId('filter-section', HTMLSelectElement);
  const filter = { state: stateSelect.value, section: sectionSelect.value };
  byId('filter-apply').hidden = true; // the selects act at once

  function applyFilter() {
    filter.state = stateSelect.value;
    filter.section = sectionSelect.value;
    for (const row of ordered) row.el.hidden = !matches({ state: row.shown.state, sections: row.sections }, filter);
    drawGroups();
    const url = new URL(location.href);
    for (const [name, value] of Object.entries(filter)) { if (value) url.searchParams.set(name, value); else url.searchParams.delete(name); }
    history.replaceState(null, '', url);
  }

  function drawGroups() {
    for (const group of root.querySelectorAll('[data-group]')) {
      if (group instanceof HTMLElement) group.hidden = !group.querySelector('.tr-row:not([hidden])');
    }
    drawFilterCount();
  }

  function drawFilterCount() {
    const shown = ordered.filter(r => !r.el.hidden).length;
    byId('tr-empty').hidden = shown > 0;
    byId('filter-count').textContent = shown === ordered.length ? `Showing all ${ordered.length} segments.` : `Showing ${shown} of ${ordered.length} segments.`;
  }

  stateSelect.addEventListener('change', applyFilter);
  sectionSelect.addEventListener('change', applyFilter);
  byId('tr-filters').addEventListener('submit', (e) => { e.preventDefault(); applyFilter(); });
  drawFilterCount();

  // ----- moving around -----

  const visibleRows = () => ordered.filter(r => !r.el.hidden);

  /** @param {Row} from @param {1 | -1} step */
  function go(from, step) {
    const shown = visibleRows();
    const to = shown[neighbour(shown.length, shown.indexOf(from), step)];
    if (!to) { say(step > 0 ? 'That was the last segment shown.' : 'That was the first segment shown.'); return; }
    to.text.focus({ preventScroll: true });
    to.el.scrollIntoView({ block: 'center' });
  }

  /** @param {HTMLTextAreaElement} area */
  function grow(area) {
    while (area.scrollHeight > area.clientHeight + 2 && area.rows < 24) area.rows += 1;
  }

  /** @param {EventTarget | null} node */
  const rowOf = (node) => {
    const found = node instanceof Element ? node.closest('.tr-row') : null;
    return found instanceof HTMLElement ? rows.get(found.dataset.segment ?? '') : undefined;
  };

  const list = byId('tr-rows');
  list.addEventListener('input', (e) => {
    const row = rowOf(e.target);
    if (!row || e.target !== row.text) return;
    grow(row.text);
    if (row.sync.edit(row.text.value)) { saved(row, 'Unsaved changes…'); schedule(row); }
    else { clearTimeout(row.timer); if (!row.sync.dirty) saved(row, ''); }
    drawActions(row);
    const mine = row.el.querySelector('[data-role="conflict"]:not([hidden]) [data-role="mine"]');
    if (mine) mine.textContent = row.sync.text || '(empty)';
  });

  list.addEventListener('keydown', (e) => {
    const row = rowOf(e.target);
    const wanted = row ? shortcut(e) : null;
    if (!row || !wanted) return;
    if (wanted === 'submit') {
      if (e.target !== row.text || !rights.canTranslate) return;
      e.preventDefault();
      if (canSubmit(row.shown.state, row.sync.dirty)) save(row, true); // else nothing to submit: just on to the next
      go(row, 1);
    } else {
      e.preventDefault();
      go(row, wanted === 'next' ? 1 : -1);
    }
  });

  list.addEventListener('click', (e) => {
    const button = e.target instanceof Element ? e.target.closest('[data-action]') : null;
    const row = rowOf(button);
    if (!(button instanceof HTMLElement) || !row) return;
    switch (button.dataset.action) {
      case 'submit': save(row, true); break;
      case 'approve': approve(row, null); break;
      case 'reject': openForm(row, 'reject-form'); break;
      case 'cancel-reject': {
        hideForm(row, 'reject-form');
        const opener = row.el.querySelector('[data-action="reject"]');
        if (opener instanceof HTMLElement) opener.focus();
        break;
      }
      case 'cancel-waiver': hideForm(row, 'waiver-form'); break;
      case 'use-candidate': {
        const text = row.el.querySelector(`[data-candidate-text="${button.dataset.candidate}"]`)?.textContent ?? '';
        row.text.value = text;
        grow(row.text);
        if (row.sync.edit(text)) { saved(row, 'Unsaved changes…'); schedule(row); }
        row.text.focus();
        break;
      }
      default:
    }
  });

  list.addEventListener('submit', async (e) => {
    const form = e.target;
    const row = rowOf(form);
    if (!(form instanceof HTMLFormElement) || !row) return;
    e.preventDefault();
    const area = form.querySelector('textarea');
    const value = area ? area.value.trim() : '';
    switch (form.dataset.role) {
      case 'reject-form':
        if (!value) { error(row, 'Say why it is rejected: the translator needs the reason to revise it.'); area?.focus(); return; }
        await reject(row, value);
        if (area && form.hidden) area.value = '';
        return;
      case 'waiver-form':
        if (!value) { error(row, 'Give the reason for waiving the checks: it is kept with the approval.'); area?.focus(); return; }
        await approve(row, value);
        if (area && form.hidden) area.value = '';
        return;
      case 'comment-form':
        if (!value) { error(row, 'Write the comment first.'); area?.focus(); return; }
        try {
          /** @type {TranslationCommentView} */
          const comment = await connection.invoke('Comment', versionId, language, row.id, value);
          addComment(row, comment);
          if (area) area.value = '';
          error(row, '');
          say('Comment posted.');
        } catch (err) { error(row, errorText(err)); }
        return;
      default:
    }
  });

  // The history is read when opened (toggle does not bubble: listen on each).
  for (const row of ordered) {
    const details = part(row.el, 'history');
    details.addEventListener('toggle', () => { if (details instanceof HTMLDetailsElement && details.open) loadHistory(row); });
  }

  // Unsaved text kept in this browser (a reload, a closed tab) comes back into its row.
  for (const row of ordered) {
    const outcome = row.sync.restore();
    if (outcome === 'none') continue;
    row.text.value = row.sync.text;
    grow(row.text);
    if (outcome === 'conflict') showConflict(row, staleCopyText);
    else saved(row, 'Unsaved text from this browser: saving when connected…');
  }

  start();
}
