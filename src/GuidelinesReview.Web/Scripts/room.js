// @ts-check
// GuidelinesReview: a breakout room live (/hubs/room). The notes' saving rules (versions,
// conflicts, the browser's copy) are in room/notes-sync.js; this file shows them.
import { byId, say } from './shared/dom.js';
import { connectTo, errorText, rejoinAfterReconnect, HubConnectionState } from './shared/hub.js';
import { NotesSync, staleCopyText } from './room/notes-sync.js';
import { countdown } from './room/timer.js';

/** @typedef {import('./shared/hub-types.js').RoomState} RoomState */
/** @typedef {import('./shared/hub-types.js').TakeawayView} TakeawayView */
/** @typedef {import('./shared/hub-types.js').HandView} HandView */
/** @typedef {import('./shared/hub-types.js').FloorView} FloorView */
/** @typedef {import('./shared/hub-types.js').PresenceView} PresenceView */
/** @typedef {import('./shared/hub-types.js').NotesSaveResult} NotesSaveResult */
/** @typedef {import('./shared/hub-types.js').NotesRevisionView} NotesRevisionView */

const root = document.getElementById('room');
if (root) room(root);

/**
 * Keeps the page's last line and the caret of a focused field clear of the toolbar when it is
 * fixed at the bottom (phones): the body is padded by its height, and so is scrolling into view.
 * @param {HTMLElement} toolbar
 */
function padForToolbar(toolbar) {
  const html = document.documentElement;
  const update = () => {
    const fixed = getComputedStyle(toolbar).position === 'fixed';
    const height = fixed ? Math.ceil(toolbar.getBoundingClientRect().height) : 0;
    html.style.setProperty('--room-toolbar-bottom', `${height}px`);
  };
  new ResizeObserver(update).observe(toolbar);
  window.addEventListener('resize', update);
  update();
}

