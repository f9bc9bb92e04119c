// @ts-check
// Compare page: jump to the previous/next change, opening collapsed parts as needed.
const changes = /** @type {HTMLElement[]} */ ([...document.querySelectorAll('[data-change]')]);
const position = document.querySelector('.change-position');
let current = -1;

/** @param {number} index */
function show(index) {
  current = Math.max(0, Math.min(changes.length - 1, index));
  const target = changes[current];
  target.closest('details')?.setAttribute('open', '');
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
  if (position) position.textContent = `Change ${current + 1} of ${changes.length}`;
  history.replaceState(null, '', `#${target.id}`);
}

// Start from the change in view (or the one the address points to).
function nearest() {
  const top = window.scrollY + 80;
  let found = -1;
  changes.forEach((c, i) => { if (c.getBoundingClientRect().top + window.scrollY <= top) found = i; });
  return found;
}

document.querySelectorAll('[data-change-step]').forEach(button => button.addEventListener('click', () => {
  if (!changes.length) return;
  const step = Number(/** @type {HTMLElement} */ (button).dataset.changeStep);
  show((current >= 0 ? current : nearest()) + step);
}));

if (changes.length && location.hash) {
  const index = changes.findIndex(c => `#${c.id}` === decodeURIComponent(location.hash));
  if (index >= 0) show(index);
}
