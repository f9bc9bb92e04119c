// @ts-check
// A segment's translation in the workspace: saves name the revision they were written on; when
// someone else saved first, both texts are shown and nothing is lost, in the editor or the browser.
import test from 'node:test';
import assert from 'node:assert/strict';
import { SegmentSync } from '../translate/segment-sync.js';
import { FakeStorage } from './fake-storage.js';

/** @typedef {import('../shared/hub-types.js').TranslationView} TranslationView */
/** @typedef {import('../shared/hub-types.js').TranslationSaveResult} TranslationSaveResult */
/** @typedef {import('../shared/hub-types.js').TranslationState} TranslationState */

const key = 'gr.translate.3.fr.user-1.s2-p1';

/**
 * @param {number} revision
 * @param {string} text
 * @param {TranslationState} [state]
 * @returns {TranslationView}
 */
function view(revision, text, state = 'draft') {
  return {
    segmentId: 's2-p1', text, state, revision, translatorId: 'user-2', translator: 'Fanny', translatedAt: '2026-12-01T10:00:00Z',
    reviewer: null, reviewedAt: null, rejectReason: null, approvedText: null, editorialChange: false, waivedChecks: null, waiverReason: null,
    sourceDiff: null, issues: [],
  };
}

/**
 * A hub that keeps revisions as TranslationService does: a save on an older revision is refused
 * with the newer text, and the refused text is kept in the history.
 * @param {number} revision
 * @param {string} text
 */
function fakeHub(revision, text) {
  const hub = {
    current: view(revision, text),
    /** @type {{ base: number, text: string, submit: boolean }[]} */
    saves: [],
    /** @type {string[]} */
    history: [],
    /** @param {number} base @param {string} saving @param {boolean} submit @returns {Promise<TranslationSaveResult>} */
    send: async (base, saving, submit) => {
      hub.saves.push({ base, text: saving, submit });
      if (base !== hub.current.revision) {
        hub.history.push(saving);
        return { saved: false, current: hub.current, conflict: 'Fanny saved it while you were typing.' };
      }
      hub.current = view(hub.current.revision + 1, saving, submit ? 'translated' : 'draft');
      return { saved: true, current: hub.current, conflict: null };
    },
    /** Someone else's save. @param {string} saving @param {TranslationState} [state] */
    other(saving, state = 'draft') { hub.current = view(hub.current.revision + 1, saving, state); return hub.current; },
  };
  return hub;
}

test('an autosave names the revision the text was written on, and the next one the revision it made', async () => {
  const hub = fakeHub(0, '');
  const sync = new SegmentSync(new FakeStorage(), key, { revision: 0, text: '' });

  assert.equal(sync.edit('Les villes'), true, 'typing asks for a save');
  const first = await sync.save(hub.send, false, 20_000);
  sync.edit('Les villes intelligentes');
  const second = await sync.save(hub.send, true, 20_000);

  assert.deepEqual(hub.saves.map(s => [s.base, s.submit]), [[0, false], [1, true]]);
  assert.deepEqual([first.outcome, second.outcome], ['saved', 'saved']);
  assert.equal(hub.current.state, 'translated');
  assert.equal(sync.dirty, false);
  assert.deepEqual(sync.base, { revision: 2, text: 'Les villes intelligentes' });
});

test('typing back to the saved text saves nothing, so a submitted translation is not turned back into a draft', async () => {
  const hub = fakeHub(3, 'Texte soumis');
  const sync = new SegmentSync(new FakeStorage(), key, { revision: 3, text: 'Texte soumis' });

  sync.edit('Texte soumis!');
  assert.equal(sync.edit('Texte soumis'), false);
  const result = await sync.save(hub.send, false, 20_000);

  assert.equal(result.outcome, 'skipped');
  assert.equal(hub.saves.length, 0);
});

test('submitting sends the text even unchanged, and an empty one is not offered for review', async () => {
  const hub = fakeHub(2, 'Brouillon');
  const sync = new SegmentSync(new FakeStorage(), key, { revision: 2, text: 'Brouillon' });
  const submitted = await sync.save(hub.send, true, 20_000);
  const blank = new SegmentSync(new FakeStorage(), key, { revision: 0, text: '' });
  blank.edit('   ');

  assert.equal(submitted.outcome, 'saved');
  assert.deepEqual(hub.saves, [{ base: 2, text: 'Brouillon', submit: true }]);
  assert.equal((await blank.save(hub.send, true, 20_000)).outcome, 'empty');
});

