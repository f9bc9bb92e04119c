// @ts-check
// Comments written while the connection is down wait here, in the browser's storage (so a reload
// or a closed laptop loses nothing), and are sent once the connection is back: one at a time, in
// the order written. Each carries the client id it was written with, so a resend of something
// the server already saved returns that comment instead of a second copy.
import { errorText, isRefusal, retryAfterSeconds } from '../shared/hub-errors.js';

/** @typedef {import('../shared/hub-types.js').PostCommentInput} PostCommentInput */
/** @typedef {import('../shared/hub-types.js').CommentView} CommentView */
/** @typedef {{ getItem(key: string): string | null, setItem(key: string, value: string): void }} KeyValueStore the part of localStorage used */

/**
 * @typedef {object} PendingComment
 * @property {PostCommentInput} input
 * @property {string | null} error why it will not be sent (shown with "Not sent"), or null while it waits
 * @property {number} [attempts] sends that failed for connection trouble
 */

/** After this many failed sends while online, it is not connection trouble: say so instead of retrying forever. */
export const maxAttempts = 3;
export const serverTroubleText = 'The server could not save this comment. Copy your text, reload the page and try again.';

export class OfflineQueue {
  /**
   * @param {KeyValueStore} storage localStorage (or a fake in tests)
   * @param {string} key one per version and person
   */
  constructor(storage, key) {
    this.storage = storage;
    this.key = key;
    /** @type {Map<string, PendingComment>} clientId -> entry, in the order written */
    this.entries = new Map();
    this.flushing = false;
  }

  /** Takes up what an earlier page (or tab) left waiting. */
  load() {
    try {
      const saved = JSON.parse(this.storage.getItem(this.key) || '[]');
      for (const input of saved) this.entries.set(input.clientId, { input, error: null });
    } catch { /* a corrupt entry is dropped */ }
    return this;
  }

  /** Writes what still waits (not the refused ones: they are shown until discarded, not resent). */
  save() {
    const waiting = [...this.entries.values()].filter(p => !p.error).map(p => p.input);
    try { this.storage.setItem(this.key, JSON.stringify(waiting)); } catch { /* storage full or disabled */ }
  }

  /** @param {PostCommentInput} input */
  add(input) {
    this.entries.set(input.clientId, { input, error: null });
    this.save();
  }

  /**
   * The server has this one (its answer, or a push of the saved comment): it no longer waits.
   * @param {string} clientId
   * @returns {boolean} whether it was waiting here
   */
  settle(clientId) {
    if (!this.entries.delete(clientId)) return false;
    this.save();
    return true;
  }

  /** @param {string} clientId */
  discard(clientId) { this.settle(clientId); }

  /** @param {string} clientId */
  has(clientId) { return this.entries.has(clientId); }

  /** @returns {PendingComment[]} in the order written */
  list() { return [...this.entries.values()]; }

  /**
   * Sends what waits, one at a time, in the order written; stops at connection trouble (the next
   * flush tries again). A refusal marks that comment with the server's sentence and goes on.
   * @param {object} hooks
   * @param {(input: PostCommentInput) => Promise<CommentView>} hooks.send PostComment on the hub
   * @param {() => boolean} hooks.online connected (and joined) now
   * @param {(saved: CommentView) => void} [hooks.onSaved]
   * @param {(ms: number) => void} [hooks.retryLater] asked to wait (too many posts): flush again after ms
   */
  async flush({ send, online, onSaved = () => {}, retryLater = () => {} }) {
    if (this.flushing || !online()) return;
    this.flushing = true;
    try {
      for (const [clientId, entry] of [...this.entries]) {
        if (entry.error || !online() || !this.entries.has(clientId)) continue;
        try {
          const saved = await send(entry.input);
          this.settle(clientId);
          onSaved(saved);
        } catch (e) {
          if (!isRefusal(e)) {
            entry.attempts = (entry.attempts || 0) + 1;
            if (online() && entry.attempts >= maxAttempts) {
              entry.error = serverTroubleText;
              this.save();
              continue;
            }
            break; // connection trouble: keep it (and what follows) for the next flush
          }
          const wait = retryAfterSeconds(e);
          if (wait !== null) { retryLater(wait * 1000); break; }
          entry.error = errorText(e);
          this.save();
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
