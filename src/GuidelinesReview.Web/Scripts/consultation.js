// @ts-check
// Consultation windows: shows their times (rendered in UTC by the server) in the reader's time
// zone, and keeps the draft page's banner current: time left, and the switch to "closed" or to the
// next window at the exact instant, timed on the server's clock. The server refuses comments
// outside a window whatever this shows; review.js learns the same from the hub.
const format = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
const utcFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** @param {ParentNode} root */
function localise(root) {
  root.querySelectorAll('time[data-local]').forEach(node => {
    const t = /** @type {HTMLTimeElement} */ (node);
    if (!t.title) t.title = t.textContent; // the UTC text stays on hover
    t.textContent = format.format(new Date(t.dateTime));
  });
}

localise(document);

const bannerEl = document.querySelector('[data-consultation]');
if (bannerEl instanceof HTMLElement) keepCurrent(bannerEl);

/**
 * A consultation window as the page lists it in data-windows (times in UTC, ending in "Z").
 * @typedef {{ title: string, audience: string, opensAt: string, closesAt: string }} WindowData
 */

/** @param {HTMLElement} banner the draft page's consultation banner */
function keepCurrent(banner) {
  /** @type {WindowData[]} */
  const listed = JSON.parse(banner.dataset.windows || '[]');
  const windows = listed.map(w => ({ ...w, opens: Date.parse(w.opensAt), closes: Date.parse(w.closesAt) }));
  const skew = Date.parse(banner.dataset.now || '') - Date.now();
  const now = () => Date.now() + skew;
  const stateEl = /** @type {HTMLElement} */ (banner.querySelector('[data-consultation-state]'));
  const aboutEl = /** @type {HTMLElement} */ (banner.querySelector('[data-consultation-about]'));

  // The same choice as ConsultationRules.Relevant: the open window, else the next, else the last closed.
  /** @param {number} t */
  function relevant(t) {
    const open = windows.find(w => w.opens <= t && t < w.closes);
    if (open) return { window: open, phase: 'open' };
    const next = windows.filter(w => w.opens > t).sort((a, b) => a.opens - b.opens)[0];
    if (next) return { window: next, phase: 'upcoming' };
    return { window: windows.reduce((a, b) => (b.closes > a.closes ? b : a)), phase: 'closed' };
  }

  // As ConsultationRules.Remaining: the two largest units, rounded down.
  /** @param {number} ms */
  function remaining(ms) {
    const count = (/** @type {number} */ n, /** @type {string} */ unit) => `${n} ${unit}${n === 1 ? '' : 's'}`;
    const pair = (/** @type {number} */ big, /** @type {string} */ bigUnit, /** @type {number} */ small, /** @type {string} */ smallUnit) => small ? `${count(big, bigUnit)} ${count(small, smallUnit)}` : count(big, bigUnit);
    const minutes = Math.floor(ms / 60000);
    const hours = Math.floor(minutes / 60);
    const days = Math.floor(hours / 24);
    const text = days ? pair(days, 'day', hours % 24, 'hour')
      : hours ? pair(hours, 'hour', minutes % 60, 'minute')
      : minutes ? count(minutes, 'minute')
      : 'less than a minute';
    return `${text} left`;
  }

  /** @param {number} ms */
  const time = (ms) => {
    const iso = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const el = document.createElement('time');
    el.dateTime = iso;
    el.textContent = format.format(new Date(ms));
    el.title = `${utcFormat.format(new Date(ms))} UTC`; // as the server writes it
    return el;
  };
  /** @param {string} text */
  const strong = (text) => { const el = document.createElement('strong'); el.textContent = text; return el; };

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  function render() {
    const t = now();
    const { window: w, phase } = relevant(t);
    banner.className = `consultation-banner consultation-${phase}`;
    if (phase === 'open') stateEl.replaceChildren(strong('Consultation open'), ' until ', time(w.closes), ` — ${remaining(w.closes - t)}.`);
    else if (phase === 'upcoming') stateEl.replaceChildren(strong('Consultation opens'), ' on ', time(w.opens), '.');
    else stateEl.replaceChildren(strong('Consultation closed'), ' on ', time(w.closes), '. The draft stays readable.');
    aboutEl.textContent = `${w.title} · for ${w.audience}`;

    // Again at the next opening or closing, and every half minute for the time left.
    const upcoming = windows.flatMap(x => [x.opens, x.closes]).filter(x => x > t);
    const wait = Math.min(30000, ...upcoming.map(x => x - t));
    clearTimeout(timer);
    timer = setTimeout(render, Math.max(wait, 50));
  }

  render();
}