test('when someone else saved first, nothing is overwritten and both texts are there to choose from', async () => {
  const storage = new FakeStorage();
  const hub = fakeHub(1, 'Début');
  const sync = new SegmentSync(storage, key, { revision: 1, text: 'Début' });
  sync.edit('Début, ma version');
  hub.other('Début, leur version');

  const result = await sync.save(hub.send, false, 20_000);

  assert.equal(result.outcome, 'conflict');
  assert.equal(hub.current.text, 'Début, leur version', 'their save is not replaced');
  assert.deepEqual(hub.history, ['Début, ma version'], 'mine is kept in the history on the server');
  assert.deepEqual(sync.conflict, { revision: 2, text: 'Début, leur version' }, 'their text, to show');
  assert.equal(sync.text, 'Début, ma version', 'my text stays in the editor');
  assert.equal(JSON.parse(storage.getItem(key) || '{}').text, 'Début, ma version', 'and in the browser, should the page close');
  sync.edit('Début, ma version, plus longue');
  assert.equal((await sync.save(hub.send, false, 20_000)).outcome, 'blocked', 'nothing is saved until the translator chooses');
  assert.equal(hub.saves.length, 1);
});

test('"keep mine" saves my text on their revision; "keep theirs" puts theirs in the editor and hands mine back', async () => {
  const hub = fakeHub(1, 'Début');
  const mine = new SegmentSync(new FakeStorage(), key, { revision: 1, text: 'Début' });
  mine.edit('Ma version');
  hub.other('Leur version');
  await mine.save(hub.send, false, 20_000);

  assert.equal(mine.keepMine(), true);
  const again = await mine.save(hub.send, false, 20_000);

  assert.equal(again.outcome, 'saved');
  assert.deepEqual(hub.saves.map(s => s.base), [1, 2]);
  assert.equal(hub.current.text, 'Ma version');

  const storage = new FakeStorage();
  const theirs = new SegmentSync(storage, key, { revision: 3, text: 'Ma version' });
  theirs.edit('Autre version');
  hub.other('Leur nouvelle version');
  await theirs.save(hub.send, false, 20_000);
  const chosen = theirs.keepTheirs();

  assert.deepEqual(chosen, { mine: 'Autre version', theirs: { revision: 4, text: 'Leur nouvelle version' } });
  assert.equal(theirs.text, 'Leur nouvelle version');
  assert.equal(theirs.dirty, false);
  assert.equal(storage.getItem(key), null, 'nothing left to save');
});

test('someone else\'s save replaces the text only when nothing is unsaved here; otherwise it is a conflict at once', () => {
  const idle = new SegmentSync(new FakeStorage(), key, { revision: 1, text: 'Un' });
  const typing = new SegmentSync(new FakeStorage(), key, { revision: 1, text: 'Un' });
  typing.edit('Un, deux');

  assert.equal(idle.remoteChanged(view(2, 'Un, trois')), 'replaced');
  assert.equal(idle.text, 'Un, trois');
  assert.equal(idle.base.revision, 2);
  assert.equal(typing.remoteChanged(view(2, 'Un, trois')), 'conflict');
  assert.equal(typing.text, 'Un, deux', 'what I typed stays');
  assert.deepEqual(typing.conflict, { revision: 2, text: 'Un, trois' });
  assert.equal(typing.remoteChanged(view(2, 'Un, trois')), 'old', 'the same event twice changes nothing');
});

test('a review (same text, newer revision) while I type is taken up: my next save names the reviewed revision', async () => {
  const hub = fakeHub(4, 'Texte');
  const sync = new SegmentSync(new FakeStorage(), key, { revision: 4, text: 'Texte' });
  sync.edit('Texte revu');
  const reviewed = hub.other('Texte', 'approved');

  assert.equal(sync.remoteChanged(reviewed), 'rebased');
  const result = await sync.save(hub.send, false, 20_000);

  assert.equal(result.outcome, 'saved');
  assert.deepEqual(hub.saves.map(s => s.base), [5]);
});

