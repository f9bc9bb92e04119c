// GuidelinesReview: a breakout room live (/hubs/room). Notes autosave with their version, so two
// editors never overwrite each other; a copy of unsaved notes stays in the browser until saved.
(function () {
  'use strict';
  const root = document.getElementById('room');
  if (!root || !window.signalR) return;
  const roomId = Number(root.dataset.roomId);
  const userId = root.dataset.userId;
  const maxNotes = Number(root.dataset.maxNotes);
  const $ = (id) => document.getElementById(id);
  const draftKey = `gr.notes.${roomId}.${userId}`;
  let state = null;
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
    if (id !== roomId || !state) return;
    Object.assign(state, { notesVersion: version, notes, notesHtml: html });
    const editor = $('notes-text');
    // Someone else's save: take it when we have nothing unsaved, otherwise our next save will show the conflict.
    if (savedBy !== userId && editor && !editor.dataset.dirty) editor.value = notes;
    renderNotes();
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
    const editor = $('notes-text');
    const unsaved = localStorage.getItem(draftKey);
    editor.value = unsaved ?? state.notes;
    if (unsaved !== null && unsaved !== state.notes) { editor.dataset.dirty = '1'; scheduleSave(); }
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

  function scheduleSave() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveNotes, 800);
  }

  async function saveNotes() {
    const editor = $('notes-text');
    if (removed || saving || !editor.dataset.dirty) return;
    const text = editor.value;
    if (text.length > maxNotes) {
      // Refused here: the server would refuse it too, and a message this size is better not sent.
      $('notes-saved').textContent = `Not saved: the notes are ${text.length.toLocaleString('en')} characters long; at most ${maxNotes.toLocaleString('en')} are kept. Shorten them to save; your text stays in this browser.`;
      return;
    }
    saving = true;
    try {
      const result = await connection.invoke('SaveNotes', roomId, state.notesVersion, text);
      if (result.saved) {
        state.notesVersion = result.version;
        state.notes = result.notes;
        if (editor.value === text) { delete editor.dataset.dirty; localStorage.removeItem(draftKey); }
        $('notes-saved').textContent = `Saved (version ${result.version}).`;
        $('notes-conflict').hidden = true;
      } else {
        $('notes-conflict').hidden = false;
        $('notes-conflict-text').textContent = result.conflict;
        $('notes-theirs').value = result.notes;
        state.notes = result.notes;
        state.conflictVersion = result.version;
        $('notes-saved').textContent = 'Not saved: see below.';
      }
    } catch (e) {
      $('notes-saved').textContent = `Not saved yet: ${errorText(e)} Your text is kept in this browser.`;
    } finally {
      saving = false;
    }
  }

  $('notes-text').addEventListener('input', (e) => {
    e.target.dataset.dirty = '1';
    localStorage.setItem(draftKey, e.target.value);
    $('notes-saved').textContent = 'Saving…';
    scheduleSave();
  });
  $('notes-take-theirs').addEventListener('click', () => {
    const editor = $('notes-text');
    editor.value = $('notes-theirs').value;
    state.notesVersion = state.conflictVersion;
    delete editor.dataset.dirty;
    localStorage.removeItem(draftKey);
    $('notes-conflict').hidden = true;
    editor.focus();
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
            if (result.saved) { $('notes-text').value = result.notes; state.notesVersion = result.version; state.notes = result.notes; say(`Restored version ${v.version} as version ${result.version}.`); }
            else say(result.conflict || 'Not restored.');
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
