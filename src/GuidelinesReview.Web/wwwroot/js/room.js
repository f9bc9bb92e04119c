// GuidelinesReview: a breakout room live (/hubs/room). Notes autosave naming the version the text
// was written on, so two editors never overwrite each other: the server refuses a save on an old
// version and the page shows both texts. A copy of unsaved notes, with that version, stays in the
// browser until saved, so a dropped connection or a reload loses nothing and overwrites nothing.
(function () {
  'use strict';
  const root = document.getElementById('room');
  if (!root || !window.signalR) return;
  const roomId = Number(root.dataset.roomId);
  const userId = root.dataset.userId;
  const maxNotes = Number(root.dataset.maxNotes);
  const $ = (id) => document.getElementById(id);
  const draftKey = `gr.notes.${roomId}.${userId}`; // {base, text}: unsaved notes and the version they were written on
  const keptKey = `${draftKey}.kept`; // the person's own text after they chose to continue from someone else's
  let state = null;
  let editorBase = null; // the version the editor's text was written on (state.notesVersion is the latest seen)
  let conflict = null; // {version, notes} of the other save while the conflict panel asks what to do
  let saving = false;
  let saveTimer = null;
  let timerTick = null;
  let removed = false;

  const errorText = (e) => { const m = (e && e.message) || String(e); const i = m.indexOf('HubException: '); return i >= 0 ? m.slice(i + 14) : m; };
  const say = (text) => { const t = $('toast'); if (!t) return; t.textContent = text; t.classList.add('show'); setTimeout(() => t.classList.remove('show'), 3000); };

  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/room')
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => [0, 1000, 2000, 5000][ctx.previousRetryCount] ?? 10000 })
    .build();

  // Events can arrive while JoinRoom is still answering (state null): the state it returns includes them.
  connection.on('RoomChanged', (id, isOpen, focus, timerEndsAt) => {
    if (id !== roomId || !state) return;
    const focusChanged = focus && focus !== state.focusAnchor;
    Object.assign(state, { isOpen, focusAnchor: focus, timerEndsAt });
    renderRoom();
    if (focusChanged) showFocus(focus, true);
  });
  connection.on('NotesChanged', (id, version, notes, savedBy, html) => {
    if (id !== roomId || !state || version <= state.notesVersion) return;
    Object.assign(state, { notesVersion: version, notes, notesHtml: html });
    renderNotes();
    // Another save (someone else's, or this person's in another tab) goes into the editor only when
    // nothing here is unsaved. Unsaved text keeps the version it was written on, so its save shows
    // the conflict instead of silently replacing what was just saved.
    const editor = $('notes-text');
    if (!editor.dataset.dirty && !saving && !conflict) { editor.value = notes; editorBase = version; }
  });
  connection.on('TakeawaysChanged', (id, takeaways) => { if (id === roomId && state) { state.takeaways = takeaways; renderTakeaways(); } });
  connection.on('HandsChanged', (id, hands, called) => {
    if (id !== roomId || !state) return;
    state.hands = hands;
    renderHands();
    if (called) say(called.userId === userId ? 'You have the floor.' : `${called.name} has the floor.`);
  });
  connection.on('PresenceChanged', (id, people) => {
    if (id === roomId) $('room-presence').textContent = `In the room now (${people.length}): ${people.map(p => `${p.name} (${p.role})`).join(', ')}`;
  });
  // Taken out of the room (removed from it, the room removed, or a role changed): stop, keeping any unsaved text to copy.
  connection.on('RemovedFromRoom', (id, reason) => {
    if (id !== roomId) return;
    removed = true;
    clearTimeout(saveTimer);
    const editor = $('notes-text');
    const unsaved = Boolean(editor.dataset.dirty);
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
  connection.onreconnected(() => join().catch(() => setTimeout(start, 2000)));
  connection.onclose(() => { if (!removed) setTimeout(start, 2000); });

  function status(text, kind) { $('room-status').textContent = text; $('room-status').dataset.state = kind; }

  async function start() {
    if (removed) return;
    try {
      if (connection.state === signalR.HubConnectionState.Disconnected) await connection.start();
      await join();
    } catch (e) {
      status(`Not connected: ${errorText(e)} Retrying…`, 'offline');
      setTimeout(start, 5000);
    }
  }

  async function join() {
    state = await connection.invoke('JoinRoom', roomId);
    status('Live.', 'live');
    if (!conflict) takeUpLocalText();
    const kept = localStorage.getItem(keptKey);
    if (kept !== null && !conflict) showKept(kept);
    renderRoom();
    renderNotes();
    renderTakeaways();
    renderHands();
    if (state.focusAnchor) showFocus(state.focusAnchor, false);
  }

  // ----- room state -----
  function renderRoom() {
    $('room-state').textContent = state.isOpen ? 'Open' : 'Closed';
    const you = state.you;
    $('moderator-controls').hidden = !you.canModerate;
    $('toggle-open').textContent = state.isOpen ? 'Close the room' : 'Open the room';
    $('notes-editor').hidden = !(you.canEditNotes && state.isOpen);
    $('takeaway-form').hidden = !(you.canEditTakeaways && state.isOpen);
    $('hand-button').hidden = !(you.canSupport && state.isOpen);
    clearInterval(timerTick);
    const tick = () => {
      if (!state.timerEndsAt) { $('room-timer').textContent = ''; return; }
      const left = Math.max(0, new Date(state.timerEndsAt.endsWith('Z') ? state.timerEndsAt : state.timerEndsAt + 'Z') - Date.now());
      const m = Math.floor(left / 60000), s = Math.floor(left / 1000) % 60;
      $('room-timer').textContent = left > 0 ? `Time left: ${m}:${String(s).padStart(2, '0')}` : 'Time is up.';
    };
    tick();
    if (state.timerEndsAt) timerTick = setInterval(tick, 1000);
  }

  function showFocus(anchor, scroll) {
    document.querySelectorAll('.room-draft .blk.is-focused').forEach(b => b.classList.remove('is-focused'));
    const block = document.querySelector(`.room-draft [data-block="${CSS.escape(anchor)}"]`);
    if (!block) return;
    block.classList.add('is-focused');
    if (scroll) block.scrollIntoView({ block: 'center' });
  }

  // ----- notes -----
  function renderNotes() {
    const view = $('notes-view');
    // The server renders the Markdown (safe HTML, as on the first page load).
    if (state.notesHtml) view.innerHTML = state.notesHtml;
    else view.replaceChildren(Object.assign(document.createElement('p'), { className: 'text-muted', textContent: 'No notes yet.' }));
  }

  function readCopy() {
    const raw = localStorage.getItem(draftKey);
    if (raw === null) return null;
    try {
      const copy = JSON.parse(raw);
      if (copy && typeof copy.text === 'string') return { base: typeof copy.base === 'number' ? copy.base : null, text: copy.text };
    } catch { /* a copy from before versions were kept with it */ }
    return { base: null, text: raw };
  }
  const keepCopy = () => localStorage.setItem(draftKey, JSON.stringify({ base: editorBase, text: $('notes-text').value }));

  // After connecting: the editor's unsaved text (a reconnect) or the browser's copy (a reload) is
  // saved only if it was written on the version the server has now; otherwise both texts are shown.
  function takeUpLocalText() {
    const editor = $('notes-text');
    const local = editor.dataset.dirty ? { base: editorBase, text: editor.value } : readCopy();
    if (!local || local.text === state.notes) {
      editor.value = state.notes;
      editorBase = state.notesVersion;
      delete editor.dataset.dirty;
      localStorage.removeItem(draftKey);
      return;
    }

    editor.value = local.text;
    editor.dataset.dirty = '1';
    editorBase = local.base;
    if (local.base === state.notesVersion) { keepCopy(); scheduleSave(); return; }
    showConflict('The notes were saved by someone else after your unsaved text was kept in this browser. Nothing was overwritten: their text is shown beside yours.',
      state.notesVersion, state.notes);
  }

  function scheduleSave() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveNotes, 800);
  }

  async function saveNotes() {
    const editor = $('notes-text');
    if (removed || saving || conflict || !editor.dataset.dirty) return;
    const text = editor.value;
    if (text.length > maxNotes) {
      // Refused here: the server would refuse it too, and a message this size is better not sent.
      $('notes-saved').textContent = `Not saved: the notes are ${text.length.toLocaleString('en')} characters long; at most ${maxNotes.toLocaleString('en')} are kept. Shorten them to save; your text stays in this browser.`;
      return;
    }
    saving = true;
    try {
      const result = await connection.invoke('SaveNotes', roomId, editorBase, text);
      if (result.saved) {
        editorBase = result.version;
        if (result.version > state.notesVersion) Object.assign(state, { notesVersion: result.version, notes: result.notes });
        if (editor.value === text) { delete editor.dataset.dirty; localStorage.removeItem(draftKey); } else keepCopy();
        $('notes-saved').textContent = `Saved (version ${result.version}).`;
      } else {
        showConflict(result.conflict, result.version, result.notes);
      }
    } catch (e) {
      $('notes-saved').textContent = `Not saved yet: ${errorText(e)} Your text is kept in this browser.`;
    } finally {
      saving = false;
    }
    if (editor.dataset.dirty && editor.value !== text && !conflict) scheduleSave(); // typed while saving
  }

  // Another save came first: nothing is saved until the person chooses, and neither text is lost.
  function showConflict(message, version, notes) {
    conflict = { version, notes };
    clearTimeout(saveTimer);
    $('notes-conflict-text').textContent = message;
    $('notes-theirs').value = notes;
    $('notes-conflict-theirs').hidden = false;
    $('notes-kept').hidden = true;
    $('notes-conflict').hidden = false;
    $('notes-saved').textContent = 'Not saved: someone else saved first. Both texts are kept; choose below.';
  }

  function showKept(text) {
    $('notes-conflict-text').textContent = 'You continued from their text. Yours was not saved: it stays here, so you can copy what you need into the notes, until you discard it.';
    $('notes-yours').value = text;
    $('notes-conflict-theirs').hidden = true;
    $('notes-kept').hidden = false;
    $('notes-conflict').hidden = false;
  }

  $('notes-text').addEventListener('input', (e) => {
    e.target.dataset.dirty = '1';
    keepCopy();
    if (conflict) return; // saved once the person has chosen how to go on
    $('notes-saved').textContent = 'Saving…';
    scheduleSave();
  });
  $('notes-take-theirs').addEventListener('click', () => {
    const editor = $('notes-text');
    const theirs = state.notesVersion > conflict.version ? { version: state.notesVersion, notes: state.notes } : conflict;
    localStorage.setItem(keptKey, editor.value);
    showKept(editor.value);
    editor.value = theirs.notes;
    editorBase = theirs.version;
    conflict = null;
    delete editor.dataset.dirty;
    localStorage.removeItem(draftKey);
    $('notes-saved').textContent = `Continuing from version ${theirs.version}.`;
    editor.focus();
  });
  $('notes-keep-mine').addEventListener('click', () => {
    // Written on theirs now: saving replaces it, and theirs stays in the earlier versions.
    editorBase = conflict.version;
    conflict = null;
    $('notes-conflict').hidden = true;
    keepCopy();
    saveNotes();
  });
  $('notes-dismiss').addEventListener('click', () => {
    localStorage.removeItem(keptKey);
    $('notes-conflict').hidden = true;
  });

  $('notes-history-button').addEventListener('click', async () => {
    const list = $('notes-history');
    try {
      const versions = await connection.invoke('NotesHistory', roomId);
      list.replaceChildren(...versions.map(v => {
        const li = document.createElement('li');
        li.textContent = `Version ${v.version}, ${new Date(v.savedAt.endsWith('Z') ? v.savedAt : v.savedAt + 'Z').toLocaleString()}, by ${v.savedBy} (${v.length} characters) `;
        if (v.version !== state.notesVersion) {
          const restore = Object.assign(document.createElement('button'), { type: 'button', className: 'btn btn-sm btn-link', textContent: `Restore version ${v.version}` });
          restore.addEventListener('click', async () => {
            const result = await connection.invoke('RestoreNotes', roomId, v.version).catch(e => ({ saved: false, conflict: errorText(e) }));
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
  const shownOrder = () => [...state.takeaways].sort((a, b) => (b.forPlenary - a.forPlenary) || a.ordinal - b.ordinal);

  function renderTakeaways() {
    const list = $('takeaways');
    const sorted = shownOrder();
    list.replaceChildren(...sorted.map((t, i) => {
      const li = document.createElement('li');
      li.className = 'takeaway';
      const supported = t.supporterIds.includes(userId);
      li.innerHTML = '';
      const head = document.createElement('p');
      head.className = 'mb-1';
      head.append(Object.assign(document.createElement('span'), { className: 'type-badge', textContent: t.kindName }), ' ');
      if (t.forPlenary) head.append(Object.assign(document.createElement('span'), { className: 'state-badge carried-badge', textContent: 'For plenary' }), ' ');
      head.append(document.createTextNode(t.text));
      if (t.anchor) head.append(' ', Object.assign(document.createElement('span'), { className: 'small text-muted', textContent: `(${t.anchor})` }));
      const tags = t.areas.concat(t.principles);
      if (tags.length) head.append(' ', Object.assign(document.createElement('span'), { className: 'small text-muted', textContent: `· ${tags.join(', ')}` }));
      li.append(head);
      const bar = document.createElement('div');
      bar.className = 'comment-actions';
      if (state.you.canSupport && state.isOpen) {
        const b = Object.assign(document.createElement('button'), { type: 'button', className: 'btn btn-sm btn-outline-primary', textContent: `+1${t.supportCount ? ` (${t.supportCount})` : ''}` });
        b.append(Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: ` support: ${t.text.slice(0, 60)}` }));
        b.setAttribute('aria-pressed', String(supported));
        b.addEventListener('click', () => act('SupportTakeaway', t.id, !supported));
        bar.append(b);
      } else if (t.supportCount) {
        bar.append(Object.assign(document.createElement('span'), { className: 'support-count', textContent: `${t.supportCount} support` }));
      }
      if (state.you.canEditTakeaways && state.isOpen) {
        const plenary = Object.assign(document.createElement('button'), { type: 'button', className: 'btn btn-sm btn-link', textContent: t.forPlenary ? 'Not for plenary' : 'Mark for plenary' });
        plenary.addEventListener('click', () => act('SetForPlenary', t.id, !t.forPlenary));
        bar.append(plenary);
        // Moves stay within the for-plenary group or the rest, which the list keeps apart.
        for (const [label, step] of [['Move up', -1], ['Move down', 1]]) {
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

  async function move(id, step) {
    const order = shownOrder().map(t => t.id);
    const i = order.indexOf(id);
    if (i + step < 0 || i + step >= order.length) return;
    [order[i], order[i + step]] = [order[i + step], order[i]];
    await act('ReorderTakeaways', roomId, order);
  }

  async function act(method, ...args) {
    try { await connection.invoke(method, ...args); } catch (e) { say(errorText(e)); }
  }

  $('takeaway-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = $('takeaway-text').value.trim();
    $('takeaway-error').textContent = '';
    if (!text) { $('takeaway-error').textContent = 'Write the takeaway first.'; return; }
    try {
      const picked = (id) => [...$(id).selectedOptions].map(o => o.value);
      await connection.invoke('AddTakeaway', { roomId, text, kind: $('takeaway-kind').value, areas: picked('takeaway-areas'), principles: picked('takeaway-principles'), anchor: $('takeaway-anchor').value || null });
      $('takeaway-text').value = '';
      $('takeaway-anchor').value = '';
      say('Takeaway recorded');
    } catch (err) {
      $('takeaway-error').textContent = errorText(err);
    }
  });

  // ----- hands and moderator controls -----
  function renderHands() {
    $('hands').replaceChildren(...state.hands.map(h => Object.assign(document.createElement('li'), { textContent: h.name })));
    const raised = state.hands.some(h => h.userId === userId);
    $('hand-button').textContent = raised ? 'Lower my hand' : 'Raise my hand';
    $('hand-button').setAttribute('aria-pressed', String(raised));
  }
  $('hand-button').addEventListener('click', () => act('SetHand', roomId, !state.hands.some(h => h.userId === userId)));
  $('toggle-open').addEventListener('click', () => act('SetOpen', roomId, !state.isOpen));
  $('focus-button').addEventListener('click', () => act('Focus', roomId, $('focus-anchor').value));
  $('timer-button').addEventListener('click', () => act('SetTimer', roomId, Number($('timer-minutes').value)));
  $('call-next').addEventListener('click', () => act('CallNext', roomId));

  start();
})();
