// @ts-check
// What a hub refusal says. The server's refusals arrive as errors whose message ends with the
// sentence to show ("...HubException: <sentence>"); anything else is connection trouble.

const marker = 'HubException: ';

/**
 * The sentence to show for an error from a hub call.
 * @param {unknown} e
 * @returns {string}
 */
export function errorText(e) {
  const message = messageOf(e);
  const at = message.indexOf(marker);
  return at >= 0 ? message.slice(at + marker.length) : message;
}

/**
 * Whether the server refused the call (as opposed to the connection failing).
 * @param {unknown} e
 */
export const isRefusal = (e) => messageOf(e).includes(marker);

/**
 * Seconds the server asked to wait ("... try again in 12 seconds."), or null.
 * @param {unknown} e
 * @returns {number | null}
 */
export function retryAfterSeconds(e) {
  const wait = errorText(e).match(/try again in (\d+) second/);
  return wait ? Number(wait[1]) : null;
}

/** @param {unknown} e */
function messageOf(e) {
  if (e && typeof e === 'object' && 'message' in e && typeof e.message === 'string' && e.message) return e.message;
  return String(e);
}
