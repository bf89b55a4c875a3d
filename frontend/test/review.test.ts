import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffRevisions, SAME, ONLY_A, ONLY_B, CHANGED } from '../src/model/revision-diff.js';
import { pinsInPane, Pin } from '../src/viewer/pins.js';
import { planeGeometry } from '../src/viewer/planes.js';
import { decisionRequest, pinsOfReviews } from '../src/workspace/review-model.js';
import type { ReviewInfo } from '../src/workspace/api.js';

test('comparing two revisions sorts every labelled voxel into same, only A, only B or changed, and counts them', () => {
  const a = Uint8Array.from([0, 1, 1, 0, 2, 3, 0]);
  const b = Uint8Array.from([0, 1, 0, 1, 2, 1, 0]);
  const { classes, counts } = diffRevisions(a, b);
  assert.deepEqual([...classes], [0, SAME, ONLY_A, ONLY_B, SAME, CHANGED, 0]);
  assert.deepEqual(counts, { same: 2, onlyA: 1, onlyB: 1, changed: 1 });
});

test('a revision compared with itself is the same everywhere it is labelled', () => {
  const a = Uint8Array.from([3, 0, 5, 5]);
  assert.deepEqual(diffRevisions(a, a).counts, { same: 3, onlyA: 0, onlyB: 0, changed: 0 });
});

test('label maps of different sizes are refused rather than compared', () => {
  assert.throws(() => diffRevisions(new Uint8Array(4), new Uint8Array(5)), /differ in size/);
});

const dims: [number, number, number] = [10, 20, 30];
const pins: Pin[] = [
  { voxel: [3, 7, 11], text: 'missed the node', index: 1 },
  { voxel: [5, 12, 20], text: 'leak into the bladder', index: 2 },
];

test('an axial pane shows the pins within two slices of its slice and no others', () => {
  const axial = planeGeometry('axial', dims);
  assert.deepEqual(pinsInPane(pins, 'axial', axial, 11, 0).map(p => p.pin.index), [1]);
  assert.deepEqual(pinsInPane(pins, 'axial', axial, 13, 0).map(p => p.pin.index), [1]);
  assert.deepEqual(pinsInPane(pins, 'axial', axial, 14, 0).map(p => p.pin.index), []);
  assert.deepEqual(pinsInPane(pins, 'axial', axial, 18, 0).map(p => p.pin.index), [2]);
});

test('a pin is placed at its voxel\'s pixel in the pane', () => {
  const [placed] = pinsInPane(pins, 'sagittal', planeGeometry('sagittal', dims), 3, 0);
  assert.deepEqual([placed.u, placed.v], [7, 11]);
});

test('the MIP shows every pin at 0° and none once rotated', () => {
  const mip = planeGeometry('mip', dims);
  assert.equal(pinsInPane(pins, 'mip', mip, 0, 0).length, 2);
  assert.equal(pinsInPane(pins, 'mip', mip, 0, 30).length, 0);
});

test('pinned comments are numbered across reviews, oldest first, as the list and the viewer show them', () => {
  const review = (id: number, texts: string[]): ReviewInfo => ({
    id, assignmentId: 9, revisionId: 3, reviewerId: 2, decision: 'CHANGES_REQUESTED', summary: '', createdAt: '2026-12-01T10:00:00Z',
    comments: texts.map((text, n) => ({ i: n, j: 1, k: 2, text })),
  });
  const numbered = pinsOfReviews([review(1, ['a', 'b']), review(2, ['c'])]);
  assert.deepEqual(numbered.map(p => [p.index, p.text]), [[1, 'a'], [2, 'b'], [3, 'c']]);
  assert.deepEqual(numbered[1].voxel, [1, 1, 2]);
});

test('a decision sends the version, trimmed texts and the pins as i, j, k', () => {
  const body = decisionRequest(7, 'CHANGES_REQUESTED', '  redo the liver ', [{ voxel: [4, 5, 6], text: ' leak ' }]);
  assert.deepEqual(body, { version: 7, decision: 'CHANGES_REQUESTED', summary: 'redo the liver', comments: [{ i: 4, j: 5, k: 6, text: 'leak' }] });
});
