// @ts-check
// Builds the connection to a hub, with the one reconnect policy every page uses.
import { HubConnectionBuilder, HubConnectionState } from '@microsoft/signalr';

export { HubConnectionState };
export { errorText, isRefusal, retryAfterSeconds } from './hub-errors.js';

/** Waits before reconnect attempts 1-4, then every 10 s for as long as the page is open. */
const retryDelays = [0, 1000, 2000, 5000];

/**
 * @param {number} previousRetryCount
 * @returns {number} milliseconds
 */
export const retryDelay = (previousRetryCount) => retryDelays[previousRetryCount] ?? 10000;

/**
 * A connection to the hub at this path, reconnecting by itself. Not started.
 * @param {string} url e.g. '/hubs/review'
 */
export function connectTo(url) {
  return new HubConnectionBuilder()
    .withUrl(url)
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => retryDelay(context.previousRetryCount) })
    .build();
}

/** How long a page waits before starting over after a failed join or a closed connection. */
const restartDelay = 2000;

/**
 * What a page does when the connection comes back or goes: after SignalR reconnects by itself it
 * joins again (the server knew the old connection's groups, not the new one's), and if that join
 * fails, or the connection closes for good, it starts over after 2 s.
 * @param {import('@microsoft/signalr').HubConnection} connection
 * @param {() => Promise<unknown>} join joins the page's version or room again
 * @param {() => unknown} start connects (if needed) and joins
 * @param {() => boolean} [closed] told that the connection closed; answers whether to start over
 */
export function rejoinAfterReconnect(connection, join, start, closed = () => true) {
  connection.onreconnected(() => { join().catch(() => setTimeout(start, restartDelay)); });
  connection.onclose(() => { if (closed()) setTimeout(start, restartDelay); });
}