test('my own save arriving as an event before its answer is not taken for someone else\'s', async () => {
  const hub = fakeHub(1, 'Un');
  const sync = new SegmentSync(new FakeStorage(), key, { revision: 1, text: 'Un' });
  sync.edit('Un, deux');
  /** @type {ReturnType<SegmentSync['remoteChanged']> | undefined} */
  let echo;
  const result = await sync.save(async (base, text, submit) => {
    const answer = await hub.send(base, text, submit);
    echo = sync.remoteChanged(/** @type {TranslationView} */ (answer.current)); // the server pushes before it answers
    return answer;
  }, false, 20_000);

  assert.equal(echo, 'wait');
  assert.equal(result.outcome, 'saved');
  assert.equal(result.outcome === 'saved' && result.after, 'none');
  assert.equal(sync.conflict, null);
  assert.equal(sync.dirty, false);
});

test('a save answered after someone else saved again leaves the newer text in place of mine (nothing unsaved) or shows both', async () => {
  const hub = fakeHub(1, 'Un');
  const sync = new SegmentSync(new FakeStorage(), key, { revision: 1, text: 'Un' });
  sync.edit('Deux');
  const result = await sync.save(async (base, text, submit) => {
    const answer = await hub.send(base, text, submit);
    sync.remoteChanged(hub.other('Trois')); // someone saved right after me, before my answer came
    sync.edit('Deux et plus'); // and I kept typing
    return answer;
  }, false, 20_000);

  assert.equal(result.outcome === 'saved' && result.after, 'conflict');
  assert.deepEqual(sync.conflict, { revision: 3, text: 'Trois' });
  assert.equal(sync.text, 'Deux et plus');
});

test('a submit asked for while an autosave is under way follows it', async () => {
  const hub = fakeHub(0, '');
  const sync = new SegmentSync(new FakeStorage(), key, { revision: 0, text: '' });
  sync.edit('Texte');
  /** @type {Promise<unknown> | undefined} */
  let queued;
  const first = await sync.save(async (base, text, submit) => {
    queued = sync.save(hub.send, true, 20_000);
    return hub.send(base, text, submit);
  }, false, 20_000);

  assert.deepEqual(await queued, { outcome: 'queued' });
  assert.equal(first.outcome === 'saved' && first.submitAgain, true);
  const submitted = await sync.save(hub.send, true, 20_000);
  assert.equal(submitted.outcome, 'saved');
  assert.equal(hub.current.state, 'translated');
  assert.deepEqual(hub.saves.map(s => s.submit), [false, true]);
});

test('unsaved text kept in the browser comes back after a reload: saved if written on the revision shown, else both texts are shown', () => {
  const storage = new FakeStorage();
  const before = new SegmentSync(storage, key, { revision: 2, text: 'Saved' });
  before.edit('Typed, never saved');

  const same = new SegmentSync(storage, key, { revision: 2, text: 'Saved' });
  assert.equal(same.restore(), 'save');
  assert.equal(same.text, 'Typed, never saved');
  assert.equal(same.dirty, true);

  const moved = new SegmentSync(storage, key, { revision: 3, text: 'Saved by someone else' });
  assert.equal(moved.restore(), 'conflict');
  assert.deepEqual(moved.conflict, { revision: 3, text: 'Saved by someone else' });
  assert.equal(moved.text, 'Typed, never saved');

  assert.equal(new SegmentSync(new FakeStorage(), key, { revision: 3, text: 'x' }).restore(), 'none');
});

test('a connection failure keeps the text unsaved, in the editor and the browser, to save again', async () => {
  const storage = new FakeStorage();
  const sync = new SegmentSync(storage, key, { revision: 1, text: 'Un' });
  sync.edit('Un, deux');

  const result = await sync.save(async () => { throw new Error('WebSocket closed'); }, false, 20_000);

  assert.equal(result.outcome, 'failed');
  assert.equal(sync.dirty, true);
  assert.equal(sync.saving, false);
  assert.equal(JSON.parse(storage.getItem(key) || '{}').base, 1);
  storage.full = true;
  assert.equal(sync.edit('Un, deux, trois'), true, 'a full storage does not stop typing or saving');
});

test('text longer than the server takes is not sent', async () => {
  const hub = fakeHub(0, '');
  const sync = new SegmentSync(new FakeStorage(), key, { revision: 0, text: '' });
  sync.edit('x'.repeat(21));
  assert.deepEqual(await sync.save(hub.send, false, 20), { outcome: 'tooLong', length: 21 });
  assert.equal(hub.saves.length, 0);
});
