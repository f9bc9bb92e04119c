// @ts-check
// The breakout room's notes: saves name the version they were written on; when someone else
// saved first, both texts are shown and nothing is lost, in the editor or in the browser's copy.
import test from 'node:test';
import assert from 'node:assert/strict';
import { NotesSync } from '../room/notes-sync.js';
import { FakeStorage } from './fake-storage.js';

/** @typedef {import('../shared/hub-types.js').NotesSaveResult} NotesSaveResult */

const key = 'gr.notes.3.user-1';

/**
 * A room hub that keeps versions as the server does: a save on an old version is refused with
 * what is there now.
 * @param {number} version
 * @param {string} notes
 */
function fakeRoom(version, notes) {
  const room = {
    version,
    notes,
    /** @type {{ base: number | null, text: string }[]} */
    saves: [],
    /** @param {number | null} base @param {string} text @returns {Promise<NotesSaveResult>} */
    save: async (base, text) => {
      room.saves.push({ base, text });
      if (base !== room.version) return { saved: false, version: room.version, notes: room.notes, conflict: 'Someone else saved the notes first.' };
      room.version += 1;
      room.notes = text;
      return { saved: true, version: room.version, notes: text, conflict: null };
    },
    /** Someone else's save. @param {string} text */
    other(text) { room.version += 1; room.notes = text; return room.version; },
  };
  return room;
}

test('a save names the version the text was written on, and the next one the version it made', async () => {
  const room = fakeRoom(4, 'Agenda');
  const notes = new NotesSync(new FakeStorage(), key);
  notes.joined(room.version, room.notes);

  notes.edit('Agenda\n- budgets');
  const first = await notes.save(room.save, 50_000);
  notes.edit('Agenda\n- budgets\n- data');
  const second = await notes.save(room.save, 50_000);

  assert.deepEqual(room.saves.map(s => s.base), [4, 5]);
  assert.deepEqual([first.outcome, second.outcome], ['saved', 'saved']);
  assert.equal(room.notes, 'Agenda\n- budgets\n- data');
  assert.equal(notes.dirty, false);
});

test('when someone else saved first, nothing is overwritten and both texts are there to choose from', async () => {
  const storage = new FakeStorage();
  const room = fakeRoom(1, 'Start');
  const notes = new NotesSync(storage, key);
  notes.joined(room.version, room.notes);
  notes.edit('Start\n- my point');
  room.other('Start\n- their point');

  const result = await notes.save(room.save, 50_000);

  assert.equal(result.outcome, 'conflict');
  assert.equal(room.notes, 'Start\n- their point', 'their save is not replaced');
  assert.deepEqual(notes.conflict, { version: 2, notes: 'Start\n- their point' }, 'their text, to show');
  assert.equal(notes.text, 'Start\n- my point', 'my text stays in the editor');
  assert.equal(JSON.parse(storage.getItem(key) || '{}').text, 'Start\n- my point', 'and in the browser, should the page close');

  notes.edit('Start\n- my point, longer');
  assert.equal((await notes.save(room.save, 50_000)).outcome, 'skipped', 'nothing is saved until the person chooses');
  assert.equal(room.saves.length, 1);
});

test('"continue from their text" keeps mine apart until I discard it', async () => {
  const storage = new FakeStorage();
  const room = fakeRoom(1, 'Start');
  const notes = new NotesSync(storage, key);
  notes.joined(room.version, room.notes);
  notes.edit('Mine');
  room.other('Theirs');
  await notes.save(room.save, 50_000);

  const { mine, theirs } = notes.takeTheirs();

  assert.equal(mine, 'Mine');
  assert.deepEqual(theirs, { version: 2, notes: 'Theirs' });
  assert.equal(notes.text, 'Theirs');
  assert.equal(notes.kept(), 'Mine', 'my text is kept to copy from, even after a reload');
  notes.edit('Theirs, and a line of mine');
  assert.equal((await notes.save(room.save, 50_000)).outcome, 'saved');
  assert.equal(room.saves.at(-1)?.base, 2);

  notes.discardKept();
  assert.equal(notes.kept(), null);
});