/** @param {HTMLElement} root */
function room(root) {
  const roomId = Number(root.dataset.roomId);
  const userId = root.dataset.userId;
  const maxNotes = Number(root.dataset.maxNotes);
  const $ = byId;
  const editor = byId('notes-text', HTMLTextAreaElement);
  const notes = new NotesSync(localStorage, `gr.notes.${roomId}.${userId}`);
  /** @type {RoomState | null} */
  let state = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let saveTimer;
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let timerTick;
  let removed = false;

  const connection = connectTo('/hubs/room');
  padForToolbar(root);

  // Events can arrive while JoinRoom is still answering (state null): the state it returns includes them.
  connection.on('RoomChanged', (/** @type {number} */ id, /** @type {boolean} */ isOpen, /** @type {string | null} */ focus, /** @type {string | null} */ timerEndsAt) => {
    if (id !== roomId || !state) return;
    const focusChanged = focus && focus !== state.focusAnchor;
    Object.assign(state, { isOpen, focusAnchor: focus, timerEndsAt });
    renderRoom();
    if (focusChanged) showFocus(focus, true);
  });
  connection.on('NotesChanged', (/** @type {number} */ id, /** @type {number} */ version, /** @type {string} */ text, /** @type {string} */ _savedBy, /** @type {string} */ html) => {
    if (id !== roomId || !state) return;
    const seen = notes.remoteSaved(version, text);
    if (seen === 'old') return;
    Object.assign(state, { notesVersion: version, notes: text, notesHtml: html });
    renderNotes();
    if (seen === 'replaced') editor.value = notes.text;
  });
  connection.on('TakeawaysChanged', (/** @type {number} */ id, /** @type {TakeawayView[]} */ takeaways) => {
    if (id === roomId && state) { state.takeaways = takeaways; renderTakeaways(); }
  });
  connection.on('HandsChanged', (/** @type {number} */ id, /** @type {HandView[]} */ hands, /** @type {HandView | null} */ called) => {
    if (id !== roomId || !state) return;
    state.hands = hands;
    renderHands();
    if (called) say(called.userId === userId ? 'You have the floor.' : `${called.name} has the floor.`);
  });
  connection.on('FloorChanged', (/** @type {number} */ id, /** @type {FloorView | null} */ floor) => {
    if (id !== roomId || !state) return;
    state.floor = floor;
    renderFloor();
  });
  connection.on('PresenceChanged', (/** @type {number} */ id, /** @type {PresenceView[]} */ people) => {
    if (id === roomId) $('room-presence').textContent = `In the room now (${people.length}): ${people.map(p => `${p.name} (${p.role})`).join(', ')}`;
  });
  // Taken out of the room (removed from it, the room removed, or a role changed): stop, keeping any unsaved text to copy.
  connection.on('RemovedFromRoom', (/** @type {number} */ id, /** @type {string} */ reason) => {
    if (id !== roomId) return;
    removed = true;
    clearTimeout(saveTimer);
    const unsaved = notes.dirty;
    if (state) {
      state.you = { canModerate: false, canEditNotes: false, canEditTakeaways: false, canSupport: false };
      renderRoom();
      renderTakeaways();
    }
    editor.readOnly = true;
    $('notes-editor').hidden = !unsaved;
    $('room-presence').textContent = '';
    $('room-removed').textContent = unsaved ? `${reason} Your unsaved notes are below: copy what you need.` : reason;
    $('room-removed').hidden = false;
    status(`${reason} This page no longer updates.`, 'offline');
    connection.stop();
  });
  connection.onreconnecting(() => status('Connection lost: reconnecting… Your notes are kept in this browser until saved.', 'reconnecting'));
  rejoinAfterReconnect(connection, join, start, () => !removed);

  /** @param {string} text @param {string} kind */
  function status(text, kind) { $('room-status').textContent = text; $('room-status').dataset.state = kind; }

  async function start() {
    if (removed) return;
    try {
      if (connection.state === HubConnectionState.Disconnected) await connection.start();
      await join();
    } catch (e) {
      status(`Not connected: ${errorText(e)} Retrying…`, 'offline');
      setTimeout(start, 5000);
    }
  }

  async function join() {
    /** @type {RoomState} */
    const joined = await connection.invoke('JoinRoom', roomId);
    state = joined;
    status('Live.', 'live');
    takeUpLocalText(joined);
    const kept = notes.kept();
    if (kept !== null && !notes.conflict) showKept(kept);
    renderRoom();
    renderNotes();
    renderTakeaways();
    renderHands();
    renderFloor();
    if (joined.focusAnchor) showFocus(joined.focusAnchor, false);
  }

  // ----- room state -----
  function renderRoom() {
    if (!state) return;
    const current = state;
    $('room-state').textContent = current.isOpen ? 'Open' : 'Closed';
    const you = current.you;
    $('moderator-controls').hidden = !you.canModerate;
    $('toggle-open').textContent = current.isOpen ? 'Close the room' : 'Open the room';
    $('notes-editor').hidden = !(you.canEditNotes && current.isOpen);
    $('takeaway-form').hidden = !(you.canEditTakeaways && current.isOpen);
    $('hand-button').hidden = !(you.canSupport && current.isOpen);
    $('floor-controls').hidden = !you.canModerate;
    $('timer-controls').hidden = !you.canModerate;
    clearInterval(timerTick);
    const readout = $('room-timer');
    const tick = () => {
      const shown = countdown(current.timerEndsAt, Date.now());
      readout.textContent = shown.text;
      readout.dataset.state = shown.up ? 'up' : shown.running ? 'running' : 'idle';
      // While a timer is set the moderator sees Stop and +1 min, never Start.
      $('timer-idle').hidden = shown.running;
      $('timer-running').hidden = !shown.running;
      if (shown.up) clearInterval(timerTick);
    };
    tick();
    if (current.timerEndsAt) timerTick = setInterval(tick, 1000);
  }

  function renderFloor() {
    if (!state) return;
    const floor = state.floor;
    $('room-floor').textContent = !floor ? 'Nobody' : floor.userId === userId ? `You (${floor.name})` : floor.name;
    $('room-floor').dataset.state = floor ? 'given' : 'none';
    $('clear-floor').hidden = !floor;
  }

  /** @param {string} anchor @param {boolean} scroll */
  function showFocus(anchor, scroll) {
    document.querySelectorAll('.room-draft .blk.is-focused').forEach(b => b.classList.remove('is-focused'));
    const block = document.querySelector(`.room-draft [data-block="${CSS.escape(anchor)}"]`);
    if (!block) return;
    block.classList.add('is-focused');
    const place = block instanceof HTMLElement ? block.dataset.place || anchor : anchor;
    const link = byId('room-focus-link', HTMLAnchorElement);
    link.textContent = place;
    link.href = `#${anchor}`;
    $('room-focus').hidden = false;
    if (scroll) {
      block.scrollIntoView({ block: 'center' });
      say(`The moderator focused everyone on ${place}.`, 5000);
    }
  }
  byId('room-focus-link', HTMLAnchorElement).addEventListener('click', (e) => {
    e.preventDefault();
    if (state && state.focusAnchor) showFocus(state.focusAnchor, false);
    document.querySelector('.room-draft .blk.is-focused')?.scrollIntoView({ block: 'center' });
  });

  // ----- notes -----
  function renderNotes() {
    const view = $('notes-view');
    // The server renders the Markdown (safe HTML, as on the first page load).
    if (state && state.notesHtml) view.innerHTML = state.notesHtml;
    else view.replaceChildren(Object.assign(document.createElement('p'), { className: 'text-muted', textContent: 'No notes yet.' }));
  }

  /** @param {RoomState} joined */
  function takeUpLocalText(joined) {
    const outcome = notes.joined(joined.notesVersion, joined.notes);
    if (outcome === 'unchanged') return;
    editor.value = notes.text;
    if (outcome === 'save') scheduleSave();
    else if (outcome === 'conflict' && notes.conflict) showConflict(staleCopyText, notes.conflict.notes);
  }

  function scheduleSave() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveNotes, 800);
  }

  async function saveNotes() {
    if (removed) return;
    const result = await notes.save((base, text) => connection.invoke('SaveNotes', roomId, base, text), maxNotes);
    switch (result.outcome) {
      case 'tooLong':
        // Refused here: the server would refuse it too, and a message this size is better not sent.
        $('notes-saved').textContent = `Not saved: the notes are ${result.length.toLocaleString('en')} characters long; at most ${maxNotes.toLocaleString('en')} are kept. Shorten them to save; your text stays in this browser.`;
        return;
      case 'saved':
        if (state && notes.latest.version > state.notesVersion) Object.assign(state, { notesVersion: notes.latest.version, notes: notes.latest.notes });
        $('notes-saved').textContent = `Saved (version ${result.version}).`;
        if (result.again) scheduleSave(); // typed while saving
        return;
      case 'conflict':
        if (notes.conflict) showConflict(result.message, notes.conflict.notes);
        return;
      case 'failed':
        $('notes-saved').textContent = `Not saved yet: ${errorText(result.error)} Your text is kept in this browser.`;
        if (result.again) scheduleSave();
    }
  }

  // Another save came first: nothing is saved until the person chooses, and neither text is lost.
  /** @param {string} message @param {string} theirs */
  function showConflict(message, theirs) {
    clearTimeout(saveTimer);
    $('notes-conflict-text').textContent = message;
    byId('notes-theirs', HTMLTextAreaElement).value = theirs;
    $('notes-conflict-theirs').hidden = false;
    $('notes-kept').hidden = true;
    $('notes-conflict').hidden = false;
    $('notes-saved').textContent = 'Not saved: someone else saved first. Both texts are kept; choose below.';
  }

  /** @param {string} text */
  function showKept(text) {
    $('notes-conflict-text').textContent = 'You continued from their text. Yours was not saved: it stays here, so you can copy what you need into the notes, until you discard it.';
    byId('notes-yours', HTMLTextAreaElement).value = text;
    $('notes-conflict-theirs').hidden = true;
    $('notes-kept').hidden = false;
    $('notes-conflict').hidden = false;
  }

  editor.addEventListener('input', () => {
    if (!notes.edit(editor.value)) return; // saved once the person has chosen how to go on
    $('notes-saved').textContent = 'Saving…';
    scheduleSave();
  });
  $('notes-take-theirs').addEventListener('click', () => {
    const { mine, theirs } = notes.takeTheirs();
    showKept(mine);
    editor.value = theirs.notes;
    $('notes-saved').textContent = `Continuing from version ${theirs.version}.`;
    editor.focus();
  });
  $('notes-keep-mine').addEventListener('click', () => {
    notes.keepMine();
    $('notes-conflict').hidden = true;
    saveNotes();
  });
  $('notes-dismiss').addEventListener('click', () => {
    notes.discardKept();
    $('notes-conflict').hidden = true;
  });

  $('notes-history-button').addEventListener('click', async () => {
    const list = $('notes-history');
    try {
      /** @type {NotesRevisionView[]} */
      const versions = await connection.invoke('NotesHistory', roomId);
      list.replaceChildren(...versions.map(v => {
        const li = document.createElement('li');
        li.textContent = `Version ${v.version}, ${new Date(v.savedAt).toLocaleString()}, by ${v.savedBy} (${v.length} characters) `;
        if (v.version !== notes.latest.version) {
          const restore = Object.assign(document.createElement('button'), { type: 'button', className: 'btn btn-sm btn-link', textContent: `Restore version ${v.version}` });
          restore.addEventListener('click', async () => {
            /** @type {NotesSaveResult} */
            const result = await connection.invoke('RestoreNotes', roomId, v.version).catch(e => ({ saved: false, version: 0, notes: '', conflict: errorText(e) }));
            // The new version arrives as NotesChanged, like anyone's save (and leaves unsaved text alone).
            say(result.saved ? `Restored version ${v.version} as version ${result.version}.` : result.conflict || 'Not restored.');
          });
          li.append(restore);
        }
        return li;
      }));
      list.hidden = false;
    } catch (e) { say(errorText(e)); }
  });

  // ----- takeaways -----
  // For plenary first, then the room's order: as the plenary summary lists them, and as Move up/down act.
  const shownOrder = () => [...(state ? state.takeaways : [])].sort((a, b) => (Number(b.forPlenary) - Number(a.forPlenary)) || a.ordinal - b.ordinal);

  function renderTakeaways() {
    if (!state) return;
    const current = state;
    const list = $('takeaways');
    const sorted = shownOrder();
    list.replaceChildren(...sorted.map((t, i) => {
      const li = document.createElement('li');
      li.className = 'takeaway';
      const supported = t.supporterIds.includes(userId ?? '');
      const head = document.createElement('p');
      head.className = 'mb-1';
      head.append(Object.assign(document.createElement('span'), { className: 'type-badge', textContent: t.kindName }), ' ');
      if (t.forPlenary) head.append(Object.assign(document.createElement('span'), { className: 'state-badge carried-badge', textContent: 'For plenary' }), ' ');
      head.append(document.createTextNode(t.text));
      if (t.anchor) head.append(' ', Object.assign(document.createElement('span'), { className: 'small text-muted takeaway-place', textContent: `(${t.place || t.anchor})` }));
      const tags = t.areas.concat(t.principles);
      if (tags.length) head.append(' ', Object.assign(document.createElement('span'), { className: 'small text-muted', textContent: `· ${tags.join(', ')}` }));
      li.append(head);
      const bar = document.createElement('div');
      bar.className = 'comment-actions';
      if (current.you.canSupport && current.isOpen) {
        const b = Object.assign(document.createElement('button'), { type: 'button', className: 'btn btn-sm btn-outline-primary', textContent: `+1${t.supportCount ? ` (${t.supportCount})` : ''}` });
        b.append(Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: ` support: ${t.text.slice(0, 60)}` }));
        b.setAttribute('aria-pressed', String(supported));
        b.addEventListener('click', () => act('SupportTakeaway', t.id, !supported));
        bar.append(b);
      } else if (t.supportCount) {
        bar.append(Object.assign(document.createElement('span'), { className: 'support-count', textContent: `${t.supportCount} support` }));
      }
      if (current.you.canEditTakeaways && current.isOpen) {
        const plenary = Object.assign(document.createElement('button'), { type: 'button', className: 'btn btn-sm btn-link', textContent: t.forPlenary ? 'Not for plenary' : 'Mark for plenary' });
        plenary.addEventListener('click', () => act('SetForPlenary', t.id, !t.forPlenary));
        bar.append(plenary);
        // Moves stay within the for-plenary group or the rest, which the list keeps apart.
        for (const [label, step] of /** @type {const} */ ([['Move up', -1], ['Move down', 1]])) {
          const neighbour = sorted[i + step];
          if (!neighbour || neighbour.forPlenary !== t.forPlenary) continue;
          const b = Object.assign(document.createElement('button'), { type: 'button', className: 'btn btn-sm btn-link', textContent: label });
          b.append(Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: `: ${t.text.slice(0, 60)}` }));
          b.addEventListener('click', () => move(t.id, step));
          bar.append(b);
        }
      }
      li.append(bar);
      return li;
    }));
  }

  /** @param {number} id @param {number} step */
  async function move(id, step) {
    const order = shownOrder().map(t => t.id);
    const i = order.indexOf(id);
    if (i + step < 0 || i + step >= order.length) return;
    [order[i], order[i + step]] = [order[i + step], order[i]];
    await act('ReorderTakeaways', roomId, order);
  }

  /** @param {string} method @param {...unknown} args */
  async function act(method, ...args) {
    try { await connection.invoke(method, ...args); } catch (e) { say(errorText(e)); }
  }

  $('takeaway-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const textEl = byId('takeaway-text', HTMLTextAreaElement);
    const anchorEl = byId('takeaway-anchor', HTMLSelectElement);
    const text = textEl.value.trim();
    $('takeaway-error').textContent = '';
    if (!text) { $('takeaway-error').textContent = 'Write the takeaway first.'; return; }
    try {
      const picked = (/** @type {string} */ id) => [...byId(id, HTMLSelectElement).selectedOptions].map(o => o.value);
      await connection.invoke('AddTakeaway', { roomId, text, kind: byId('takeaway-kind', HTMLSelectElement).value, areas: picked('takeaway-areas'), principles: picked('takeaway-principles'), anchor: anchorEl.value || null });
      textEl.value = '';
      anchorEl.value = '';
      say('Takeaway recorded');
    } catch (err) {
      $('takeaway-error').textContent = errorText(err);
    }
  });

  // ----- hands and moderator controls -----
  const handRaised = () => !!state && state.hands.some(h => h.userId === userId);
  function renderHands() {
    if (!state) return;
    $('hands').replaceChildren(...state.hands.map(h => Object.assign(document.createElement('li'), { textContent: h.name })));
    $('hands-empty').hidden = state.hands.length > 0;
    const raised = handRaised();
    const hand = $('hand-button');
    hand.textContent = raised ? 'Lower my hand' : 'Raise my hand';
    hand.setAttribute('aria-pressed', String(raised));
    hand.classList.toggle('is-raised', raised);
    const waiting = state.hands.length;
    byId('call-next', HTMLButtonElement).disabled = waiting === 0;
    $('hands-count').textContent = waiting ? ` (${waiting} waiting)` : '';
  }
  $('hand-button').addEventListener('click', () => act('SetHand', roomId, !handRaised()));
  $('toggle-open').addEventListener('click', () => act('SetOpen', roomId, !(state && state.isOpen)));
  $('focus-button').addEventListener('click', () => act('Focus', roomId, byId('focus-anchor', HTMLSelectElement).value));
  $('timer-start').addEventListener('click', () => act('SetTimer', roomId, Number(byId('timer-minutes', HTMLInputElement).value)));
  $('timer-stop').addEventListener('click', () => act('StopTimer', roomId));
  $('timer-add').addEventListener('click', () => act('AddMinute', roomId));
  $('call-next').addEventListener('click', () => act('CallNext', roomId));
  $('clear-floor').addEventListener('click', () => act('ClearFloor', roomId));

  start();
}
