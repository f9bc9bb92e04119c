// @ts-check
// What a page does when its connection comes back or goes (shared by the draft and room pages).
import test from 'node:test';
import assert from 'node:assert/strict';
import { rejoinAfterReconnect } from '../shared/hub.js';

/** A connection that only records the handlers the page gives it. */
function fakeConnection() {
  /** @type {{ reconnected?: () => void, closed?: () => void }} */
  const on = {};
  const connection = /** @type {any} */ ({
    /** @param {() => void} f */ onreconnected: (f) => { on.reconnected = f; },
    /** @param {() => void} f */ onclose: (f) => { on.closed = f; },
  });
  return { connection, on };
}

test('after SignalR reconnects by itself the page joins again, and starts over 2 s after a failed join', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { connection, on } = fakeConnection();
  let joins = 0, starts = 0, failJoin = false;
  const join = async () => { joins++; if (failJoin) throw new Error('JoinVersion refused'); };
  rejoinAfterReconnect(connection, join, () => { starts++; });

  on.reconnected?.();
  await Promise.resolve();
  assert.equal(joins, 1);
  t.mock.timers.tick(5000);
  assert.equal(starts, 0, 'a join that worked needs no new start');

  failJoin = true;
  on.reconnected?.();
  await new Promise(setImmediate);
  t.mock.timers.tick(1999);
  assert.equal(starts, 0);
  t.mock.timers.tick(1);
  assert.equal(starts, 1);
});

test('a closed connection starts over after 2 s, unless the page says it is done', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { connection, on } = fakeConnection();
  let starts = 0, removed = false;
  rejoinAfterReconnect(connection, async () => {}, () => { starts++; }, () => !removed);

  on.closed?.();
  t.mock.timers.tick(2000);
  assert.equal(starts, 1);

  removed = true; // e.g. taken out of the room: the page stops
  on.closed?.();
  t.mock.timers.tick(10000);
  assert.equal(starts, 1);
});
