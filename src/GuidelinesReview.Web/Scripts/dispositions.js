// @ts-check
// The dispositions page in place: each decision (and reset, and bulk decision) goes through the
// review hub and the row is redrawn where it is, with its confirmation beside it and in the live
// region; focus stays where the person was. Without script (or without a connection) the forms
// post as usual and the page comes back at the row.
import { connectTo, HubConnectionState, errorText, isRefusal } from './shared/hub.js';
import { hubEnum, target, rowUrl, isStale } from './dispositions/values.js';

const connection = connectTo('/hubs/review');
const live = /** @type {HTMLElement | null} */ (document.getElementById('disposition-live'));
const rows = /** @type {HTMLElement | null} */ (document.getElementById('disposition-rows'));
const bulk = /** @type {HTMLFormElement | null} */ (document.getElementById('bulk'));
const pickAll = /** @type {HTMLInputElement | null} */ (document.getElementById('pick-all'));

/** @param {string} text */
function announce(text) {
  if (!live) return;
  live.textContent = '';
  // A fresh text node after a tick is announced even when it repeats the last one.
  setTimeout(() => { live.textContent = text; }, 50);
}

/** @param {number} id */
const rowOf = (id) => /** @type {HTMLTableRowElement | null} */ (document.getElementById(`row-${id}`));

/**
 * Shows a sentence beside a row.
 * @param {number} id
 * @param {string} text
 * @param {boolean} problem
 */
function say(id, text, problem) {
  const status = document.getElementById(`status-${id}`);
  if (status) {
    status.textContent = text;
    status.classList.toggle('is-problem', problem);
    status.classList.toggle('is-done', !problem);
  }
  announce(text);
}

/**
 * The row as the server draws it now.
 * @param {number} id
 * @returns {Promise<HTMLTableRowElement | null>}
 */
