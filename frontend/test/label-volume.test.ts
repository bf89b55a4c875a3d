import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LabelVolume } from '../src/model/label-volume.js';
import type { MaskDelta } from '../src/protocol/mask-delta.js';

const box = (i0: number, j0: number, k0: number, i1: number, j1: number, k1: number) => ({ i0, j0, k0, i1, j1, k1 });

function delta(objectId: number, labelValue: number, b: ReturnType<typeof box>, fill: number): MaskDelta {
  const n = (b.i1 - b.i0) * (b.j1 - b.j0) * (b.k1 - b.k0);
  return { objectId, labelValue, box: b, voxels: new Uint8Array(n).fill(fill) };
}

test('a delta paints its object label into the box and leaves the rest alone', () => {
  const v = new LabelVolume([8, 8, 8]);
  v.apply(delta(1, 4, box(2, 2, 2, 4, 4, 4), 1));
  assert.equal(v.countLabelled(), 8);
  assert.equal(v.labelAt(2, 3, 3), 4);
  assert.equal(v.labelAt(4, 4, 4), 0);
});

test('the later object wins where two overlap, and the earlier one shows again when the later leaves', () => {
  const v = new LabelVolume([8, 8, 8]);
  v.apply(delta(1, 1, box(0, 0, 0, 4, 4, 4), 1));
  v.apply(delta(2, 4, box(2, 2, 2, 6, 6, 6), 1));
  assert.equal(v.labelAt(3, 3, 3), 4);
  v.apply(delta(2, 4, box(2, 2, 2, 6, 6, 6), 0));  // the lesion was undone
  assert.equal(v.labelAt(3, 3, 3), 1);
  assert.equal(v.labelAt(5, 5, 5), 0);
});

test('an object growing past its first box keeps what it had', () => {
  const v = new LabelVolume([10, 10, 10]);
  v.apply(delta(1, 2, box(0, 0, 0, 2, 2, 2), 1));
  v.apply(delta(1, 2, box(5, 5, 5, 7, 7, 7), 1));
  assert.equal(v.countLabelled(), 16);
  assert.equal(v.labelAt(1, 1, 1), 2);
  assert.equal(v.labelAt(6, 6, 6), 2);
});

test('the base revision lies under the objects, and the coronal projection shows the nearest label', () => {
  const v = new LabelVolume([4, 4, 4]);
  v.apply(delta(1, 2, box(1, 2, 1, 2, 3, 2), 1));
  const base = new Uint8Array(64);
  base[1 + 4 * (0 + 4 * 1)] = 7;  // (1, 0, 1): nearer the viewer than the object at j = 2
  base[3 + 4 * (3 + 4 * 3)] = 7;
  v.setBase(base);
  assert.equal(v.labelAt(1, 2, 1), 2, 'the object survives the base arriving after it');
  assert.equal(v.labelAt(3, 3, 3), 7);
  assert.equal(v.coronalProjection[1 + 4 * 1], 7);
  assert.equal(v.coronalProjection[3 + 4 * 3], 7);
});

test('a delta outside the case is refused', () => {
  const v = new LabelVolume([4, 4, 4]);
  assert.throws(() => v.apply(delta(1, 2, box(2, 2, 2, 5, 3, 3), 1)), /outside/);
});
