// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hubEnum, target, rowUrl, isStale } from '../dispositions/values.js';

test('option values become the hub enum spelling', () => {
  assert.equal(hubEnum('AcceptedInPart'), 'acceptedInPart');
  assert.equal(hubEnum('Noted'), 'noted');
  assert.equal(hubEnum(''), '');
});

test('a bulk box value is a comment id and the decision seq its row showed', () => {
  assert.deepEqual(target('12:345'), { commentId: 12, expected: 345 });
  assert.deepEqual(target('7:0'), { commentId: 7, expected: 0 });
  assert.equal(target('7'), null);
  assert.equal(target('x:1'), null);
});

test('a row is fetched with the page filters kept and the handler replaced', () => {
  assert.equal(rowUrl('/g/v/3/dispositions', '?type=General&handler=Decide', 9), '/g/v/3/dispositions?type=General&handler=Row&commentId=9');
  assert.equal(rowUrl('/g/v/3/dispositions', '', 9), '/g/v/3/dispositions?handler=Row&commentId=9');
});

test('a stale-form refusal is told apart from others', () => {
  assert.ok(isStale('Since this form was loaded, Ana recorded “Noted” on 1 December 2026 at 10:00 UTC. Nothing was saved.'));
  assert.ok(!isStale('v1 is older than the comment\'s version v3; choose a later version.'));
});
