// @ts-check
// The offline queue of the draft page: comments written without a connection survive a reload
// and are sent once each when the connection is back.
import test from 'node:test';
import assert from 'node:assert/strict';
import { OfflineQueue, serverTroubleText } from '../review/offline-queue.js';
import { FakeStorage } from './fake-storage.js';

/** @typedef {import('../shared/hub-types.js').PostCommentInput} PostCommentInput */
/** @typedef {import('../shared/hub-types.js').CommentView} CommentView */

const key = 'gr.queue.7.user-1';

/** @param {string} clientId @param {string} body @returns {PostCommentInput} */
const comment = (clientId, body) => ({ clientId, versionId: 7, anchor: 's2.1-p1', type: 'general', body, proposedText: null, quote: null, parentId: null, roomId: null });

/** The saved comment the server answers with (only what the queue looks at). @param {PostCommentInput} input */
const savedView = (input) => /** @type {CommentView} */ (/** @type {unknown} */ ({ id: 1, clientId: input.clientId, body: input.body }));

/** A hub that saves each client id once, as the server does, and counts what it was sent. */
function fakeHub() {
  /** @type {PostCommentInput[]} */
  const sent = [];
  /** @type {Map<string, CommentView>} */
  const saved = new Map();
  return {
    sent,
    saved,
    /** @param {PostCommentInput} input */
    send: async (input) => {
      sent.push(input);
      if (!saved.has(input.clientId)) saved.set(input.clientId, savedView(input));
      return /** @type {CommentView} */ (saved.get(input.clientId));
    },
  };
}

/** @param {string} sentence */
const refusal = (sentence) => new Error(`An unexpected error occurred invoking 'PostComment' on the server. HubException: ${sentence}`);

test('a comment written offline is kept in the browser and is still there after a reload', () => {
  const storage = new FakeStorage();
  new OfflineQueue(storage, key).add(comment('a', 'Add a line on rural areas.'));

  const afterReload = new OfflineQueue(storage, key).load();

  assert.deepEqual(afterReload.list().map(p => p.input.body), ['Add a line on rural areas.']);
  assert.equal(afterReload.list()[0].error, null);
});

test('back online, waiting comments are sent once each, in the order written, and leave the browser', async () => {
  const storage = new FakeStorage();
  const queue = new OfflineQueue(storage, key);
  queue.add(comment('a', 'First'));
  queue.add(comment('b', 'Second'));
  const hub = fakeHub();
  /** @type {CommentView[]} */
  const shown = [];

  await queue.flush({ send: hub.send, online: () => true, onSaved: c => shown.push(c) });
  await queue.flush({ send: hub.send, online: () => true });

  assert.deepEqual(hub.sent.map(i => i.body), ['First', 'Second']);
  assert.deepEqual(shown.map(c => c.body), ['First', 'Second']);
  assert.equal(queue.list().length, 0);
  assert.deepEqual(JSON.parse(storage.getItem(key) || 'null'), []);
  assert.equal(new OfflineQueue(storage, key).load().list().length, 0, 'a reload would send them again');
});

test('nothing is sent while offline', async () => {
  const queue = new OfflineQueue(new FakeStorage(), key);
  queue.add(comment('a', 'Waiting'));
  const hub = fakeHub();

  await queue.flush({ send: hub.send, online: () => false });

  assert.equal(hub.sent.length, 0);
  assert.equal(queue.list().length, 1);
});

test('a comment the server already pushed back (same client id) is not sent again', async () => {
  const queue = new OfflineQueue(new FakeStorage(), key);
  queue.add(comment('a', 'Sent just before the connection dropped'));
  queue.add(comment('b', 'Written offline'));
  const hub = fakeHub();

  assert.equal(queue.settle('a'), true); // the CommentChanged push of the saved comment
  await queue.flush({ send: hub.send, online: () => true });

  assert.deepEqual(hub.sent.map(i => i.clientId), ['b']);
});

test('two flushes at once (reconnect and the online event) send each comment once', async () => {
  const queue = new OfflineQueue(new FakeStorage(), key);
  queue.add(comment('a', 'Only once'));
  const hub = fakeHub();

  await Promise.all([
    queue.flush({ send: hub.send, online: () => true }),
    queue.flush({ send: hub.send, online: () => true }),
  ]);

  assert.equal(hub.sent.length, 1);
});

test('a refused comment shows the server\'s sentence, is not retried, and the rest still go', async () => {
  const storage = new FakeStorage();
  const queue = new OfflineQueue(storage, key);
  queue.add(comment('a', 'Too late'));
  queue.add(comment('b', 'Fine'));
  const hub = fakeHub();
  /** @param {PostCommentInput} input */
  const send = (input) => input.clientId === 'a'
    ? Promise.reject(refusal('The consultation closed on 1 December 2026 at 12:00 UTC.'))
    : hub.send(input);

  await queue.flush({ send, online: () => true });
  await queue.flush({ send, online: () => true });

  const [refused] = queue.list();
  assert.equal(refused.input.clientId, 'a');
  assert.equal(refused.error, 'The consultation closed on 1 December 2026 at 12:00 UTC.');
  assert.deepEqual(hub.sent.map(i => i.clientId), ['b']);
  assert.deepEqual(JSON.parse(storage.getItem(key) || 'null'), [], 'a refused comment is not resent after a reload');
});

test('connection trouble keeps the comment (and the ones after it) for the next try', async () => {
  const queue = new OfflineQueue(new FakeStorage(), key);
  queue.add(comment('a', 'First'));
  queue.add(comment('b', 'Second'));
  let up = false;
  const hub = fakeHub();
  /** @param {PostCommentInput} input */
  const send = (input) => (up ? hub.send(input) : Promise.reject(new Error('WebSocket closed with status code: 1006')));

  await queue.flush({ send, online: () => true });
  assert.deepEqual(queue.list().map(p => [p.input.clientId, p.error]), [['a', null], ['b', null]]);

  up = true;
  await queue.flush({ send, online: () => true });
  assert.deepEqual(hub.sent.map(i => i.clientId), ['a', 'b']);
});

test('a server error that repeats while connected is shown instead of retried forever', async () => {
  const queue = new OfflineQueue(new FakeStorage(), key);
  queue.add(comment('a', 'Breaks the server'));
  const send = () => Promise.reject(new Error('Internal server error'));

  for (let i = 0; i < 3; i++) await queue.flush({ send, online: () => true });

  assert.equal(queue.list()[0].error, serverTroubleText);
});

test('asked to wait (too many posts), it keeps the comment and tries again after that many seconds', async () => {
  const queue = new OfflineQueue(new FakeStorage(), key);
  queue.add(comment('a', 'One too many'));
  /** @type {number[]} */
  const retries = [];
  const send = () => Promise.reject(refusal('You are posting too fast: try again in 12 seconds.'));

  await queue.flush({ send, online: () => true, retryLater: ms => retries.push(ms) });

  assert.deepEqual(retries, [12000]);
  assert.equal(queue.list()[0].error, null);
});

test('a corrupt stored queue is dropped, and full storage does not stop the page', () => {
  const storage = new FakeStorage();
  storage.setItem(key, '{not json');
  const queue = new OfflineQueue(storage, key).load();
  assert.equal(queue.list().length, 0);

  storage.full = true;
  assert.doesNotThrow(() => queue.add(comment('a', 'Still shown')));
  assert.equal(queue.list().length, 1);
});
