import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frameValues, gridOrigin, parseVolumeFrame } from '../src/view3d/volume-frame.js';

/** The golden frame of the backend's VolumeFrameTest (docs/slices.md), byte for byte. */
const GOLDEN = '50564f4c' + '0100' + '3000'
  + '02000000' + '01000000' + '01000000'
  + '00000040' + '00008040' + '0000c040'
  + '000080bf' + '0000003f'
  + '0100' + '0200' + '0300'
  + '01' + '00'
  + '0100' + 'ffff';

function bytes(hex: string): ArrayBuffer {
  const out = new Uint8Array(hex.length / 2);
  for (let n = 0; n < out.length; n++) out[n] = parseInt(hex.slice(2 * n, 2 * n + 2), 16);
  return out.buffer;
}

test('the golden frame parses to its documented fields', () => {
  const f = parseVolumeFrame(bytes(GOLDEN));

  assert.deepEqual(f.dims, [2, 1, 1]);
  assert.deepEqual(f.spacing, [2, 4, 6]);
  assert.deepEqual(f.factors, [1, 2, 3]);
  assert.equal(f.offset, -1);
  assert.equal(f.scale, 0.5);
  assert.equal(f.unit, 'SUVbw');
  assert.equal(f.reduction, 0);
  assert.deepEqual([...f.levels], [1, 65535]);
  assert.deepEqual([...frameValues(f)], [-0.5, 32766.5]);
});

test('the grid starts at the centre of the first block, in source-index millimetres', () => {
  // factors 1, 2, 3 over source spacing 2, 2, 2 mm: first centres at source index 0, 0.5 and 1.
  assert.deepEqual(gridOrigin(parseVolumeFrame(bytes(GOLDEN))), [0, 1, 2]);
});

test('a truncated frame, a slice frame or an unknown unit is refused', () => {
  assert.throws(() => parseVolumeFrame(bytes(GOLDEN.slice(0, -4))), /truncated/);
  assert.throws(() => parseVolumeFrame(bytes('50534c43' + GOLDEN.slice(8))), /not a PVOL/);
  assert.throws(() => parseVolumeFrame(bytes(GOLDEN.slice(0, 92) + '07' + GOLDEN.slice(94))), /unknown unit/);
  assert.throws(() => parseVolumeFrame(new ArrayBuffer(10)), /at least 48/);
});
