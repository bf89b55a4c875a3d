import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { parseSliceFrame, valueAt, unitLabel } from '../src/protocol/slice-frame.js';
import { parseMaskDelta } from '../src/protocol/mask-delta.js';

/** A PSLC frame as docs/slices.md lays it out: 2x2 levels, offset -1, scale 0.5, SUVbw, axial. */
function sliceFrame(unit = 1): ArrayBuffer {
  const buf = new ArrayBuffer(36 + 8);
  const dv = new DataView(buf);
  [0x50, 0x53, 0x4c, 0x43].forEach((b, n) => dv.setUint8(n, b));
  dv.setUint16(4, 1, true); dv.setUint16(6, 36, true);
  dv.setUint32(8, 2, true); dv.setUint32(12, 2, true);
  dv.setFloat32(16, -1, true); dv.setFloat32(20, 0.5, true);
  dv.setFloat32(24, 4, true); dv.setFloat32(28, 3, true);
  dv.setUint8(32, unit); dv.setUint8(33, 0);
  [0, 2, 4, 65535].forEach((l, n) => dv.setUint16(36 + 2 * n, l, true));
  return buf;
}

test('a slice frame gives each pixel its value as offset plus scale times level', () => {
  const f = parseSliceFrame(sliceFrame());
  assert.equal(f.width, 2);
  assert.equal(f.spacingU, 4);
  assert.equal(f.unit, 'SUVbw');
  assert.equal(valueAt(f, 0, 0), -1);
  assert.equal(valueAt(f, 1, 0), 0);
  assert.equal(valueAt(f, 1, 1), -1 + 0.5 * 65535);
});

test('only SUVbw frames are labelled SUV', () => {
  assert.equal(unitLabel(parseSliceFrame(sliceFrame(1)).unit), 'SUV');
  assert.match(unitLabel(parseSliceFrame(sliceFrame(2)).unit), /not SUV/);
  assert.match(unitLabel(parseSliceFrame(sliceFrame(0)).unit), /not SUV/);
});

test('a truncated or foreign slice frame is refused, not misread', () => {
  assert.throws(() => parseSliceFrame(sliceFrame().slice(0, 40)), /truncated/);
  const other = sliceFrame();
  new DataView(other).setUint8(0, 0x58);
  assert.throws(() => parseSliceFrame(other), /not a PSLC/);
  assert.throws(() => parseSliceFrame(sliceFrame(9)), /unknown unit/);
});

/** The golden header of the backend (backend/src/test/resources/protocol/delta-header.hex) with a body. */
export function deltaFrame(version = 3, box = [10, 11, 12, 14, 15, 16], voxels?: Uint8Array): ArrayBuffer {
  const n = (box[3] - box[0]) * (box[4] - box[1]) * (box[5] - box[2]);
  const body = deflateSync(voxels ?? new Uint8Array(n).fill(1));
  const buf = new ArrayBuffer(36 + body.length);
  const dv = new DataView(buf);
  [0x50, 0x54, 0x4d, 0x44].forEach((b, k) => dv.setUint8(k, b));
  dv.setUint8(4, version); dv.setUint8(5, 1);
  dv.setUint16(6, 2, true); dv.setUint32(8, 1, true);
  box.forEach((v, k) => dv.setInt32(12 + 4 * k, v, true));
  new Uint8Array(buf, 36).set(body);
  return buf;
}

test('a mask delta is read with its object, label, box and inflated voxels', async () => {
  const d = await parseMaskDelta(deltaFrame());
  assert.equal(d.labelValue, 2);
  assert.equal(d.objectId, 1);
  assert.deepEqual(d.box, { i0: 10, j0: 11, k0: 12, i1: 14, j1: 15, k1: 16 });
  assert.equal(d.voxels.length, 64);
  assert.ok(d.voxels.every(v => v === 1));
});

test('a mask delta of an unknown version or whose body does not fill its box is refused', async () => {
  await assert.rejects(parseMaskDelta(deltaFrame(9)), /unsupported/);
  await assert.rejects(parseMaskDelta(deltaFrame(3, [0, 0, 0, 2, 2, 2], new Uint8Array(7))), /voxels/);
});
