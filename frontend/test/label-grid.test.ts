import { test } from 'node:test';
import assert from 'node:assert/strict';
import { downsampleLabels, labelBoxes, labelField, LabelDownsampler, presentLabels, reducedDims, smoothField } from '../src/view3d/label-grid.js';
import type { Triple } from '../src/view3d/volume-frame.js';

function volume(dims: Triple, at: (i: number, j: number, k: number) => number): Uint8Array {
  const [nx, ny, nz] = dims;
  const out = new Uint8Array(nx * ny * nz);
  for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) out[i + nx * (j + ny * k)] = at(i, j, k);
  return out;
}

test('the grid is ceil(n / f) per axis, as the server computes it', () => {
  assert.deepEqual(reducedDims([40, 20, 17], [3, 2, 2]), [14, 10, 9]);
  assert.deepEqual(reducedDims([24, 24, 24], [1, 1, 1]), [24, 24, 24]);
});

test('a block takes its most frequent non-zero label and is 0 only when wholly unlabelled', () => {
  // 4 x 2 x 2 with factors 2, 2, 2: two blocks.
  const labels = volume([4, 2, 2], (i, j, k) => {
    if (i < 2) return i === 0 && j === 0 && k === 0 ? 5 : 0;   // block 0: one voxel of 5, seven of 0
    return j === 0 ? 2 : k === 0 ? 3 : 0;                       // block 1: four of 2, two of 3, two of 0
  });

  const { grid, labels: out } = downsampleLabels(labels, [4, 2, 2], [2, 2, 2]);

  assert.deepEqual(grid, [2, 1, 1]);
  assert.deepEqual([...out], [5, 2]);
});

test('ties go to the smaller label value and short blocks at the far edge count what they hold', () => {
  // 3 x 1 x 1 with factor 2: block 0 = voxels 0, 1 (labels 7 and 4, a tie), block 1 = voxel 2 alone.
  const out = downsampleLabels(Uint8Array.of(7, 4, 9), [3, 1, 1], [2, 1, 1]);

  assert.deepEqual(out.grid, [2, 1, 1]);
  assert.deepEqual([...out.labels], [4, 9]);
});

test('downsampling matches a brute-force count on an irregular volume', () => {
  const dims: Triple = [13, 7, 9];
  const factors: Triple = [3, 2, 4];
  const labels = volume(dims, (i, j, k) => ((i * 7 + j * 13 + k * 5) % 11) % 4);   // values 0..3 scattered

  const { grid, labels: out } = downsampleLabels(labels, dims, factors);

  for (let c = 0; c < grid[2]; c++) for (let b = 0; b < grid[1]; b++) for (let a = 0; a < grid[0]; a++) {
    const counts = new Map<number, number>();
    for (let k = c * 4; k < Math.min(c * 4 + 4, 9); k++) for (let j = b * 2; j < Math.min(b * 2 + 2, 7); j++)
      for (let i = a * 3; i < Math.min(a * 3 + 3, 13); i++) {
        const v = labels[i + 13 * (j + 7 * k)];
        if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
    let best = 0, bestCount = 0;
    for (const [v, n] of [...counts].sort((x, y) => x[0] - y[0])) if (n > bestCount) { best = v; bestCount = n; }
    assert.equal(out[a + grid[0] * (b + grid[1] * c)], best, `(${a}, ${b}, ${c})`);
  }
});

test('slab by slab gives the same grid as all at once', () => {
  const dims: Triple = [8, 8, 8];
  const labels = volume(dims, (i, j, k) => (i + j + k) % 3);
  const d = new LabelDownsampler(labels, dims, [2, 2, 2]);
  for (let c = d.slabs - 1; c >= 0; c--) d.slab(c);
  assert.deepEqual(d.out, downsampleLabels(labels, dims, [2, 2, 2]).labels);
});

test('a label map of the wrong size is refused', () => {
  assert.throws(() => downsampleLabels(new Uint8Array(7), [2, 2, 2], [1, 1, 1]), /holds 7 voxels/);
});

test('boxes are half-open and cover each label', () => {
  const grid: Triple = [5, 4, 3];
  const labels = volume(grid, (i, j, k) => (i === 1 && j === 2 && k === 0 ? 1 : i >= 3 && k === 2 ? 2 : 0));

  const boxes = labelBoxes(labels, grid);

  assert.deepEqual(presentLabels(labels), [1, 2]);
  assert.deepEqual(boxes.get(1), { i0: 1, j0: 2, k0: 0, i1: 2, j1: 3, k1: 1 });
  assert.deepEqual(boxes.get(2), { i0: 3, j0: 0, k0: 2, i1: 5, j1: 4, k1: 3 });
});

test("a label's field is its box grown by one voxel, 1 only where the label is", () => {
  const grid: Triple = [3, 3, 3];
  const labels = volume(grid, (i, j, k) => (i === 2 && j === 0 && k === 1 ? 4 : i === 0 ? 1 : 0));

  const { field, dims, start } = labelField(labels, grid, 4, { i0: 2, j0: 0, k0: 1, i1: 3, j1: 1, k1: 2 });

  assert.deepEqual(dims, [3, 3, 3]);
  assert.deepEqual(start, [1, -1, 0]);
  assert.equal(field.reduce((s, x) => s + x, 0), 1);
  assert.equal(field[1 + 3 * (1 + 3 * 1)], 1, 'the voxel sits in the middle of its padded field');
});

test('downsampling a whole-body label map (timing printed)', () => {
  const dims: Triple = [192, 192, 500];
  const labels = new Uint8Array(192 * 192 * 500);
  for (let n = 0; n < labels.length; n += 7) labels[n] = (n >> 12) % 5;
  const t0 = performance.now();
  const { grid } = downsampleLabels(labels, dims, [2, 2, 4]);
  const ms = performance.now() - t0;
  console.log(`label downsampling 192x192x500 -> ${grid.join('x')}: ${ms.toFixed(0)} ms`);
  assert.deepEqual(grid, [96, 96, 125]);
});

test('smoothing keeps every inside voxel above 0.5 and every outside voxel below, and rounds staircases', () => {
  const dims: Triple = [6, 6, 6];
  const field = volume(dims, (i, j, k) => (i >= 1 && i <= 4 && j >= 1 && j <= 4 && k >= 1 && k <= 4 ? 1 : 0));
  field[0] = 1;   // a lone voxel in the corner: its blurred value is far below 0.5, it must survive

  const s = smoothField(field, dims);

  for (let n = 0; n < field.length; n++) {
    if (field[n]) assert.ok(s[n] >= 0.55, `inside ${n}: ${s[n]}`); else assert.ok(s[n] <= 0.45, `outside ${n}: ${s[n]}`);
  }
  const at = (i: number, j: number, k: number) => s[i + 6 * (j + 6 * k)];
  assert.ok(at(1, 1, 1) < at(2, 2, 2), 'a corner of the cube is weaker than its inside');
  assert.ok(at(0, 2, 2) > 0, 'an outside face neighbour picks up some of the cube');
});
