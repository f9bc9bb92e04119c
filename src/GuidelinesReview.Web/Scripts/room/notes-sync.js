// @ts-check
// A room's live notes in one editor, saved naming the version the text was written on, so two
// editors never overwrite each other: the server refuses a save on an old version and both texts
// are shown until the person chooses. A copy of unsaved text, with its version, stays in the
// browser's storage until saved, so a dropped connection or a reload loses nothing.
// No DOM here: room.js shows what these methods return.

/** @typedef {import('../shared/hub-types.js').NotesSaveResult} NotesSaveResult */
/** @typedef {{ getItem(key: string): string | null, setItem(key: string, value: string): void, removeItem(key: string): void }} KeyValueStore the part of localStorage used */
/** @typedef {{ version: number, notes: string }} NotesVersion */

export const staleCopyText = 'The notes were saved by someone else after your unsaved text was kept in this browser. Nothing was overwritten: their text is shown beside yours.';

export class NotesSync {
  /**
   * @param {KeyValueStore} storage localStorage (or a fake in tests)
   * @param {string} key one per room and person
   */
  constructor(storage, key) {
    this.storage = storage;
    this.draftKey = key; // {base, text}: unsaved notes and the version they were written on
    this.keptKey = `${key}.kept`; // the person's own text after they chose to continue from someone else's
    /** The editor's text. */
    this.text = '';
    /** Whether `text` has changes not saved yet. */
    this.dirty = false;
    /** @type {number | null} the version `text` was written on */
    this.base = null;
    /** @type {NotesVersion} the latest saved version seen */
    this.latest = { version: 0, notes: '' };
    /** @type {NotesVersion | null} the other save, while the person chooses what to do */
    this.conflict = null;
    this.saving = false;
  }

  /** @returns {{ base: number | null, text: string } | null} the copy of unsaved text kept in the browser */
  readCopy() {
    const raw = this.storage.getItem(this.draftKey);
    if (raw === null) return null;
    try {
      const copy = JSON.parse(raw);
      if (copy && typeof copy.text === 'string') return { base: typeof copy.base === 'number' ? copy.base : null, text: copy.text };
    } catch { /* a copy from before versions were kept with it */ }
    return { base: null, text: raw };
  }

  keepCopy() { this.storage.setItem(this.draftKey, JSON.stringify({ base: this.base, text: this.text })); }

  /** @returns {string | null} the person's own text kept after continuing from someone else's */
  kept() { return this.storage.getItem(this.keptKey); }

  /**
   * The person typed.
   * @param {string} text
   * @returns {boolean} whether to save soon (not while a conflict waits for a choice)
   */
  edit(text) {
    this.text = text;
    this.dirty = true;
    this.keepCopy();
    return !this.conflict;
  }

  /**
   * Connected (or reconnected) and the server says this is the latest. The editor's unsaved text
   * (a reconnect) or the browser's copy (a reload) is saved only if written on that version;
   * otherwise both texts are shown.
   * @param {number} version
   * @param {string} notes
   * @returns {'server' | 'save' | 'conflict' | 'unchanged'} server: the editor shows the saved notes;
   *   save: the unsaved text goes on and is saved; conflict: see `conflict`; unchanged: a conflict is already shown
   */
  joined(version, notes) {
    this.latest = { version, notes };
    if (this.conflict) return 'unchanged';
    const local = this.dirty ? { base: this.base, text: this.text } : this.readCopy();
    if (!local || local.text === notes) {
      Object.assign(this, { text: notes, base: version, dirty: false });
      this.storage.removeItem(this.draftKey);
      return 'server';
    }
    Object.assign(this, { text: local.text, base: local.base, dirty: true });
    if (local.base === version) { this.keepCopy(); return 'save'; }
    this.conflict = { version, notes };
    return 'conflict';
  }

  /**
   * Someone saved (or this person, in another tab). It goes into the editor only when nothing
   * here is unsaved: unsaved text keeps the version it was written on, so its save shows the
   * conflict instead of silently replacing what was just saved.
   * @param {number} version
   * @param {string} notes
   * @returns {'old' | 'replaced' | 'kept'} old: an out-of-date event, ignored; replaced: the editor now shows it
   */
  remoteSaved(version, notes) {
    if (version <= this.latest.version) return 'old';
    this.latest = { version, notes };
    if (this.dirty || this.saving || this.conflict) return 'kept';
    Object.assign(this, { text: notes, base: version });
    return 'replaced';
  }

  /**
   * Saves the editor's text on the version it was written on.
   * @param {(base: number | null, text: string) => Promise<NotesSaveResult>} send SaveNotes on the hub
   * @param {number} maxLength longer text is not sent (the server would refuse it)
   * @returns {Promise<{ outcome: 'skipped' } | { outcome: 'tooLong', length: number }
   *   | { outcome: 'saved', version: number, again: boolean } | { outcome: 'conflict', message: string }
   *   | { outcome: 'failed', error: unknown, again: boolean }>} again: typed while saving, so save again soon
   */
  async save(send, maxLength) {
    if (this.saving || this.conflict || !this.dirty) return { outcome: 'skipped' };
    const text = this.text;
    if (text.length > maxLength) return { outcome: 'tooLong', length: text.length };
    this.saving = true;
    try {
      const result = await send(this.base, text);
      if (!result.saved) {
        this.conflict = { version: result.version, notes: result.notes };
        return { outcome: 'conflict', message: result.conflict || '' };
      }
      this.base = result.version;
      if (result.version > this.latest.version) this.latest = { version: result.version, notes: result.notes };
      if (this.text === text) { this.dirty = false; this.storage.removeItem(this.draftKey); } else this.keepCopy();
      return { outcome: 'saved', version: result.version, again: this.dirty && !this.conflict };
    } catch (error) {
      return { outcome: 'failed', error, again: this.text !== text && !this.conflict };
    } finally {
      this.saving = false;
    }
  }

  /**
   * Continue from the other text: the editor takes the newest saved notes; the person's own text
   * is kept in the browser (shown apart) until they discard it.
   * @returns {{ mine: string, theirs: NotesVersion }}
   */
  takeTheirs() {
    if (!this.conflict) throw new Error('No conflict to resolve.');
    const mine = this.text;
    const theirs = this.latest.version > this.conflict.version ? this.latest : this.conflict;
    this.storage.setItem(this.keptKey, mine);
    Object.assign(this, { text: theirs.notes, base: theirs.version, conflict: null, dirty: false });
    this.storage.removeItem(this.draftKey);
    return { mine, theirs };
  }

  /** Save my text instead: it is now written on theirs, which stays in the earlier versions. */
  keepMine() {
    if (!this.conflict) throw new Error('No conflict to resolve.');
    this.base = this.conflict.version;
    this.conflict = null;
    this.keepCopy();
  }

  /** The person no longer needs their kept text. */
  discardKept() { this.storage.removeItem(this.keptKey); }
}
