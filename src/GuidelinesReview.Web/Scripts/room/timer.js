// @ts-check
// The room timer's words: what the toolbar shows for an end time, the same on every screen.

/**
 * What the countdown shows at `now` for a timer ending at `endsAt` (ISO string, or null when none runs).
 * @param {string | null} endsAt
 * @param {number} now milliseconds since the epoch
 * @returns {{ text: string, running: boolean, up: boolean }}
 */
export function countdown(endsAt, now) {
  if (!endsAt) return { text: 'No timer', running: false, up: false };
  const left = Math.max(0, new Date(endsAt).getTime() - now);
  if (left === 0) return { text: 'Time is up', running: true, up: true };
  const seconds = Math.ceil(left / 1000);
  const h = Math.floor(seconds / 3600), m = Math.floor(seconds / 60) % 60, s = seconds % 60;
  const mm = h > 0 ? `${h}:${String(m).padStart(2, '0')}` : String(m);
  return { text: `${mm}:${String(s).padStart(2, '0')}`, running: true, up: false };
}
