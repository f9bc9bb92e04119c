// @ts-check
// Element helpers and the toast, shared by every page script.

/** @typedef {Node | string | null | undefined | false} Child */

/**
 * Builds an element. attrs: `class`, `text` (textContent), `html` (innerHTML: only server-sanitised
 * comment HTML), `on<event>` (listener), anything else an attribute; null, undefined and false are left out.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any>} [attrs]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'html') node.innerHTML = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

/**
 * The element with this id, which the page always has (a missing one is a page bug: it throws).
 * @template {HTMLElement} [T=HTMLElement]
 * @param {string} id
 * @param {{ new (): T }} [kind] e.g. HTMLTextAreaElement, checked
 * @returns {T}
 */
export function byId(id, kind) {
  const found = document.getElementById(id);
  if (!found || (kind && !(found instanceof kind))) throw new Error(`The page has no ${kind ? kind.name : 'element'} #${id}.`);
  return /** @type {T} */ (found);
}

/**
 * Shows a short message in the layout's toast (role=status, so screen readers hear it).
 * The hiding timer is kept on the element, not in this module: each page script is bundled on
 * its own, so site.js and the page's script each have a copy of this module and share only the element.
 * @param {string} text
 * @param {number} [ms] how long it stays
 */
export function say(text, ms = 3000) {
  const toast = document.getElementById('toast');
  if (!toast) return;
  toast.textContent = text;
  toast.classList.add('show');
  clearTimeout(Number(toast.dataset.hideTimer));
  toast.dataset.hideTimer = String(setTimeout(() => toast.classList.remove('show'), ms));
}
