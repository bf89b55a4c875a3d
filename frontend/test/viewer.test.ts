import { test } from 'node:test';
import assert from 'node:assert/strict';
import { colourAt, levelTable, packRgba, parseHexColour } from '../src/viewer/colour-maps.js';
import { SliceSource } from '../src/viewer/slice-source.js';
import { planeGeometry } from '../src/viewer/planes.js';

test('the SUV window maps values below it to the first colour and above it to the last', () => {
  const table = levelTable('gray-inverted', { lo: 0, hi: 5 }, 0, 0.01);  // level 100 = SUV 1
  assert.equal(table[0], packRgba(255, 255, 255));
  assert.equal(table[500], packRgba(0, 0, 0));
  assert.equal(table[60000], packRgba(0, 0, 0));
  const [g] = colourAt('gray-inverted', 128 / 255);  // the table has 256 steps: SUV 2.5 is step 128
  assert.equal(table[250], packRgba(g, g, g));
});

test('the PET map runs from black to white through red and yellow', () => {
  assert.deepEqual(colourAt('pet', 0), [0, 0, 0]);
  assert.deepEqual(colourAt('pet', 1), [255, 255, 255]);
  const [r, g, b] = colourAt('pet', 0.5);
  assert.ok(r > g && g > b);
});

test('label colours are parsed from #rrggbb and anything else is refused', () => {
  assert.deepEqual(parseHexColour('#ff3030'), [255, 48, 48]);
  assert.throws(() => parseHexColour('red'));
});

test('planes map pixels to voxels and back, with the slice the cursor names', () => {
  const dims: [number, number, number] = [10, 20, 30];
  for (const plane of ['axial', 'coronal', 'sagittal'] as const) {
    const g = planeGeometry(plane, dims);
    const cursor: [number, number, number] = [3, 7, 11];
    const [u, v] = g.pixelOf(cursor);
    assert.deepEqual(g.voxelOf(u, v, cursor), cursor, plane);
    assert.deepEqual(g.withSlice(cursor, 2).filter((c, n) => c !== cursor[n]).length <= 1, true);
  }
  assert.equal(planeGeometry('sagittal', dims).sliceCount, 10);
  assert.equal(planeGeometry('coronal', dims).height, 30);
});

function frameBytes(): ArrayBuffer {
  const buf = new ArrayBuffer(38);
  const dv = new DataView(buf);
  [0x50, 0x53, 0x4c, 0x43].forEach((b, n) => dv.setUint8(n, b));
  dv.setUint16(6, 36, true); dv.setUint32(8, 1, true); dv.setUint32(12, 1, true); dv.setUint8(32, 1);
  return buf;
}

test('a frame is fetched once, however often it is asked for, and the cache keeps at most its capacity', async () => {
  const asked: string[] = [];
  const source = new SliceSource(7, 3, 2, 6, async url => { asked.push(url); return frameBytes(); });
  await Promise.all([source.get('slices/axial/1'), source.get('slices/axial/1')]);
  await source.get('slices/axial/1');
  assert.deepEqual(asked, ['/api/cases/7/slices/axial/1?v=3']);
  await source.get('slices/axial/2');
  await source.get('slices/axial/3');
  assert.equal(source.peek('slices/axial/1'), undefined, 'the least recently used frame left the cache');
  assert.ok(source.peek('slices/axial/3'));
});

test('the frame the user needs goes before waiting prefetches', async () => {
  const order: string[] = [];
  const release: Array<() => void> = [];
  const source = new SliceSource(1, 1, 100, 1, url => new Promise(resolve => {
    order.push(url);
    release.push(() => resolve(frameBytes()));
  }));
  source.prefetch('slices/axial/1');  // takes the only slot
  source.prefetch('slices/axial/2');
  const urgent = source.get('slices/axial/9');
  release.shift()!();
  await new Promise(r => setTimeout(r, 0));
  release.shift()!();
  await urgent;
  assert.deepEqual(order.slice(0, 2), ['/api/cases/1/slices/axial/1?v=1', '/api/cases/1/slices/axial/9?v=1']);
});
