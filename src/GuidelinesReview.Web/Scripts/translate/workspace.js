// @ts-check
// The translation workspace's rules that need no DOM: which rows a filter shows, the counts and
// the progress bar, the keyboard shortcuts, who may review a row, and the sentences the page says.
// The page (Pages/Translations/Workspace.cshtml) draws the same on the server.

/** @typedef {import('../shared/hub-types.js').TranslationView} TranslationView */
/** @typedef {import('../shared/hub-types.js').TranslationState} TranslationState */
/** @typedef {import('../shared/hub-types.js').TranslationRights} TranslationRights */

/** The states in the order the progress bar and its legend list them. @type {TranslationState[]} */
export const stateOrder = ['approved', 'translated', 'draft', 'rejected', 'outdated', 'untranslated'];

/** As Core's TranslationStates.Name. @type {Record<TranslationState, string>} */
export const stateNames = {
  untranslated: 'Untranslated',
  draft: 'Draft',
  translated: 'Waiting for review',
  approved: 'Approved',
  rejected: 'Rejected',
  outdated: 'Outdated',
};

/**
 * @typedef {{ state: string, section: string }} Filter '' for all
 * @typedef {{ state: string, sections: string[] }} RowFacts a row's state and its section with the sections around it
 */

/**
 * Whether a row is shown: its state is the one asked for, and its section is the one asked for
 * or inside it.
 * @param {RowFacts} row
 * @param {Filter} filter
 */
export const matches = (row, filter) =>
  (!filter.state || row.state === filter.state) && (!filter.section || row.sections.includes(filter.section));

/**
 * @param {Iterable<string>} states one per segment
 * @returns {Record<TranslationState, number>}
 */
export function countStates(states) {
  /** @type {Record<string, number>} */
  const counts = Object.fromEntries(stateOrder.map(s => [s, 0]));
  for (const state of states) if (state in counts) counts[state] += 1;
  return /** @type {Record<TranslationState, number>} */ (counts);
}

/**
 * The parts of the progress bar, in percent of all segments.
 * @param {Record<TranslationState, number>} counts
 * @returns {{ state: TranslationState, x: number, width: number }[]}
 */
export function progressParts(counts) {
  const total = stateOrder.reduce((sum, s) => sum + counts[s], 0);
  let x = 0;
  return stateOrder.map(state => {
    const width = total === 0 ? 0 : (100 * counts[state]) / total;
    const part = { state, x, width };
    x += width;
    return part;
  });
}

/**
 * The progress bar in words, as the page writes it for screen readers.
 * @param {Record<TranslationState, number>} counts
 */
export function progressText(counts) {
  const total = stateOrder.reduce((sum, s) => sum + counts[s], 0);
  return `${stateOrder.map(s => `${counts[s]} ${stateNames[s].toLowerCase()}`).join(', ')}, of ${total} segments`;
}

/**
 * What a key press in the workspace asks for.
 * @param {{ key: string, ctrlKey: boolean, metaKey: boolean, altKey: boolean, shiftKey: boolean }} e
 * @returns {'submit' | 'next' | 'previous' | null}
 */
export function shortcut(e) {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) return 'submit';
  if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
    if (e.key === 'ArrowDown') return 'next';
    if (e.key === 'ArrowUp') return 'previous';
  }
  return null;
}

/**
 * The position of the row to go to among those shown, or -1 when there is none that way.
 * @param {number} count rows shown
 * @param {number} index the current one (-1: none)
 * @param {1 | -1} step
 */
export function neighbour(count, index, step) {
  if (count === 0) return -1;
  if (index < 0) return step > 0 ? 0 : count - 1;
  const next = index + step;
  return next >= 0 && next < count ? next : -1;
}

/**
 * Whether this person may approve or reject the translation now: a reviewer of the language, not
 * its author, and it waits for review (or is outdated). The server checks the same.
 * @param {{ state: string, translatorId: string | null } | null} translation
 * @param {TranslationRights} rights
 * @param {string} userId
 */
export const canReview = (translation, rights, userId) =>
  !!translation && rights.canReview && translation.translatorId !== userId
  && (translation.state === 'translated' || translation.state === 'outdated');

/**
 * Whether "Submit for review" has something to do: text changed since it was saved, or a
 * translation not waiting for review nor approved. Submitting an approved translation unchanged
 * would only take its approval away.
 * @param {string} state
 * @param {boolean} dirty
 */
export const canSubmit = (state, dirty) => dirty || (state !== 'translated' && state !== 'approved');

/** @param {TranslationView} view */
export const hasBlocking = (view) => view.issues.some(i => i.severity === 'blocking');

/**
 * The lines under a translation: who wrote it and when, who reviewed it and when, and notes.
 * Pages/Translations/_WorkspaceRow.cshtml writes the same.
 * @param {TranslationView} view
 * @returns {{ text: string, at: string | null, note: boolean }[]}
 */
export function metaLines(view) {
  /** @type {{ text: string, at: string | null, note: boolean }[]} */
  const lines = [];
  if (view.translator && view.translatedAt) lines.push({ text: `Written by ${view.translator}, `, at: view.translatedAt, note: false });
  if (view.reviewer && view.reviewedAt && (view.state === 'approved' || view.state === 'rejected' || view.approvedText !== null)) {
    const what = view.state === 'approved' ? 'Approved' : view.state === 'rejected' ? 'Rejected' : 'Last approved';
    lines.push({ text: `${what} by ${view.reviewer}, `, at: view.reviewedAt, note: false });
  }
  if (view.editorialChange) lines.push({ text: 'Editorial change in the English — approval kept', at: null, note: true });
  if (view.waivedChecks) lines.push({ text: `Checks waived (${view.waivedChecks}): ${view.waiverReason ?? ''}`, at: null, note: true });
  return lines;
}

/**
 * What to tell the others when someone changed a segment.
 * @param {TranslationView} view the new state
 * @param {TranslationState | null} before the state shown until now
 * @param {string} who
 * @param {string} label the segment, e.g. "s2.3-p4"
 */
export function changeMessage(view, before, who, label) {
  switch (view.state) {
    case 'approved': return `${who} approved ${label}.`;
    case 'rejected': return `${who} rejected ${label}: ${view.rejectReason ?? ''}`;
    case 'translated': return before === 'translated' ? `${who} saved ${label}.` : `${who} submitted ${label} for review.`;
    default: return `${who} saved a draft of ${label}.`;
  }
}

/**
 * Who made the change a view shows: the reviewer of an approval or rejection, else the translator;
 * named from the people here when the id is known.
 * @param {TranslationView} view
 * @param {string} byUserId
 * @param {{ userId: string, name: string }[]} people
 */
export function actorName(view, byUserId, people) {
  const here = people.find(p => p.userId === byUserId);
  if (here) return here.name;
  if (view.state === 'approved' || view.state === 'rejected') return view.reviewer ?? 'Someone';
  return view.translator ?? 'Someone';
}

/** How the history names each kind of event (TranslationEventKind on the server). @type {Record<string, string>} */
export const eventNames = {
  Saved: 'Saved as a draft',
  Submitted: 'Submitted for review',
  Approved: 'Approved',
  Rejected: 'Rejected',
  Carried: 'Carried from the previous version',
  Outdated: 'Outdated: the English changed',
  Imported: 'Loaded from a file',
  Conflict: 'Saved on an older revision (kept here, not applied)',
};
