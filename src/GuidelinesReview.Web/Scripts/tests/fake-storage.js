// @ts-check
// A stand-in for the browser's localStorage: strings by key, and it can be made to fail.

export class FakeStorage {
  constructor() {
    /** @type {Map<string, string>} */
    this.items = new Map();
    this.full = false;
  }

  /** @param {string} key */
  getItem(key) { return this.items.has(key) ? /** @type {string} */ (this.items.get(key)) : null; }

  /** @param {string} key @param {string} value */
  setItem(key, value) {
    if (this.full) throw new Error('QuotaExceededError');
    this.items.set(key, String(value));
  }

  /** @param {string} key */
  removeItem(key) { this.items.delete(key); }
}
