// @ts-check
// GuidelinesReview: live comments on a draft version.
// Talks to /hubs/review (see README "Integrations"). Keeps the highest change sequence number
// seen and catches up from it after a reconnect; comments written while offline wait in
// localStorage (review/offline-queue.js) and are sent, once each (client ids), when the connection is back.
// On a localized view (/v/{n}/{lang}) comments carry the page's language and are on the whole block:
// a passage is quoted only on the source text (see Core/Comments/CommentLanguage.cs), so words
// selected in a translation go into the comment's text as a Markdown quote instead.
import { el, say } from './shared/dom.js';
import { connectTo, errorText, isRefusal, rejoinAfterReconnect, HubConnectionState } from './shared/hub.js';
import { OfflineQueue } from './review/offline-queue.js';
import { collapse, quoteFromSelection, quoteTyped, indexText, highlightSegments, snapToWords } from './review/quotes.js';
import { layoutMargin } from './review/margin.js';

/** @typedef {import('./shared/hub-types.js').CommentView} CommentView */
/** @typedef {import('./shared/hub-types.js').CarriedView} CarriedView */
/** @typedef {import('./shared/hub-types.js').PresenceView} PresenceView */
/** @typedef {import('./shared/hub-types.js').JoinResult} JoinResult */
/** @typedef {import('./shared/hub-types.js').ConsultationView} ConsultationView */
/** @typedef {import('./shared/hub-types.js').DispositionView} DispositionView */
/** @typedef {import('./shared/hub-types.js').QuoteInput} QuoteInput */
/** @typedef {import('./shared/hub-types.js').PostCommentInput} PostCommentInput */
/** @typedef {import('./shared/hub-types.js').CommentHistory} CommentHistory */
/** @typedef {import('./review/offline-queue.js').PendingComment} PendingComment */

/**
 * What the page renders into #review-data.
 * @typedef {object} ReviewData
 * @property {Record<string, string>} areas
 * @property {Record<string, string>} principles
 * @property {{ number: number, label: string }[]} versions
 * @property {{ value: string, name: string }[]} decisions
 * @property {number} maxBody
 * @property {number | null} roomId posting from a breakout room (exempt from the consultation window)
 * @property {string | null} language the language the page shows the version in (null: its own, the source text)
 * @property {string} sourceLanguage the version's own language
 * @property {Record<string, string>} languages language code -> English name, for the badges
 * @property {number | null} current the guideline's current version, when this one is superseded
 */

/**
 * A form built by formShell; its controls are reached by name.
 * @typedef {HTMLFormElement & Record<string, any>} CommentForm
 */

const draftEl = document.getElementById('draft');
if (draftEl) review(draftEl);

