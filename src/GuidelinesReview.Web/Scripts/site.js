// @ts-check
// GuidelinesReview: small page behaviours on every page. Loaded as a file (the CSP forbids inline script).
import { say as toast } from './shared/dom.js';

/** @param {string} message */
const say = (message) => toast(message, 2500);

/** @param {string} text */
async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // no clipboard permission (e.g. plain http): the address bar still has the link
  }
}

/** @param {string} anchor @param {ScrollBehavior} behavior */
function highlight(anchor, behavior) {
  document.querySelectorAll('.blk.is-highlighted').forEach(el => el.classList.remove('is-highlighted'));
  const target = document.getElementById(anchor);
  if (!target) return;
  const block = target.closest('.blk') || target;
  block.classList.add('is-highlighted');
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  block.scrollIntoView({ block: 'start', behavior: reduced ? 'instant' : behavior });
}

// Forms that delete something ask first (data-confirm holds the question).
document.addEventListener('submit', (event) => {
  const question = event.target instanceof Element && event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) event.preventDefault();
});

// Permalink: copy the block's address, highlight the block, keep the address in the bar.
document.addEventListener('click', async (event) => {
  const link = event.target instanceof Element ? /** @type {HTMLAnchorElement | null} */ (event.target.closest('a[data-anchor-link]')) : null;
  if (!link) return;
  const anchor = link.getAttribute('data-anchor-link') || '';
  const url = new URL(link.href, location.href).toString();
  if (!document.getElementById(anchor)) return; // filtered out here: let the browser follow the link
  event.preventDefault();
  history.replaceState(null, '', url);
  highlight(anchor, 'smooth');
  say((await copy(url)) ? 'Link copied to the clipboard' : 'Link is in the address bar');
});

// Copy buttons (e.g. a new invitation link).
document.addEventListener('click', async (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-copy-target]') : null;
  if (!button) return;
  const input = document.getElementById(button.getAttribute('data-copy-target') || '');
  if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)) return;
  input.select();
  say((await copy(input.value)) ? 'Copied to the clipboard' : 'Selected: press Ctrl+C to copy');
});

// Arriving on a permalink: highlight the block it points to.
function onHash() {
  let anchor = '';
  try {
    anchor = decodeURIComponent(location.hash.slice(1));
  } catch {
    return; // a malformed address: nothing to highlight
  }
  if (anchor) highlight(anchor, 'instant');
}
window.addEventListener('hashchange', onHash);
if (location.hash) onHash();

// On a phone the contents and the filter would push the text a screen down: start them
// folded (an active filter stays open so the reader sees what is applied).
if (window.matchMedia('(max-width: 991.98px)').matches) {
  document.querySelectorAll('details[data-fold-on-phone]').forEach(node => {
    const d = /** @type {HTMLDetailsElement} */ (node);
    if (!d.hasAttribute('data-keep-open')) d.open = false;
  });
}
