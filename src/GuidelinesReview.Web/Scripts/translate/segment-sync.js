// @ts-check
// One segment's translation in the workspace, saved naming the revision its text was written on,
// as the room's notes are (room/notes-sync.js): the server refuses a save on an older revision and
// answers with the newer text, and both texts are shown until the translator chooses. Nothing is
// lost: unsaved text stays in the editor and, with its revision, in the browser's storage until
// saved. A newer revision whose text is the one this edit started from (a review: only the state
// changed) is taken up silently, so approving or rejecting never turns typing into a conflict.
// No DOM here: translate.js shows what these methods return.

/** @typedef {import('../shared/hub-types.js').TranslationView} TranslationView */
/** @typedef {import('../shared/hub-types.js').TranslationSaveResult} TranslationSaveResult */
/** @typedef {{ getItem(key: string): string | null, setItem(key: string, value: string): void, removeItem(key: string): void }} KeyValueStore the part of localStorage used */
/** A saved revision and its text (revision 0: nothing saved yet). @typedef {{ revision: number, text: string }} Saved */
/** @typedef {(baseRevision: number, text: string, submit: boolean) => Promise<TranslationSaveResult>} Send SaveTranslation on the hub */

/**
 * What became of the editor when a newer revision was seen.
 * none: nothing newer; rebased: only the state changed, the edit goes on from it; replaced: nothing
 * unsaved here, the editor now shows the newer text; conflict: unsaved text here and a different
 * text saved there, see `conflict`.
 * @typedef {'none' | 'rebased' | 'replaced' | 'conflict'} Reconciled
 */

export const staleCopyText = 'This browser kept text of yours that was not saved, and the translation has been saved since. Nothing was overwritten: both texts are shown; keep one, or merge them, and save again.';

/** @param {Saved} a @param {Saved} b */
const newer = (a, b) => (b.revision > a.revision ? b : a);

export class SegmentSync {
  /**
   * @param {KeyValueStore} storage localStorage (or a fake in tests)
   * @param {string} key one per version, language, person and segment
   * @param {Saved} saved what the page was loaded with
   */
  constructor(storage, key, saved) {
    this.storage = storage;
    this.key = key;
    /** The editor's text. */
    this.text = saved.text;
    /** @type {Saved} the saved revision `text` was written on */
    this.base = { ...saved };
    /** @type {Saved} the newest saved revision seen (from a save, a review or someone else) */
    this.latest = { ...saved };
    /** Whether `text` differs from the revision it was written on and is not saved yet. */
    this.dirty = false;
    this.saving = false;
    /** Submit once the save under way is done (Ctrl+Enter pressed while autosaving). */
    this.submitQueued = false;
    /** @type {Saved | null} the other saved text, while the translator chooses */
    this.conflict = null;
  }

  /** @returns {{ base: number, text: string } | null} unsaved text this browser kept, with the revision it was written on */
  readCopy() {
    const raw = this.storage.getItem(this.key);
    if (raw === null) return null;
    try {
      const copy = JSON.parse(raw);
      if (copy && typeof copy.text === 'string' && typeof copy.base === 'number') return { base: copy.base, text: copy.text };
    } catch { /* not ours */ }
    return null;
  }

  keepCopy() {
    try { this.storage.setItem(this.key, JSON.stringify({ base: this.base.revision, text: this.text })); } catch { /* storage full or off: the editor still has it */ }
  }

  dropCopy() { this.storage.removeItem(this.key); }

  /**
   * The page was loaded: takes up unsaved text this browser kept. It is saved only if written on
   * the revision the page shows; otherwise both texts are shown.
   * @returns {'none' | 'save' | 'conflict'}
   */
  restore() {
    const copy = this.readCopy();
    if (!copy) return 'none';
    if (copy.text === this.latest.text) { this.dropCopy(); return 'none'; }
    this.text = copy.text;
    this.dirty = true;
    if (copy.base === this.latest.revision) return 'save';
    this.conflict = { ...this.latest };
    return 'conflict';
  }

  /**
   * The translator typed (or took a candidate's text).
   * @param {string} text
   * @returns {boolean} whether to save soon: not when the text is back to what is saved, nor while a conflict waits for a choice
   */
  edit(text) {
    this.text = text;
    this.dirty = text !== this.base.text;
    if (this.dirty) this.keepCopy(); else this.dropCopy();
    return this.dirty && !this.conflict;
  }