async function freshRow(id) {
  const response = await fetch(rowUrl(location.pathname, location.search, id), { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
  if (!response.ok) return null;
  const template = document.createElement('template');
  template.innerHTML = (await response.text()).trim();
  const row = template.content.querySelector('tr');
  return row instanceof HTMLTableRowElement ? row : null;
}

/**
 * Redraws a row in place. With keepForm, only what the server knows (the current decision and the
 * seq the form carries) is replaced, so what the person typed stays.
 * @param {number} id
 * @param {boolean} keepForm
 * @param {string} [focused] the id of the control that had focus when the person acted (a busy button loses it)
 */
async function redraw(id, keepForm, focused = '') {
  const old = rowOf(id);
  const row = await freshRow(id);
  if (!old || !row) return;
  const picked = /** @type {HTMLInputElement | null} */ (old.querySelector('.row-pick'))?.checked ?? false;
  if (keepForm) {
    const now = row.querySelector('.decision-now');
    old.querySelector('.decision-now')?.replaceWith(...(now ? [now] : []));
    const expected = row.dataset.expected ?? '0';
    old.dataset.expected = expected;
    const hidden = /** @type {HTMLInputElement | null} */ (old.querySelector('input[name="expected"]'));
    if (hidden) hidden.value = expected;
    const pick = /** @type {HTMLInputElement | null} */ (old.querySelector('.row-pick'));
    if (pick) pick.value = `${id}:${expected}`;
    return;
  }

  old.replaceWith(row);
  const pick = /** @type {HTMLInputElement | null} */ (row.querySelector('.row-pick'));
  if (pick) pick.checked = picked;
  // Focus stays on the same control; a reset button that is gone hands it to the save button.
  const again = (focused && document.getElementById(focused)) || (focused ? document.getElementById(`save-${id}`) : null);
  again?.focus();
  updateCount();
}

/** Whether the hub can take a call now; if not, forms post the usual way. */
const online = () => connection.state === HubConnectionState.Connected;

/**
 * @param {HTMLFormElement} form
 * @param {HTMLElement | null} submitter
 */
async function decide(form, submitter) {
  const data = new FormData(form);
  const id = Number(data.get('commentId'));
  const expected = Number(data.get('expected') ?? 0);
  const reset = submitter?.id === `reset-${id}`;
  const active = document.activeElement;
  const focused = active instanceof HTMLElement && form.contains(active) ? active.id : '';
  const decision = String(data.get('decision') ?? '');
  if (!reset && !decision) {
    say(id, `Comment #${id}: choose a decision. Nothing was changed.`, true);
    /** @type {HTMLElement | null} */ (form.querySelector('select[name="decision"]'))?.focus();
    return;
  }

  const version = String(data.get('addressedVersion') ?? '');
  const anchor = String(data.get('addressedAnchor') ?? '').trim();
  form.setAttribute('aria-busy', 'true');
  submitter?.setAttribute('disabled', '');
  try {
    /** @type {{ disposition: { decisionName: string } | null }} */
    const saved = reset
      ? await connection.invoke('ResetDisposition', { commentId: id, expected })
      : await connection.invoke('SetDisposition', {
        commentId: id,
        decision: hubEnum(decision),
        observation: String(data.get('observation') ?? ''),
        addressedVersionNumber: version ? Number(version) : null,
        addressedAnchor: anchor || null,
        expected,
      });
    submitter?.removeAttribute('disabled');
    await redraw(id, false, focused);
    say(id, saved.disposition ? `Decision recorded on comment #${id}: ${saved.disposition.decisionName}.` : `Comment #${id} is back to “not yet decided”.`, false);
  } catch (e) {
    submitter?.removeAttribute('disabled');
    if (!isRefusal(e)) {
      // No answer from the hub: send the form the plain way, which reloads the page at the row.
      form.dataset.plain = 'true';
      form.requestSubmit(submitter instanceof HTMLButtonElement ? submitter : null);
      return;
    }

    const message = errorText(e);
    if (isStale(message)) await redraw(id, true);
    say(id, `Comment #${id}: ${message}`, true);
    if (focused) document.getElementById(focused)?.focus();
  } finally {
    form.removeAttribute('aria-busy');
  }
}

/** @returns {HTMLInputElement[]} */
const boxes = () => rows ? Array.from(rows.querySelectorAll('input.row-pick')) : [];

function updateCount() {
  const all = boxes();
  const picked = all.filter((b) => b.checked).length;
  const count = document.querySelector('[data-testid="picked-count"]');
  if (count) count.textContent = String(picked);
  if (pickAll) {
    pickAll.checked = all.length > 0 && picked === all.length;
    pickAll.indeterminate = picked > 0 && picked < all.length;
  }
}

/** @param {HTMLFormElement} form */
async function decideMany(form) {
  const summary = document.getElementById('bulk-summary');
  const show = (/** @type {string} */ text) => { if (summary) summary.textContent = text; announce(text); };
  const picked = boxes().filter((b) => b.checked).map((b) => target(b.value)).filter((t) => t !== null);
  const decision = String(new FormData(form).get('decision') ?? '');
  if (picked.length === 0) {
    show('Select at least one comment (the boxes in the first column) before applying a decision. Nothing was changed.');
    return;
  }
  if (!decision) {
    show('Choose the decision to apply to the selected comments. Nothing was changed.');
    /** @type {HTMLElement | null} */ (form.querySelector('#bulk-decision'))?.focus();
    return;
  }

  form.setAttribute('aria-busy', 'true');
  try {
    /** @type {{ summary: string, items: { commentId: number, problem: string | null }[] }} */
    const result = await connection.invoke('SetDispositions', {
      comments: picked,
      decision: hubEnum(decision),
      observation: String(new FormData(form).get('observation') ?? ''),
    });
    for (const item of result.items) {
      await redraw(item.commentId, false, '');
      const box = /** @type {HTMLInputElement | null} */ (rowOf(item.commentId)?.querySelector('.row-pick') ?? null);
      // What was done is unselected; what was refused stays selected, to look at and retry.
      if (box) box.checked = item.problem !== null;
      say(item.commentId, item.problem ? `Comment #${item.commentId}: ${item.problem}` : 'Decision recorded in the bulk step.', item.problem !== null);
    }
    updateCount();
    show(result.summary);
  } catch (e) {
    if (!isRefusal(e)) {
      form.dataset.plain = 'true';
      form.requestSubmit();
      return;
    }
    show(errorText(e));
  } finally {
    form.removeAttribute('aria-busy');
  }
}

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.dataset.plain === 'true' || !online()) return;
  const submitter = /** @type {SubmitEvent} */ (event).submitter;
  if (form.classList.contains('decision-form')) {
    event.preventDefault();
    void decide(form, submitter instanceof HTMLElement ? submitter : null);
  } else if (form === bulk) {
    event.preventDefault();
    void decideMany(form);
  }
});

rows?.addEventListener('change', (event) => {
  const changed = event.target;
  if (changed instanceof HTMLInputElement && changed.classList.contains('row-pick')) updateCount();
  // "at paragraph" offers the paragraphs of the version chosen in "addressed in".
  if (changed instanceof HTMLSelectElement && changed.classList.contains('addressed-version') && changed.value) {
    changed.closest('form')?.querySelector('input[name="addressedAnchor"]')?.setAttribute('list', `places-v${changed.value}`);
  }
});

pickAll?.addEventListener('change', () => {
  for (const box of boxes()) box.checked = pickAll.checked;
  updateCount();
});

updateCount();

async function start() {
  try {
    await connection.start();
    document.body.dataset.dispositionsLive = 'true';
  } catch {
    // Forms keep working by posting; try again shortly.
    setTimeout(start, 5000);
  }
}

void start();