test('"save my text instead" saves it on their version; theirs stays in the earlier versions', async () => {
  const room = fakeRoom(1, 'Start');
  const notes = new NotesSync(new FakeStorage(), key);
  notes.joined(room.version, room.notes);
  notes.edit('Mine');
  room.other('Theirs');
  await notes.save(room.save, 50_000);

  notes.keepMine();
  const result = await notes.save(room.save, 50_000);

  assert.equal(result.outcome, 'saved');
  assert.equal(room.notes, 'Mine');
  assert.deepEqual(room.saves.map(s => s.base), [1, 2]);
});

test('after a reload, unsaved text written on the current version is taken up and saved', async () => {
  const storage = new FakeStorage();
  const room = fakeRoom(6, 'Saved');
  const before = new NotesSync(storage, key);
  before.joined(room.version, room.notes);
  before.edit('Saved, and unsaved words');

  const after = new NotesSync(storage, key);
  assert.equal(after.joined(room.version, room.notes), 'save');
  assert.equal(after.text, 'Saved, and unsaved words');
  await after.save(room.save, 50_000);

  assert.equal(room.notes, 'Saved, and unsaved words');
  assert.equal(storage.getItem(key), null, 'the browser\'s copy goes once saved');
});

test('after a reload, unsaved text written on an older version is shown beside the newer notes', () => {
  const storage = new FakeStorage();
  const room = fakeRoom(6, 'Saved');
  const before = new NotesSync(storage, key);
  before.joined(room.version, room.notes);
  before.edit('My words from before the reload');
  room.other('Someone else\'s newer notes');

  const after = new NotesSync(storage, key);

  assert.equal(after.joined(room.version, room.notes), 'conflict');
  assert.equal(after.text, 'My words from before the reload');
  assert.deepEqual(after.conflict, { version: 7, notes: 'Someone else\'s newer notes' });
});

test('someone else\'s save replaces the editor only when nothing here is unsaved', () => {
  const notes = new NotesSync(new FakeStorage(), key);
  notes.joined(1, 'Start');

  assert.equal(notes.remoteSaved(2, 'Theirs'), 'replaced');
  assert.equal(notes.text, 'Theirs');

  notes.edit('Theirs and mine');
  assert.equal(notes.remoteSaved(3, 'Theirs again'), 'kept');
  assert.equal(notes.text, 'Theirs and mine');
  assert.equal(notes.remoteSaved(2, 'An old event arriving late'), 'old');
});

test('text typed while a save is under way is saved next, not lost', async () => {
  const room = fakeRoom(1, '');
  const notes = new NotesSync(new FakeStorage(), key);
  notes.joined(room.version, room.notes);
  notes.edit('One');
  const saving = notes.save(room.save, 50_000);
  notes.edit('One two');

  const result = await saving;

  assert.equal(result.outcome, 'saved');
  assert.ok(result.outcome === 'saved' && result.again, 'asks to save again');
  assert.equal(notes.dirty, true);
  await notes.save(room.save, 50_000);
  assert.equal(room.notes, 'One two');
});

test('notes over the limit are not sent, and stay in the browser', async () => {
  const storage = new FakeStorage();
  const room = fakeRoom(1, '');
  const notes = new NotesSync(storage, key);
  notes.joined(room.version, room.notes);
  notes.edit('x'.repeat(11));

  const result = await notes.save(room.save, 10);

  assert.deepEqual(result, { outcome: 'tooLong', length: 11 });
  assert.equal(room.saves.length, 0);
  assert.equal(JSON.parse(storage.getItem(key) || '{}').text.length, 11);
});

test('a copy kept by an older page (plain text, no version) is not saved over newer notes', () => {
  const storage = new FakeStorage();
  storage.setItem(key, 'plain old copy');
  const notes = new NotesSync(storage, key);

  assert.equal(notes.joined(3, 'Current'), 'conflict');
  assert.equal(notes.text, 'plain old copy');
});