/** @param {HTMLElement} draft */
function review(draft) {
  const versionId = Number(draft.dataset.versionId);
  const userId = draft.dataset.userId;
  /** @type {ReviewData} */
  const data = JSON.parse(document.getElementById('review-data')?.textContent || '{}');
  const statusEl = /** @type {HTMLElement} */ (document.getElementById('live-status'));
  const presenceEl = /** @type {HTMLElement} */ (document.getElementById('presence'));
  const selectionButton = /** @type {HTMLButtonElement} */ (document.getElementById('selection-comment'));
  const queue = new OfflineQueue(localStorage, `gr.queue.${versionId}.${userId}`);

  /** @type {Map<number, CommentView>} */
  const comments = new Map();
  /** @type {Map<number, CarriedView>} comments made on earlier versions, placed in this one */
  const carried = new Map();
  let seq = 0;
  let canWrite = false;
  let canModerate = false;
  /** @type {string | null} */
  let readOnlyReason = null;
  /** @type {ConsultationView | null} what the version's consultation windows say now (JoinResult.consultation) */
  let consultation = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let consultationTimer;
  let joined = false;
  let joinedOnce = false;

  // ---------- small helpers ----------

  function newClientId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  /** @param {string} iso */
  const when = (iso) => {
    const d = new Date(iso);
    return el('time', { datetime: d.toISOString(), text: dateFormat.format(d) });
  };

  /**
   * The comment column beside a block (null: the block is filtered out of this view).
   * @param {string} anchor
   * @returns {HTMLElement | null}
   */
  const columnFor = (anchor) => document.querySelector(`[data-comments-for="${CSS.escape(anchor)}"]`);

  /**
   * A block's place in words ("1.1 Purpose of the guidelines: “The purpose…”"), which the page
   * renders on its row; forms, badges and announcements say it instead of the anchor.
   * @param {string} anchor
   */
  const placeOf = (anchor) => /** @type {HTMLElement | null} */ (document.querySelector(`[data-block-row="${CSS.escape(anchor)}"]`))?.dataset.place || anchor;

  /** @param {string} text @param {string} state */
  function setStatus(text, state) {
    steady(() => {
      statusEl.textContent = text;
      statusEl.dataset.state = state;
    });
  }

  // Outside a consultation window the version is read-only for comments, except those posted
  // from a breakout room (the meeting's own channel).
  const windowRefusal = () => (consultation && consultation.refusal && !data.roomId ? consultation.refusal : null);
  const writable = () => canWrite && !windowRefusal();
  const refusal = () => readOnlyReason || windowRefusal();

  // ---------- connection ----------

  const connection = connectTo('/hubs/review');

  // What arrives live never moves what the reader is looking at (steady), and others' new
  // comments are marked "new" until the reader goes to them.
  connection.on('CommentChanged', (/** @type {CommentView} */ comment) => {
    if (comment.versionId !== versionId) return;
    const before = comments.get(comment.id);
    if (!before && comment.author.id !== userId) fresh.add(comment.id);
    announceChange(before, comment);
    steady(() => upsert(comment));
    showNewCounter();
  });
  connection.on('CarriedCommentChanged', (/** @type {CarriedView} */ view) => {
    carried.set(view.comment.id, view);
    steady(renderAll);
  });
  connection.on('PresenceChanged', (/** @type {number} */ id, /** @type {PresenceView[]} */ viewers) => {
    if (id === versionId) steady(() => showPresence(viewers));
  });
  connection.onreconnecting(() => setStatus('Connection lost: reconnecting… Comments you write now will be sent when it is back.', 'reconnecting'));

  const online = () => navigator.onLine && connection.state === HubConnectionState.Connected && joined;

  async function start() {
    try {
      if (connection.state === HubConnectionState.Disconnected) {
        setStatus('Connecting to live comments…', 'connecting');
        await connection.start();
      }
      if (connection.state === HubConnectionState.Connected) await join();
    } catch (e) {
      if (/401|403|signed out|account changed/i.test(e instanceof Error ? e.message : '')) {
        // The sign-in ended (expired, signed out elsewhere, role changed): say so; keep what was written.
        statusEl.replaceChildren('Your sign-in has ended. ', el('a', { href: `/account/login?ReturnUrl=${encodeURIComponent(location.pathname)}`, text: 'Sign in again' }),
          ' to keep commenting; anything you wrote is kept and sent afterwards.');
        statusEl.dataset.state = 'offline';
        setTimeout(start, 30000);
        return;
      }
      setStatus('Could not reach the server; retrying… Comments you write will be sent when it is back.', 'offline');
      setTimeout(start, 5000);
    }
  }

  rejoinAfterReconnect(connection, join, start, () => { joined = false; return true; });

  async function join() {
    joined = false;
    /** @type {JoinResult} */
    const result = await connection.invoke('JoinVersion', versionId, seq);
    canWrite = result.canWrite;
    canModerate = result.canModerate;
    readOnlyReason = result.readOnlyReason;
    consultation = result.consultation;
    for (const comment of result.comments) upsert(comment, false);
    seq = Math.max(seq, result.seq);
    carried.clear();
    for (const view of result.carried) carried.set(view.comment.id, view);
    const first = !joinedOnce;
    joinedOnce = true;
    joined = true;
    document.querySelectorAll('[data-add-comment]').forEach(b => { /** @type {HTMLElement} */ (b).hidden = false; });
    steady(renderAll);
    // Comment columns just opened above the permalink target may have pushed it down: go back to it.
    if (first && location.hash) {
      try {
        const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
        if (target) target.scrollIntoView({ block: 'start', behavior: 'instant' });
      } catch { /* a malformed address */ }
    }
    showPresence(result.viewers);
    setStatus(refusal() ? `Live: comments appear as they are posted, but you cannot add any here. ${refusal()}` : 'Live: new comments appear as they are posted.', 'live');
    showWindowInForms();
    watchConsultation();
    flushQueue();
  }

  // When a window opens or closes (by the server's clock), join again to hear what that means for
  // this person. Up to a second of spread, so a whole audience does not rejoin in the same instant.
  function watchConsultation() {
    clearTimeout(consultationTimer);
    if (!consultation || !consultation.changesAt) return;
    const wait = Date.parse(consultation.changesAt) - Date.parse(consultation.now) + 100 + Math.random() * 1000;
    consultationTimer = setTimeout(() => { if (online()) join().catch(() => {}); }, Math.min(wait, 86400000));
  }

  // A comment form left open when the window closes says so (the server would refuse it anyway).
  function showWindowInForms() {
    const reason = windowRefusal();
    document.querySelectorAll('form[data-writes]').forEach(node => {
      const form = /** @type {HTMLFormElement} */ (node);
      const submit = /** @type {HTMLButtonElement} */ (form.querySelector('button[type="submit"]'));
      const error = /** @type {HTMLElement} */ (form.querySelector('.form-error'));
      if (reason) {
        error.textContent = reason;
        submit.disabled = true;
        form.dataset.closed = '';
      } else if (form.hasAttribute('data-closed')) {
        error.textContent = '';
        submit.disabled = false;
        delete form.dataset.closed;
      }
    });
  }

  window.addEventListener('online', () => { if (connection.state === HubConnectionState.Connected) flushQueue(); });
  window.addEventListener('offline', () => setStatus('You are offline. Comments you write now will be sent when you are back online.', 'offline'));

  // Screen readers hear about others' new comments and decisions, a few at a time.
  const announcer = document.getElementById('live-announce');
  /** @type {string[]} */
  let announcements = [];
  /** @param {CommentView | undefined} before @param {CommentView} after */
  function announceChange(before, after) {
    if (!announcer || after.author.id === userId && !after.disposition) return;
    if (!before) announcements.push(`New ${after.parentId ? 'reply' : 'comment'} by ${after.author.name} on ${placeOf(blockOf(after))}.`);
    else if (!before.disposition && after.disposition) announcements.push(`Decision on the comment by ${after.author.name}: ${after.disposition.decisionName}.`);
    if (announcements.length === 1) {
      setTimeout(() => {
        announcer.textContent = announcements.slice(0, 3).join(' ') + (announcements.length > 3 ? ` And ${announcements.length - 3} more.` : '')
          + (fresh.size ? ` ${newCountText()}: Alt+Shift+N goes to the next.` : '');
        announcements = [];
      }, 1500);
    }
  }

  /** @param {PresenceView[]} viewers */
  function showPresence(viewers) {
    presenceEl.textContent = viewers.length
      ? `Viewing now (${viewers.length}): ${viewers.map(v => v.name).join(', ')}`
      : '';
  }

  // ---------- state ----------

  /** @param {CommentView} comment @param {boolean} [render] */
  function upsert(comment, render = true) {
    const known = comments.get(comment.id);
    if (known && known.seq > comment.seq) return; // an older view arriving late
    comments.set(comment.id, comment);
    // The catch-up point comes only from JoinVersion: pushes can arrive out of commit order.
    if (comment.author.id === userId) queue.settle(comment.clientId);
    if (render) renderBlock(blockOf(comment));
  }

  /** @param {CommentView} comment */
  function blockOf(comment) {
    if (comment.parentId) {
      const parent = comments.get(comment.parentId);
      return parent ? parent.anchor : comment.anchor;
    }
    return comment.anchor;
  }

  // Sends what waits, one at a time, in the order written.
  function flushQueue() {
    if (queue.flushing || !online()) return;
    queue.flush({
      send: (input) => connection.invoke('PostComment', input),
      online,
      onSaved: (saved) => upsert(saved),
      retryLater: (ms) => setTimeout(flushQueue, ms),
    }).finally(renderAll);
  }

  // ---------- rendering ----------

  function renderAll() {
    renderOrphans();
    const anchors = new Set([...comments.values()].map(blockOf));
    for (const view of carried.values()) if (view.anchor) anchors.add(view.anchor);
    for (const p of queue.list()) anchors.add(p.input.anchor || (p.input.parentId && comments.get(p.input.parentId)?.anchor) || '');
    document.querySelectorAll('[data-comments-for]').forEach(c => anchors.add(/** @type {HTMLElement} */ (c).dataset.commentsFor || ''));
    anchors.forEach(a => a && renderBlock(a));
  }

  /** @param {string} anchor */
  function renderBlock(anchor) {
    const column = columnFor(anchor);
    if (!column) return; // filtered out of this view
    // Keep the keyboard focus where it was through the re-render.
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const active = focused && column.contains(focused) && !focused.closest('form') ? focused : null;
    const focusComment = active ? /** @type {HTMLElement | null} */ (active.closest('[data-comment]'))?.dataset.comment ?? null : null;
    const focusAction = active ? active.dataset.action : null;
    const openForms = column.querySelectorAll('form[data-keep]');
    const threads = [...comments.values()].filter(c => !c.parentId && c.anchor === anchor)
      .sort((a, b) => ((a.quote ? a.quote.start : -1) - (b.quote ? b.quote.start : -1)) || ((a.quote ? a.quote.end : -1) - (b.quote ? b.quote.end : -1)) || a.id - b.id);
    const waiting = queue.list().filter(p => !p.input.parentId && p.input.anchor === anchor);
    const list = el('ol', { class: 'thread-list' });

    // Comments on the same passage are grouped under one quote.
    /** @type {{ key: string, list: HTMLOListElement } | null} */
    let group = null;
    for (const thread of threads) {
      const key = thread.quote ? `${thread.quote.start}:${thread.quote.end}` : 'block';
      if (!group || group.key !== key) {
        group = { key, list: el('ol', { class: 'quote-group-list' }) };
        list.append(el('li', { class: 'quote-group' },
          thread.quote ? el('blockquote', { class: 'comment-quote', lang: data.sourceLanguage, text: `“${thread.quote.exact}”` }) : null,
          group.list));
      }
      group.list.append(renderThread(thread));
    }
    for (const p of waiting) list.append(renderPending(p));
    const fromEarlier = [...carried.values()].filter(v => v.anchor === anchor).sort((a, b) => a.comment.versionNumber - b.comment.versionNumber || a.comment.id - b.comment.id);
    for (const view of fromEarlier) list.append(renderCarried(view));

    // Replace only the list: an open form (and the focus in it) stays where it is.
    const old = column.querySelector(':scope > .thread-list');
    if (old) old.replaceWith(list); else column.prepend(list);
    if (focusComment) {
      /** @type {HTMLElement | null} */
      const item = list.querySelector(`[data-comment="${CSS.escape(focusComment)}"]`);
      /** @type {HTMLElement | null} */
      const target = item && (focusAction ? item.querySelector(`[data-action="${CSS.escape(focusAction)}"]`) : null) || item;
      if (target) target.focus({ preventScroll: true });
    }
    const count = threads.length + threads.reduce((n, t) => n + [...comments.values()].filter(r => r.parentId === t.id).length, 0) + waiting.length + fromEarlier.length;
    column.hidden = count === 0 && openForms.length === 0;
    updateBadge(anchor, column, count, [...column.querySelectorAll('.comment-new')].length);
    scheduleLayout();
    highlight(anchor, threads.concat(fromEarlier.filter(v => v.quote).map(v => ({ ...v.comment, quote: v.quote }))));
  }

  // A comment made on an earlier version: read-only here, with where it came from and its decision.
  /** @param {CarriedView} view */
  function renderCarried(view) {
    const c = view.comment;
    const note = view.status === 'unchanged' ? 'text unchanged since'
      : view.passageFound ? 'the text changed since' : 'the words it quoted were reworded since';
    return el('li', { class: `comment comment-carried${c.hidden ? ' comment-hidden' : ''}`, id: `c-${c.id}`, 'data-comment': c.id, tabindex: '-1' },
      authorLine(c),
      el('p', { class: 'comment-meta' },
        el('span', { class: 'state-badge carried-badge', text: `From v${c.versionNumber}` }),
        el('span', { class: 'carried-note', text: `(${note})` }),
        el('span', { class: `type-badge type-${c.type}`, text: typeName(c.type) }),
        languageBadge(c)),
      c.quote && !view.quote ? el('blockquote', { class: 'comment-quote', lang: data.sourceLanguage, text: `“${c.quote.exact}” (in v${c.versionNumber})` }) : null,
      c.bodyHtml !== null ? el('div', { class: 'comment-body', dir: 'auto', html: c.bodyHtml }) : el('p', { class: 'text-muted', text: 'Hidden by the secretariat.' }),
      c.proposedText ? el('div', { class: 'comment-proposed' }, el('p', { class: 'label', text: 'Proposed change:' }), el('p', { text: c.proposedText })) : null,
      c.disposition ? renderDisposition(c.disposition) : el('p', { class: 'small text-muted mb-1', text: 'No decision yet.' }),
      el('p', { class: 'small mb-0' }, el('a', { href: `${location.pathname.replace(/\/v\/\d+.*$/, '')}/v/${c.versionNumber}${data.language ? `/${data.language}` : ''}#${c.anchor}`, text: `Open on v${c.versionNumber}` })));
  }

  // Comments whose text is no longer in this version: listed apart, never attached to look-alike text.
  function renderOrphans() {
    const panel = document.getElementById('orphaned');
    if (!panel) return;
    const orphans = [...carried.values()].filter(v => !v.anchor);
    panel.hidden = orphans.length === 0;
    const summary = panel.querySelector('summary');
    if (summary) summary.textContent = `${orphans.length} comment${orphans.length === 1 ? '' : 's'} on earlier versions whose text is no longer in this one`;
    panel.querySelector('ol')?.replaceChildren(...orphans.map(renderCarried));
  }

  // The language of the reading view a comment was written on, when it is not the source text.
  /** @param {CommentView} c */
  const languageBadge = (c) => c.language
    ? el('span', { class: 'state-badge lang-badge', title: `Written on the ${data.languages?.[c.language] || c.language} version`, 'data-lang': c.language },
      el('span', { class: 'visually-hidden', text: `Written on the ${data.languages?.[c.language] || c.language} version: ` }),
      el('span', { 'aria-hidden': 'true', text: c.language.toUpperCase() }))
    : null;

  /** @param {CommentView} c */
  function authorLine(c) {
    return el('p', { class: 'comment-head' },
      el('strong', { text: c.author.name }),
      c.author.organisation ? el('span', { class: 'comment-org', text: ` · ${c.author.organisation}` }) : null,
      el('span', { class: 'comment-org', text: ` · ${c.author.stakeholderGroup}` }),
      ' ', when(c.createdAt),
      c.editedAt ? el('span', { class: 'comment-edited', text: ' (edited)' }) : null);
  }

  /** @param {CommentView} c */
  function renderThread(c) {
    const mine = c.author.id === userId;
    const replies = [...comments.values()].filter(r => r.parentId === c.id).sort((a, b) => a.id - b.id);
    const pendingReplies = queue.list().filter(p => p.input.parentId === c.id);
    const item = el('li', { class: `comment comment-${c.status}${c.hidden ? ' comment-hidden' : ''}${fresh.has(c.id) ? ' comment-new' : ''}`, id: `c-${c.id}`, 'data-comment': c.id, tabindex: '-1' },
      fresh.has(c.id) ? el('span', { class: 'new-badge', text: 'New' }) : null,
      authorLine(c),
      el('p', { class: 'comment-meta' },
        el('span', { class: `type-badge type-${c.type}`, text: typeName(c.type) }),
        languageBadge(c),
        c.status === 'withdrawn' ? el('span', { class: 'state-badge', text: 'Withdrawn by the author' }) : null,
        c.room ? el('a', { class: 'state-badge', href: `/meetings/${c.room.meetingSlug}/rooms/${c.room.id}`, text: `From room: ${c.room.title}` }) : null,
        c.hidden ? el('span', { class: 'state-badge', text: `Hidden by the secretariat on ${dateFormat.format(new Date(c.hidden.at))}` }) : null),
      c.hidden && c.hidden.reason ? el('p', { class: 'comment-reason', text: `Reason: ${c.hidden.reason}` }) : null,
      c.bodyHtml !== null ? el('div', { class: 'comment-body', dir: 'auto', html: c.bodyHtml }) : null,
      c.proposedText ? el('div', { class: 'comment-proposed' }, el('p', { class: 'label', text: 'Proposed change:' }), el('p', { text: c.proposedText })) : null,
      c.disposition ? renderDisposition(c.disposition) : null,
      renderActions(c, mine),
      replies.length || pendingReplies.length
        ? el('ol', { class: 'replies', 'aria-label': `Replies to ${c.author.name}` }, replies.map(renderReply), pendingReplies.map(renderPending))
        : null);
    return item;
  }

  /** @param {CommentView} r */
  function renderReply(r) {
    return el('li', { class: `comment reply comment-${r.status}${r.hidden ? ' comment-hidden' : ''}${fresh.has(r.id) ? ' comment-new' : ''}`, id: `c-${r.id}`, 'data-comment': r.id, tabindex: '-1' },
      fresh.has(r.id) ? el('span', { class: 'new-badge', text: 'New' }) : null,
      authorLine(r),
      r.language ? el('p', { class: 'comment-meta' }, languageBadge(r)) : null,
      r.status === 'withdrawn' ? el('p', { class: 'comment-meta' }, el('span', { class: 'state-badge', text: 'Withdrawn by the author' })) : null,
      r.hidden ? el('p', { class: 'comment-meta' }, el('span', { class: 'state-badge', text: `Hidden by the secretariat on ${dateFormat.format(new Date(r.hidden.at))}` })) : null,
      r.bodyHtml !== null ? el('div', { class: 'comment-body', dir: 'auto', html: r.bodyHtml }) : null,
      renderActions(r, r.author.id === userId));
  }

  /** @param {PendingComment} p */
  function renderPending(p) {
    return el('li', { class: `comment comment-pending${p.error ? ' comment-failed' : ''}`, 'data-client-id': p.input.clientId },
      el('p', { class: 'comment-head' }, el('strong', { text: 'You' }), ' ',
        el('span', { class: 'state-badge', text: p.error ? 'Not sent' : (online() ? 'Sending…' : 'Waiting for the connection; will be sent automatically') })),
      el('div', { class: 'comment-body', dir: 'auto' }, el('p', { text: p.input.body })),
      p.error ? el('p', { class: 'text-danger', role: 'alert', text: p.error }) : null,
      p.error ? el('button', { type: 'button', class: 'btn btn-sm btn-link', text: 'Discard', onclick: () => { queue.discard(p.input.clientId); renderAll(); } }) : null);
  }

  /** @param {DispositionView} d */
  function renderDisposition(d) {
    const where = d.addressedVersion ? ` Addressed in v${d.addressedVersion}${d.addressedAnchor ? ` at ${d.addressedAnchor}` : ''}.` : '';
    return el('div', { class: `disposition decision-${d.decision}` },
      el('p', { class: 'mb-1' }, el('strong', { text: `Secretariat decision: ${d.decisionName}.` }), where),
      d.observation ? el('p', { class: 'mb-0', text: d.observation }) : null);
  }

  /** @type {Record<string, string>} */
  const typeNames = { general: 'General', technical: 'Technical', editorial: 'Editorial' };
  /** @param {string} t */
  const typeName = (t) => typeNames[t] || t;

  /** @param {CommentView} c @param {boolean} mine */
  function renderActions(c, mine) {
    const bar = el('div', { class: 'comment-actions' });
    const active = c.status === 'active';
    const supported = c.supporters.some(s => s.id === userId);
    const supportLabel = `+1 Support${c.supporters.length ? ` (${c.supporters.length})` : ''}`;
    if (!c.parentId) {
      if (writable() && !mine && active) {
        bar.append(el('button', { type: 'button', 'data-action': 'support', class: 'btn btn-sm btn-outline-primary', 'aria-pressed': String(supported), text: supportLabel,
          title: c.supporters.map(s => s.name).join(', '), onclick: () => act('SetSupport', c.id, !supported) }));
      } else if (c.supporters.length) {
        bar.append(el('span', { class: 'support-count', text: `${c.supporters.length} support${c.supporters.length === 1 ? '' : 's'}` }));
      }
      if (c.supporters.length) bar.append(el('span', { class: 'support-names', text: `Supported by ${c.supporters.map(s => s.name).join(', ')}` }));
      if (writable() && active) bar.append(el('button', { type: 'button', 'data-action': 'reply', class: 'btn btn-sm btn-link', text: 'Reply', onclick: () => openReply(c) }));
    }
    if (mine && writable() && active && !c.replyCount && !c.disposition) {
      bar.append(el('button', { type: 'button', 'data-action': 'edit', class: 'btn btn-sm btn-link', text: 'Edit', onclick: () => openEdit(c) }));
    }
    if (mine && writable() && active) {
      bar.append(el('button', { type: 'button', 'data-action': 'withdraw', class: 'btn btn-sm btn-link', text: 'Withdraw', onclick: () => { if (confirm('Withdraw this comment? It stays visible, marked as withdrawn.')) act('WithdrawComment', c.id); } }));
    }
    if (canModerate) {
      bar.append(c.hidden
        ? el('button', { type: 'button', 'data-action': 'unhide', class: 'btn btn-sm btn-link', text: 'Unhide', onclick: () => act('UnhideComment', c.id) })
        : el('button', { type: 'button', 'data-action': 'hide', class: 'btn btn-sm btn-link', text: 'Hide', onclick: () => openHide(c) }));
      if (!c.parentId) bar.append(el('button', { type: 'button', 'data-action': 'decide', class: 'btn btn-sm btn-link', text: c.disposition ? 'Change decision' : 'Record decision', onclick: () => openDisposition(c) }));
    }
    if (c.revisionCount || canModerate || (c.placements && c.placements.length)) {
      bar.append(el('button', { type: 'button', class: 'btn btn-sm btn-link', text: c.revisionCount ? `History (${c.revisionCount} edit${c.revisionCount === 1 ? '' : 's'})` : 'History', onclick: (/** @type {Event} */ e) => showHistory(c, /** @type {HTMLElement} */ (e.target)) }));
    }
    return bar;
  }

  /** @param {string} method @param {...unknown} args */
  async function act(method, ...args) {
    try {
      upsert(await connection.invoke(method, ...args));
    } catch (e) {
      say(isRefusal(e) ? errorText(e) : 'Not connected: try again in a moment.');
    }
  }

  // ---------- highlights ----------

  // Positions in the block's collapsed text (what the server stores) mapped to DOM text positions.
  /** @param {HTMLElement} blockEl */
  function textIndex(blockEl) {
    /** @type {Text[]} */
    const nodes = [];
    const walker = document.createTreeWalker(blockEl, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(/** @type {Text} */ (node));
    const { text, map } = indexText(nodes.map(n => n.nodeValue || ''));
    return { text, map: map.map(at => (at ? { node: nodes[at.node], offset: at.offset } : null)) };
  }

  /** @param {HTMLElement} blockEl */
  function unwrapMarks(blockEl) {
    blockEl.querySelectorAll('mark.hl').forEach(mark => mark.replaceWith(...mark.childNodes));
    blockEl.normalize();
  }

  /** @param {string} anchor @param {CommentView[]} threads */
  function highlight(anchor, threads) {
    const blockEl = document.getElementById(anchor);
    if (!blockEl) return;
    // Quotes are of the source text: on a localized view only a block still in the source language shows them.
    if ((blockEl.closest('[lang]')?.getAttribute('lang') || data.sourceLanguage) !== data.sourceLanguage) return;
    const quoted = /** @type {(CommentView & { quote: import('./shared/hub-types.js').QuoteSelector })[]} */ (threads.filter(t => t.quote && !t.hidden && t.status === 'active'));
    // Re-wrapping the text drops the reader's selection: only do it when the passages changed.
    const signature = quoted.map(t => `${t.id}:${t.quote.start}-${t.quote.end}`).sort().join(',');
    if (blockEl.dataset.highlighted === signature) return;
    blockEl.dataset.highlighted = signature;
    unwrapMarks(blockEl);
    if (!quoted.length) return;
    const { text, map } = textIndex(blockEl);
    // Trust the stored offsets only if the page's text agrees; otherwise look for the words.
    const segments = highlightSegments(text, quoted);
    // Wrap from the end so earlier DOM positions stay valid.
    for (const seg of segments.reverse()) {
      const chars = map.slice(seg.from, seg.to).filter(c => c !== null);
      /** @type {Map<Text, { node: Text, start: number, end: number }>} */
      const byNode = new Map();
      chars.forEach(c => {
        const r = byNode.get(c.node) || { node: c.node, start: c.offset, end: c.offset };
        r.start = Math.min(r.start, c.offset); r.end = Math.max(r.end, c.offset);
        byNode.set(c.node, r);
      });
      for (const r of [...byNode.values()].reverse()) {
        const range = document.createRange();
        range.setStart(r.node, r.start);
        range.setEnd(r.node, r.end + 1);
        const mark = el('mark', { class: `hl${seg.ids.length > 1 ? ' hl-multi' : ''}`, 'data-comments': seg.ids.join(' '),
          title: `${seg.ids.length} comment${seg.ids.length === 1 ? '' : 's'} on this passage` });
        range.surroundContents(mark);
      }
    }
  }

  document.addEventListener('click', (event) => {
    const mark = event.target instanceof Element ? /** @type {HTMLElement | null} */ (event.target.closest('mark.hl')) : null;
    if (!mark) return;
    const first = document.getElementById(`c-${(mark.dataset.comments || '').split(' ')[0]}`);
    if (first) { first.focus(); first.classList.add('flash'); setTimeout(() => first.classList.remove('flash'), 1500); }
  });

  // ---------- forms ----------

  /** @param {HTMLElement} column */
  function closeForms(column) {
    column.querySelectorAll('form[data-keep]').forEach(f => f.remove());
  }

  /**
   * A form in a comment column. writes: a comment, reply or edit, which a closing consultation
   * window stops (not moderation).
   * @param {HTMLElement} column
   * @param {string} title
   * @param {(form: CommentForm, error: HTMLElement) => Promise<void>} onSubmit
   * @param {(Node | null)[]} fields
   * @param {string} submitText
   * @param {boolean} [writes]
   * @returns {CommentForm}
   */
  function formShell(column, title, onSubmit, fields, submitText, writes = false) {
    if (isPhone()) openSheet(column.dataset.commentsFor || '', document.activeElement instanceof HTMLElement ? document.activeElement : null);
    closeForms(column);
    const error = el('p', { class: 'text-danger form-error', role: 'alert', id: `e${++fieldId}` });
    const submit = el('button', { type: 'submit', class: 'btn btn-sm btn-primary', text: submitText });
    const form = /** @type {CommentForm} */ (el('form', { class: 'comment-form', 'data-keep': true, 'data-writes': writes, 'aria-label': title, novalidate: true },
      el('p', { class: 'form-title', text: title }), fields, error,
      el('div', { class: 'd-flex gap-2' }, submit,
        el('button', { type: 'button', class: 'btn btn-sm btn-link', text: 'Cancel', onclick: () => { form.remove(); renderBlock(column.dataset.commentsFor || ''); } }))));
    form.addEventListener('input', (event) => {
      // Typing again clears the field's error mark (the message stays until the next submit).
      if (event.target instanceof HTMLElement && event.target.getAttribute('aria-invalid') === 'true') event.target.removeAttribute('aria-invalid');
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      submit.disabled = true;
      try {
        await onSubmit(form, error);
      } finally {
        submit.disabled = false;
      }
    });
    column.hidden = false;
    column.append(form);
    if (column.closest('dialog')) sheetBody.querySelector('.sheet-add')?.remove();
    opened = column.dataset.commentsFor || null;
    layoutNow(); // now, not next frame: a folded thread must be shown before its field can take the focus
    /** @type {HTMLElement | null} */
    const first = form.querySelector('textarea, input, select');
    if (first) first.focus({ preventScroll: !isPhone() });
    if (!isPhone()) requestAnimationFrame(() => form.scrollIntoView({ block: 'nearest' }));
    return form;
  }

  let fieldId = 0;
  /** @param {string} label @param {HTMLElement} control @param {string} [hint] */
  const field = (label, control, hint) => {
    const id = `f${++fieldId}`;
    control.id = id;
    return el('div', { class: 'mb-2' }, el('label', { for: id, class: 'form-label small', text: label }), control,
      hint ? el('div', { class: 'form-text', text: hint }) : null);
  };

  /** @param {string} value */
  const typeSelect = (value) => el('select', { class: 'form-select form-select-sm', name: 'type' },
    ['general', 'technical', 'editorial'].map(t => el('option', { value: t, text: typeName(t), selected: t === value })));

  /** @param {string} anchor @param {QuoteInput | null} quote */
  function openComposer(anchor, quote) {
    if (!writable()) { say(refusal() || 'Your role cannot comment.'); return; }
    const column = columnFor(anchor);
    if (!column) return;
    // On a localized view there is no passage field: the selection is quoted in the comment's text.
    const localized = Boolean(data.language);
    const passage = localized ? null : el('input', { class: 'form-control form-control-sm', name: 'quote', value: quote ? quote.exact : '', maxlength: 2000 });
    const bodyField = el('textarea', { class: 'form-control form-control-sm', name: 'body', rows: 4, required: true, maxlength: data.maxBody, dir: 'auto' });
    const form = formShell(column, `Comment on ${placeOf(anchor)}`, async (form, error) => {
      const body = form.body.value;
      if (!collapse(body)) { fieldError(form, error, 'body', 'Write something: the comment is empty.'); return; }
      const exact = localized ? '' : collapse(form.quote.value);
      /** @type {PostCommentInput} */
      const input = {
        clientId: newClientId(), versionId, anchor, type: form.type.value, body,
        proposedText: form.proposed.value || null,
        quote: exact ? quoteFor(anchor, exact, quote) : null, parentId: null, roomId: data.roomId || null,
        language: data.language || null,
      };
      await submitPost(input, form, error);
    }, [
      field('Type', typeSelect('general')),
      passage ? field('Passage (optional)', passage, 'Select text in the draft, or type the exact words you are commenting on.') : null,
      field('Comment', bodyField, localized ? `Your comment is on the whole paragraph and marked as written on the ${data.languages?.[data.language || ''] || data.language} version.` : undefined),
      field('Proposed replacement text (optional)', el('textarea', { class: 'form-control form-control-sm', name: 'proposed', rows: 2, dir: 'auto' })),
    ], 'Post comment', true);
    if (localized && quote) {
      bodyField.value = `> ${quote.exact}\n\n`;
      bodyField.setSelectionRange(bodyField.value.length, bodyField.value.length);
    }
    return form;
  }

  /** @param {string} anchor @param {string} exact @param {QuoteInput | null} selected */
  function quoteFor(anchor, exact, selected) {
    if (selected && selected.exact === exact) return selected;
    // Typed by hand: take the first occurrence; the server checks it is there.
    return quoteTyped(document.getElementById(anchor)?.textContent || '', exact);
  }

  // Sends now if connected; otherwise queues. A refusal keeps the form open with its message.
  /** @param {PostCommentInput} input @param {HTMLFormElement} form @param {HTMLElement} error */
  async function submitPost(input, form, error) {
    queue.add(input);
    if (!online()) {
      form.remove();
      renderAll();
      say('You are offline: the comment will be sent when the connection is back.');
      return;
    }
    try {
      /** @type {CommentView} */
      const saved = await connection.invoke('PostComment', input);
      form.remove();
      upsert(saved);
      const posted = document.getElementById(`c-${saved.id}`);
      if (posted) posted.focus({ preventScroll: false });
      say(input.parentId ? 'Reply posted' : 'Comment posted');
    } catch (e) {
      if (isRefusal(e)) {
        queue.discard(input.clientId);
        const message = errorText(e);
        fieldError(/** @type {CommentForm} */ (form), error, /passage/i.test(message) && form.querySelector('[name="quote"]') ? 'quote' : 'body', message);
        offerNearest(/** @type {CommentForm} */ (form), error, message);
      } else {
        form.remove();
        renderAll();
        say('Connection lost: the comment will be sent when it is back.');
      }
    }
  }

  /** @param {CommentView} c */
  function openReply(c) {
    const column = columnFor(c.anchor);
    if (!column) return;
    formShell(column, `Reply to ${c.author.name}`, async (form, error) => {
      if (!collapse(form.body.value)) { fieldError(form, error, 'body', 'Write something: the reply is empty.'); return; }
      await submitPost({ clientId: newClientId(), versionId, anchor: c.anchor, type: 'general', body: form.body.value, proposedText: null, quote: null, parentId: c.id, language: data.language || null }, form, error);
    }, [field('Reply', el('textarea', { class: 'form-control form-control-sm', name: 'body', rows: 3, maxlength: data.maxBody, dir: 'auto' }))], 'Post reply', true);
  }

  /** @param {HTMLFormElement} form @param {HTMLElement} error @param {string} method @param {...unknown} args */
  async function invokeFromForm(form, error, method, ...args) {
    try {
      const saved = await connection.invoke(method, ...args);
      form.remove();
      upsert(saved);
    } catch (e) {
      const first = form.querySelector('textarea, input:not([type="hidden"]), select');
      fieldError(/** @type {CommentForm} */ (form), error, first ? first.getAttribute('name') || '' : '', isRefusal(e) ? errorText(e) : 'Not connected: try again in a moment.');
    }
  }

  /** @param {CommentView} c */
  function openEdit(c) {
    const column = columnFor(blockOf(c));
    if (!column) return;
    const form = formShell(column, 'Edit your comment', (f, error) =>
      invokeFromForm(f, error, 'EditComment', { commentId: c.id, type: f.type.value, body: f.body.value, proposedText: f.proposed ? f.proposed.value || null : null }), [
      c.parentId ? null : field('Type', typeSelect(c.type)),
      field('Comment', el('textarea', { class: 'form-control form-control-sm', name: 'body', rows: 4, maxlength: data.maxBody })),
      c.parentId ? null : field('Proposed replacement text (optional)', el('textarea', { class: 'form-control form-control-sm', name: 'proposed', rows: 2 })),
    ].filter(Boolean), 'Save changes', true);
    form.body.value = c.body || '';
    if (form.proposed) form.proposed.value = c.proposedText || '';
    if (!form.type) form.append(el('input', { type: 'hidden', name: 'type', value: c.type }));
  }

  /** @param {CommentView} c */
  function openHide(c) {
    const column = columnFor(blockOf(c));
    if (!column) return;
    formShell(column, `Hide the comment by ${c.author.name}`, (f, error) => invokeFromForm(f, error, 'HideComment', c.id, f.reason.value),
      [field('Reason (kept in the moderation log)', el('input', { class: 'form-control form-control-sm', name: 'reason', maxlength: 500 }))], 'Hide comment');
  }

  /** @param {CommentView} c */
  function openDisposition(c) {
    const column = columnFor(c.anchor);
    if (!column) return;
    // Where its text changed in a later version is the likely "addressed in".
    const changed = [...(c.placements || [])].reverse().find(p => p.status === 'modified' && p.anchor);
    /** @type {Partial<DispositionView>} */
    const d = c.disposition || (changed ? { addressedVersion: changed.version, addressedAnchor: changed.anchor } : {});
    const form = formShell(column, `Decision on the comment by ${c.author.name}`, (f, error) => !f.decision.value
      ? Promise.resolve(fieldError(f, error, 'decision', 'Choose a decision first.'))
      : invokeFromForm(f, error, 'SetDisposition', {
      commentId: c.id, decision: f.decision.value, observation: f.observation.value,
      addressedVersionNumber: f.version.value ? Number(f.version.value) : null, addressedAnchor: f.anchor.value || null,
    }), [
      field('Decision', el('select', { class: 'form-select form-select-sm', name: 'decision', required: true },
        el('option', { value: '', text: 'Choose a decision…', selected: !d.decision }),
        data.decisions.map(x => el('option', { value: x.value, text: x.name, selected: x.value === d.decision })))),
      field('Observation', el('textarea', { class: 'form-control form-control-sm', name: 'observation', rows: 3 })),
      field('Addressed in version (optional)', el('select', { class: 'form-select form-select-sm', name: 'version' },
        el('option', { value: '', text: '—' }),
        data.versions.map(v => el('option', { value: v.number, text: `v${v.number} ${v.label}`, selected: v.number === d.addressedVersion })))),
      field('at paragraph (optional)', el('input', { class: 'form-control form-control-sm', name: 'anchor', placeholder: 'e.g. s2.1-p1' })),
      changed && !c.disposition ? el('p', { class: 'form-text', text: `Suggested: its text changed in v${changed.version} at ${changed.anchor}.` }) : null,
    ].filter(Boolean), 'Save decision');
    form.observation.value = d.observation || '';
    form.anchor.value = d.addressedAnchor || '';
  }

  /** @param {CommentView} c @param {HTMLElement} button */
  async function showHistory(c, button) {
    try {
      /** @type {CommentHistory} */
      const history = await connection.invoke('GetHistory', c.id);
      const path = [`v${c.versionNumber} ${c.anchor}`].concat((c.placements || []).map(p =>
        `v${p.version} ${p.anchor ? `${p.anchor} (${p.status === 'unchanged' ? 'same text' : p.passageFound ? 'text changed' : 'quoted words changed'})` : '(text gone)'}`));
      const box = el('div', { class: 'history' },
        el('p', { class: 'small mb-1', text: `Path through the drafts: ${path.join(' → ')}` }),
        history.revisions.length ? el('p', { class: 'small mb-1', text: 'Earlier text:' }) : null,
        history.revisions.map(r => el('blockquote', { class: 'small' }, when(r.writtenAt), ': ', r.body)),
        el('ul', { class: 'small mb-0' }, history.events.map(e => el('li', {}, when(e.at), ` ${e.kind} by ${e.actorName}${e.note ? ` (${e.note})` : ''}`))));
      button.closest('.comment')?.append(box);
      button.remove();
    } catch (e) {
      say(errorText(e));
    }
  }

  // ---------- starting a comment ----------

  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? /** @type {HTMLElement | null} */ (event.target.closest('[data-add-comment]')) : null;
    if (button) openComposer(button.dataset.addComment || '', null);
  });

  // Selecting text inside one block offers "Comment on selection" beside it (mouse and touch).
  /** @type {{ anchor: string, quote: QuoteInput } | null} */
  let selectionQuote = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let selectionTimer;

  /** @param {Node} node @returns {HTMLElement | null} */
  const blockOfNode = (node) => (node instanceof Element ? node : node.parentElement)?.closest('[data-anchor]') ?? null;

  /**
   * The passage the reader selected (mouse, touch, or caret browsing with Shift+arrows), inside
   * one block and widened to whole words; null when nothing in the draft is selected.
   * @returns {{ anchor: string, quote: QuoteInput, range: Range } | null}
   */
  function selectedPassage() {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0).cloneRange();
    const start = blockOfNode(range.startContainer);
    if (!start || !draft.contains(start)) return null;
    // A triple-click or a drag that runs into the next block: keep the part in the first block.
    if (blockOfNode(range.endContainer) !== start) range.setEnd(start, start.childNodes.length);
    // Whole words: a drag that starts or ends inside a word takes all of it.
    if (range.startContainer instanceof Text) {
      const [from] = snapToWords(range.startContainer.data, range.startOffset, range.startContainer === range.endContainer ? range.endOffset : range.startContainer.data.length);
      range.setStart(range.startContainer, Math.min(from, range.startOffset));
    }
    if (range.endContainer instanceof Text) {
      const text = range.endContainer.data;
      const [, to] = snapToWords(text, range.endContainer === range.startContainer ? range.startOffset : 0, range.endOffset);
      range.setEnd(range.endContainer, Math.max(to, range.endOffset));
    }
    const before = document.createRange();
    before.setStart(start, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const quote = quoteFromSelection(start.textContent || '', range.toString(), before.toString());
    return quote ? { anchor: start.id, quote, range } : null;
  }

  function onSelection() {
    selectionButton.hidden = true;
    selectionQuote = null;
    if (!writable()) return;
    const found = selectedPassage();
    if (!found) return;
    selectionQuote = { anchor: found.anchor, quote: found.quote };
    const rect = found.range.getBoundingClientRect();
    selectionButton.style.top = `${window.scrollY + rect.bottom + 6}px`;
    selectionButton.style.left = `${Math.max(8, Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - 200))}px`;
    selectionButton.hidden = false;
  }
  document.addEventListener('selectionchange', () => { clearTimeout(selectionTimer); selectionTimer = setTimeout(onSelection, 150); });
  selectionButton.addEventListener('mousedown', (e) => e.preventDefault()); // keep the selection
  selectionButton.addEventListener('click', () => {
    if (!selectionQuote) return;
    const { anchor, quote } = selectionQuote;
    selectionButton.hidden = true;
    openComposer(anchor, quote);
  });

  // ---------- keyboard ----------

  /** The block the reader is looking at: the caret's (caret browsing), else the first one whose text is in view. */
  function blockInView() {
    const selection = document.getSelection();
    const caret = selection && selection.anchorNode ? blockOfNode(selection.anchorNode) : null;
    if (caret && draft.contains(caret)) {
      const r = caret.getBoundingClientRect();
      if (r.bottom > 0 && r.top < window.innerHeight) return caret;
    }
    const first = firstVisibleBlock();
    return first ? /** @type {HTMLElement | null} */ (first.querySelector('[data-anchor]')) : null;
  }

  document.addEventListener('keydown', (event) => {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
    const target = /** @type {HTMLElement} */ (event.target);
    if (target && target.closest && target.closest('input, textarea, select, [contenteditable="true"]')) return;
    if (event.code === 'KeyC') {
      event.preventDefault();
      const passage = selectedPassage();
      const block = passage ? null : blockInView();
      if (passage) openComposer(passage.anchor, passage.quote);
      else if (block) openComposer(block.id, null);
    } else if (event.code === 'KeyN') {
      event.preventDefault();
      goToNextNew();
    }
  });

  // ---------- refusals ----------

  /**
   * Shows a refusal on the field it is about and puts the focus there (never on the page body).
   * @param {CommentForm} form @param {HTMLElement} error @param {string} name @param {string} message
   */
  function fieldError(form, error, name, message) {
    error.textContent = message;
    form.querySelectorAll('[aria-invalid]').forEach(f => f.removeAttribute('aria-invalid'));
    /** @type {HTMLElement | null} */
    const control = (name && form.querySelector(`[name="${CSS.escape(name)}"]`)) || form.querySelector('textarea, input:not([type="hidden"]), select');
    if (!control) return;
    control.setAttribute('aria-invalid', 'true');
    const hint = control.getAttribute('aria-describedby') || '';
    if (!hint.split(' ').includes(error.id)) control.setAttribute('aria-describedby', `${hint} ${error.id}`.trim());
    control.focus();
  }

  /**
   * A typed passage that is not in the paragraph: the server offers the nearest one ("Did you
   * mean “…”?"); a button puts it in the passage field.
   * @param {CommentForm} form @param {HTMLElement} error @param {string} message
   */
  function offerNearest(form, error, message) {
    const nearest = /Did you mean “([\s\S]+)”\?/.exec(message);
    if (!nearest || !form.quote) return;
    error.append(' ', el('button', { type: 'button', class: 'btn btn-sm btn-outline-primary use-nearest', text: `Use “${nearest[1]}”`, onclick: () => {
      form.quote.value = nearest[1];
      form.quote.removeAttribute('aria-invalid');
      error.textContent = '';
      form.quote.focus();
    } }));
  }

  // ---------- keeping the reader in place ----------

  const rows = /** @type {HTMLElement[]} */ ([...draft.querySelectorAll('[data-block-row]')]);

  /** The first row whose text is (at least partly) below the top of the window. */
  function firstVisibleBlock() {
    let lo = 0, hi = rows.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid].getBoundingClientRect().bottom > 0) { found = mid; hi = mid - 1; } else lo = mid + 1;
    }
    const row = found < 0 ? null : rows[found];
    return row ? /** @type {HTMLElement | null} */ (row.querySelector('.blk')) : null;
  }

  /**
   * Runs a change to the page (a live comment, a presence line) without moving what the reader is
   * looking at: the first visible line stays where it is on the screen. The margin never reflows
   * the text; what does grow above the reader (a count under a block on a phone, a longer status
   * line) is made up for by scrolling the same amount. The browser's own scroll anchoring is off
   * on this page (overflow-anchor in site.css), so this is the one place that does it.
   * @param {() => void} change
   */
  function steady(change) {
    const anchor = window.scrollY > 0 ? firstVisibleBlock() : null;
    const before = anchor ? anchor.getBoundingClientRect().top : 0;
    change();
    if (!anchor) return;
    const moved = anchor.getBoundingClientRect().top - before;
    if (Math.abs(moved) >= 1) window.scrollBy({ top: moved, behavior: 'instant' });
  }

  // ---------- new comments ----------

  /** Comments by others that arrived while the page was open and the reader has not gone to yet. */
  /** @type {Set<number>} */
  const fresh = new Set();
  const newButton = /** @type {HTMLButtonElement} */ (document.getElementById('new-comments'));
  const newCountText = () => `${fresh.size} new comment${fresh.size === 1 ? '' : 's'}`;

  function showNewCounter() {
    for (const id of fresh) if (!comments.has(id)) fresh.delete(id);
    newButton.hidden = fresh.size === 0;
    newButton.replaceChildren(bubble(), ` ${newCountText()}`, el('span', { class: 'visually-hidden', text: ': go to the next' }));
  }
  newButton.addEventListener('click', goToNextNew);

  // The next new comment in reading order, opened and focused; it stops being new.
  function goToNextNew() {
    const items = /** @type {HTMLElement[]} */ ([...document.querySelectorAll('.comment-new')]);
    const item = items[0];
    if (!item) { showNewCounter(); return; }
    const id = Number(item.dataset.comment);
    const column = /** @type {HTMLElement | null} */ (item.closest('[data-comments-for]'));
    const anchor = column ? column.dataset.commentsFor || '' : '';
    fresh.delete(id);
    if (isPhone()) {
      openSheet(anchor, document.getElementById(anchor));
    } else {
      opened = anchor;
      layoutNow();
    }
    item.classList.remove('comment-new');
    item.querySelector(':scope > .new-badge')?.remove();
    item.scrollIntoView({ block: 'center', behavior: 'instant' });
    const blockEl = document.getElementById(anchor);
    if (!isPhone() && blockEl) blockEl.scrollIntoView({ block: 'nearest', behavior: 'instant' });
    item.focus({ preventScroll: true });
    item.classList.add('flash');
    setTimeout(() => item.classList.remove('flash'), 1500);
    if (column) updateBadge(anchor, column, Number(badgeOf(anchor)?.dataset.count || 0), column.querySelectorAll('.comment-new').length);
    showNewCounter();
  }

  // ---------- the margin: badges, layout, and the sheet on phones ----------

  const phone = window.matchMedia('(max-width: 991.98px)');
  const isPhone = () => phone.matches;
  /** The block whose thread the reader opened (or writes in); shown in full. */
  /** @type {string | null} */
  let opened = null;

  /** A speech bubble, drawn (no image to load). */
  function bubble() {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 20 20');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', 'bubble');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', 'M3 3h14a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H8l-4 3.5V14H3a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z');
    svg.append(path);
    return svg;
  }

  /** @param {string} anchor @returns {HTMLButtonElement | null} */
  const badgeOf = (anchor) => document.querySelector(`[data-badge-for="${CSS.escape(anchor)}"]`);

  /**
   * The count badge of a block's thread: in the margin where the thread is collapsed, under the
   * block on a phone. Created when the block first has comments.
   * @param {string} anchor @param {HTMLElement} column @param {number} count @param {number} newCount
   */
  function updateBadge(anchor, column, count, newCount) {
    let badge = badgeOf(anchor);
    if (!count) { if (badge) badge.hidden = true; return; }
    if (!badge) {
      badge = el('button', { type: 'button', class: 'thread-badge', 'data-badge-for': anchor, 'aria-expanded': 'false' });
      badge.addEventListener('click', () => toggleThread(anchor, /** @type {HTMLButtonElement} */ (badgeOf(anchor))));
      document.querySelector(`[data-block-row="${CSS.escape(anchor)}"]`)?.append(badge);
    }
    badge.hidden = false;
    badge.dataset.count = String(count);
    badge.classList.toggle('has-new', newCount > 0);
    // Named by its content (no aria-label), so what is seen is what is heard: "3 comments on 1.1 Purpose…: “…”, new".
    badge.replaceChildren(bubble(), el('span', { class: 'badge-count', text: String(count) }),
      el('span', { class: 'visually-hidden', text: ` comment${count === 1 ? '' : 's'} on ${placeOf(anchor)}` }),
      ...(newCount ? [el('span', { class: 'visually-hidden', text: ', ' }), el('span', { class: 'badge-new', text: 'new' })] : []));
  }

  /** @param {string} anchor @param {HTMLButtonElement} badge */
  function toggleThread(anchor, badge) {
    if (isPhone()) { openSheet(anchor, badge); return; }
    opened = opened === anchor ? null : anchor;
    layoutNow();
    const column = columnFor(anchor);
    if (opened && column) {
      /** @type {HTMLElement | null} */
      const first = column.querySelector('.comment') || column;
      first.focus({ preventScroll: true });
      column.scrollIntoView({ block: 'nearest' });
    }
  }

  // Esc in an opened thread folds it back to its badge and returns there.
  draft.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || isPhone() || !(event.target instanceof HTMLElement)) return;
    const column = /** @type {HTMLElement | null} */ (event.target.closest('[data-comments-for]'));
    if (!column || column.querySelector('form[data-keep]')) return;
    const anchor = column.dataset.commentsFor || '';
    if (opened !== anchor) return;
    opened = null;
    layoutNow();
    badgeOf(anchor)?.focus();
  });

  let layoutQueued = false;
  // One pass per frame, however many changes asked for it.
  function scheduleLayout() {
    if (layoutQueued) return;
    layoutQueued = true;
    requestAnimationFrame(() => { layoutQueued = false; layoutNow(); });
  }

  function layoutNow() {
    const columns = /** @type {HTMLElement[]} */ ([...draft.querySelectorAll('.blk-row > [data-comments-for]')]).filter(c => !c.hidden);
    if (isPhone()) {
      columns.forEach(c => { c.classList.remove('is-collapsed'); c.style.top = ''; });
      draft.style.minHeight = '';
      document.querySelectorAll('.thread-badge').forEach(b => { /** @type {HTMLElement} */ (b).style.top = ''; b.setAttribute('aria-expanded', 'false'); });
      return;
    }
    // Read everything, then write everything: one layout, not one per thread.
    const origin = draft.getBoundingClientRect().top;
    const items = columns.map(c => {
      const anchor = c.dataset.commentsFor || '';
      const blockEl = c.parentElement?.querySelector('.blk');
      return {
        anchor, column: c,
        blockTop: (blockEl ? blockEl.getBoundingClientRect().top : c.getBoundingClientRect().top) - origin,
        height: c.offsetHeight,
        open: anchor === opened || c.querySelector('form[data-keep]') !== null,
      };
    });
    const placed = layoutMargin(items, { gap: 8, badgeHeight: 44 });
    items.forEach((item, i) => {
      const { top, collapsed } = placed[i];
      item.column.style.top = `${top}px`;
      item.column.classList.toggle('is-collapsed', collapsed);
      const badge = badgeOf(item.anchor);
      if (badge) {
        badge.style.top = `${top}px`;
        badge.classList.toggle('is-shown', collapsed);
        badge.setAttribute('aria-expanded', String(!collapsed));
      }
    });
    const last = placed.length ? placed[placed.length - 1].bottom : 0;
    draft.style.minHeight = last > draft.scrollHeight ? `${last + 16}px` : '';
  }

  new ResizeObserver(scheduleLayout).observe(draft);
  phone.addEventListener('change', () => { if (!isPhone() && sheet.open) sheet.close(); scheduleLayout(); });
  document.fonts?.ready.then(scheduleLayout);

  // On a phone a thread and its form open in a bottom sheet (a modal dialog): the block's column
  // moves into it while open and back under its block when it closes.
  const sheet = /** @type {HTMLDialogElement} */ (document.getElementById('thread-sheet'));
  const sheetBody = /** @type {HTMLElement} */ (document.getElementById('thread-sheet-body'));
  const sheetTitle = /** @type {HTMLElement} */ (document.getElementById('thread-sheet-title'));
  /** @type {{ anchor: string, column: HTMLElement, home: Element | null, opener: HTMLElement | null } | null} */
  let inSheet = null;

  /** @param {string} anchor @param {HTMLElement | null} opener where the focus goes back to */
  function openSheet(anchor, opener) {
    const column = columnFor(anchor);
    if (!column || !sheet) return;
    if (inSheet && inSheet.anchor === anchor) return;
    if (inSheet) putBack();
    inSheet = { anchor, column, home: column.parentElement, opener };
    sheetTitle.textContent = `Comments on ${placeOf(anchor)}`;
    const add = writable() && !data.language ? el('button', { type: 'button', class: 'btn btn-primary sheet-add', text: 'Comment on this paragraph', onclick: () => openComposer(anchor, null) }) : null;
    sheetBody.replaceChildren(column);
    if (add && !column.querySelector('form[data-keep]')) sheetBody.prepend(add);
    column.hidden = false;
    if (!sheet.open) sheet.showModal();
    /** @type {HTMLElement | null} */
    const first = sheetBody.querySelector('textarea, input, select') || sheetBody.querySelector('.comment') || add;
    if (first) first.focus();
  }

  function putBack() {
    if (!inSheet) return;
    const { anchor, column, home } = inSheet;
    const badge = badgeOf(anchor);
    if (home) home.insertBefore(column, badge && badge.parentElement === home ? badge : null);
    inSheet = null;
    renderBlock(anchor);
  }

  if (sheet) {
    sheet.addEventListener('close', () => {
      const opener = inSheet ? inSheet.opener : null;
      const anchor = inSheet ? inSheet.anchor : '';
      if (inSheet) inSheet.column.querySelectorAll('form[data-keep]').forEach(f => f.remove());
      putBack();
      const back = (opener && opener.isConnected ? opener : null) || badgeOf(anchor) || document.querySelector(`[data-add-comment="${CSS.escape(anchor)}"]`);
      if (back instanceof HTMLElement) back.focus();
    });
    sheet.querySelector('[data-close-sheet]')?.addEventListener('click', () => sheet.close());
    // A tap on the dimmed page above the sheet closes it too.
    sheet.addEventListener('click', (event) => { if (event.target === sheet) sheet.close(); });
  }

  queue.load();
  renderAll();
  start();
}