  /**
   * A revision was saved: by someone else, by a reviewer, or this translator's own save arriving
   * as an event (it may come before the save's answer).
   * @param {TranslationView} view
   * @returns {'old' | 'wait' | Reconciled} old: not newer than what was seen, ignored; wait: decided when the save under way answers
   */
  remoteChanged(view) {
    if (view.revision <= this.latest.revision) return 'old';
    this.latest = { revision: view.revision, text: view.text };
    if (this.saving) return 'wait';
    if (this.conflict) { this.conflict = { ...this.latest }; return 'conflict'; }
    return this.reconcile();
  }

  /** @returns {Reconciled} */
  reconcile() {
    if (this.conflict || this.saving || this.latest.revision <= this.base.revision) return 'none';
    const latest = { ...this.latest };
    if (latest.text === this.text) {
      Object.assign(this, { base: latest, dirty: false });
      this.dropCopy();
      return 'replaced';
    }
    if (latest.text === this.base.text) { this.base = latest; if (this.dirty) this.keepCopy(); return 'rebased'; }
    if (!this.dirty) { Object.assign(this, { base: latest, text: latest.text }); return 'replaced'; }
    this.conflict = latest;
    return 'conflict';
  }

  /**
   * Saves the editor's text on the revision it was written on; with `submit`, offers it for review
   * (even unchanged).
   * @param {Send} send
   * @param {boolean} submit
   * @param {number} maxLength longer text is not sent (the server would refuse it)
   * @returns {Promise<{ outcome: 'skipped' | 'blocked' | 'queued' | 'empty' }
   *   | { outcome: 'tooLong', length: number }
   *   | { outcome: 'saved', view: TranslationView, submitted: boolean, after: Reconciled, again: boolean, submitAgain: boolean }
   *   | { outcome: 'conflict', message: string, view: TranslationView | null }
   *   | { outcome: 'failed', error: unknown }>}
   *   blocked: a conflict waits for a choice; queued: a save is under way, the submit follows it;
   *   after: what a newer revision seen meanwhile did; again: typed while saving, save again soon;
   *   submitAgain: a submit was asked for meanwhile
   */
  async save(send, submit, maxLength) {
    if (this.conflict) return { outcome: 'blocked' };
    if (this.saving) {
      if (submit) this.submitQueued = true;
      return { outcome: submit ? 'queued' : 'skipped' };
    }
    if (!this.dirty && !submit) return { outcome: 'skipped' };
    const text = this.text;
    if (submit && text.trim() === '') return { outcome: 'empty' };
    if (text.length > maxLength) return { outcome: 'tooLong', length: text.length };
    this.saving = true;
    this.submitQueued = false;
    try {
      const result = await send(this.base.revision, text, submit);
      this.saving = false;
      if (!result.saved || !result.current) {
        // The newer text; none: nothing is saved any more, so "keep mine" saves on nothing.
        this.latest = result.current ? newer(this.latest, { revision: result.current.revision, text: result.current.text }) : { revision: 0, text: '' };
        this.conflict = { ...this.latest };
        this.keepCopy();
        return { outcome: 'conflict', message: result.conflict || '', view: result.current };
      }
      const saved = { revision: result.current.revision, text: result.current.text };
      this.base = saved;
      this.latest = newer(this.latest, saved);
      this.dirty = this.text !== saved.text;
      if (this.dirty) this.keepCopy(); else this.dropCopy();
      const after = this.reconcile();
      return { outcome: 'saved', view: result.current, submitted: submit, after, again: this.dirty && !this.conflict, submitAgain: this.submitQueued && !this.conflict };
    } catch (error) {
      this.keepCopy();
      return { outcome: 'failed', error };
    } finally {
      this.saving = false;
    }
  }

  /**
   * Keep theirs: the editor takes the newer saved text; the translator's own is handed back, to be
   * shown apart until dismissed.
   * @returns {{ mine: string, theirs: Saved }}
   */
  keepTheirs() {
    if (!this.conflict) throw new Error('No conflict to resolve.');
    const mine = this.text;
    const theirs = newer(this.conflict, this.latest);
    Object.assign(this, { base: { ...theirs }, text: theirs.text, dirty: false, conflict: null });
    this.dropCopy();
    return { mine, theirs };
  }

  /**
   * Keep mine: the translator's text is now written on theirs (which stays in the history) and is saved again.
   * @returns {boolean} whether there is anything to save (not when both texts are the same)
   */
  keepMine() {
    if (!this.conflict) throw new Error('No conflict to resolve.');
    const theirs = newer(this.conflict, this.latest);
    Object.assign(this, { base: { ...theirs }, conflict: null, dirty: this.text !== theirs.text });
    if (this.dirty) this.keepCopy(); else this.dropCopy();
    return this.dirty;
  }
}
