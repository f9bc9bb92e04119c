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
