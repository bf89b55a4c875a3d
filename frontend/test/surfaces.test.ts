import { test } from 'node:test';
import assert from 'node:assert/strict';
import vtkImageData from '@kitware/vtk.js/Common/DataModel/ImageData';
import vtkDataArray from '@kitware/vtk.js/Common/Core/DataArray';
import vtkImageMarchingCubes from '@kitware/vtk.js/Filters/General/ImageMarchingCubes';
import { labelBoxes } from '../src/view3d/label-grid.js';
import { labelSurface, toPolyData } from '../src/view3d/surfaces.js';
import { marchingCubes, Mesh } from '../src/view3d/marching-cubes.js';
import type { Triple } from '../src/view3d/volume-frame.js';

function ball(grid: Triple, centre: Triple, radius: number, value: number, into: Uint8Array): void {
  const [mx, my, mz] = grid;
  for (let k = 0; k < mz; k++) for (let j = 0; j < my; j++) for (let i = 0; i < mx; i++) {
    if ((i - centre[0]) ** 2 + (j - centre[1]) ** 2 + (k - centre[2]) ** 2 <= radius * radius) into[i + mx * (j + my * k)] = value;
  }
}

function bounds(points: Float32Array): number[] {
  const b = [Infinity, -Infinity, Infinity, -Infinity, Infinity, -Infinity];
  for (let n = 0; n < points.length; n += 3) for (let a = 0; a < 3; a++) {
    b[2 * a] = Math.min(b[2 * a], points[n + a]);
    b[2 * a + 1] = Math.max(b[2 * a + 1], points[n + a]);
  }
  return b;
}

function everyEdgeHasTwoTriangles(mesh: Mesh): boolean {
  const edges = new Map<string, number>();
  for (let n = 0; n < mesh.polys.length; n += 4) {
    for (let e = 0; e < 3; e++) {
      const a = mesh.polys[n + 1 + e], c = mesh.polys[n + 1 + ((e + 1) % 3)];
      const key = a < c ? `${a},${c}` : `${c},${a}`;
      edges.set(key, (edges.get(key) ?? 0) + 1);
    }
  }
  return [...edges.values()].every(n => n === 2);
}

test("petal's marching cubes makes the same points, triangles and normals as vtkImageMarchingCubes", () => {
  const dims: Triple = [13, 11, 9];
  const field = new Float32Array(13 * 11 * 9);
  for (let n = 0; n < field.length; n++) field[n] = Math.abs(Math.sin(n * 1.3)) ;   // every case, saddles too
  const origin: Triple = [-3, 2, 5], spacing: Triple = [2, 3, 4];

  const ours = marchingCubes(field, dims, origin, spacing, 0.5);

  const image = vtkImageData.newInstance();
  image.setDimensions(dims[0], dims[1], dims[2]);
  image.setOrigin(origin);
  image.setSpacing(spacing);
  image.getPointData().setScalars(vtkDataArray.newInstance({ numberOfComponents: 1, values: field }));
  const mc = vtkImageMarchingCubes.newInstance({ contourValue: 0.5, computeNormals: true, mergePoints: true });
  mc.setInputData(image);
  const theirs = mc.getOutputData();
  const tp = theirs.getPoints().getData() as Float32Array;
  const tn = theirs.getPointData().getNormals().getData() as Float32Array;

  assert.ok(ours.polys.length > 400, `${ours.polys.length / 4} triangles`);
  assert.deepEqual(ours.polys, theirs.getPolys().getData());
  assert.equal(ours.points.length, tp.length);
  for (let n = 0; n < tp.length; n++) {
    assert.ok(Math.abs(ours.points[n] - tp[n]) < 1e-4, `point coordinate ${n}: ${ours.points[n]} vs ${tp[n]}`);
    assert.ok(Math.abs(ours.normals[n] - tn[n]) < 1e-4, `normal component ${n}: ${ours.normals[n]} vs ${tn[n]}`);
  }
});

test('a ball of one label becomes one closed surface within its box, in world millimetres', () => {
  const grid: Triple = [32, 32, 32];
  const labels = new Uint8Array(32 ** 3);
  ball(grid, [10, 12, 14], 5, 3, labels);

  const s = labelSurface(labels, grid, 3, labelBoxes(labels, grid).get(3)!, [1, 1, 1], [2, 2, 2]);

  assert.ok(s.triangles > 100, `${s.triangles} triangles`);
  // The ball spans indices 5..15 along i. The binary surface would sit half a voxel outside (4.5..15.5);
  // smoothing pulls it in, but never past the centres of the outermost voxels (5..15). In mm: 1 + 2 * index.
  const b = bounds(s.mesh.points);
  assert.ok(b[0] >= 1 + 4.5 * 2 && b[0] <= 1 + 5 * 2 && b[1] <= 1 + 15.5 * 2 && b[1] >= 1 + 15 * 2, `x bounds ${b[0]}..${b[1]}`);
  assert.ok(everyEdgeHasTwoTriangles(s.mesh), 'closed');
  const pd = toPolyData(s.mesh);
  assert.equal(pd.getNumberOfPolys(), s.triangles);
  assert.equal(pd.getPointData().getNormals().getNumberOfTuples(), pd.getNumberOfPoints());
});

test('a label filling the grid to its edges still gets a closed surface', () => {
  const grid: Triple = [4, 4, 4];
  const labels = new Uint8Array(64).fill(1);

  const s = labelSurface(labels, grid, 1, labelBoxes(labels, grid).get(1)!, [0, 0, 0], [1, 1, 1]);

  const b = bounds(s.mesh.points);
  for (let a = 0; a < 3; a++) assert.ok(b[2 * a] >= -0.5 && b[2 * a] < 0 && b[2 * a + 1] > 3 && b[2 * a + 1] <= 3.5, `bounds ${b}`);
  assert.ok(everyEdgeHasTwoTriangles(s.mesh));
});

test('a single voxel survives as a small closed surface', () => {
  const labels = new Uint8Array(27);
  labels[13] = 2;
  const s = labelSurface(labels, [3, 3, 3], 2, labelBoxes(labels, [3, 3, 3]).get(2)!, [0, 0, 0], [1, 1, 1]);
  assert.equal(s.triangles, 8);   // an octahedron
  assert.ok(everyEdgeHasTwoTriangles(s.mesh));
});

test('marching cubes over liver- and lesion-sized labels on a 128-voxel grid (timings printed)', () => {
  const grid: Triple = [128, 128, 128];
  const labels = new Uint8Array(128 ** 3);
  ball(grid, [60, 64, 70], 20, 1, labels);
  ball(grid, [90, 40, 30], 2, 2, labels);
  const boxes = labelBoxes(labels, grid);

  const cold = performance.now();
  labelSurface(labels, grid, 1, boxes.get(1)!, [0, 0, 0], [4, 4, 4]);   // first run, before the JIT has warmed up
  const t0 = performance.now();
  const liver = labelSurface(labels, grid, 1, boxes.get(1)!, [0, 0, 0], [4, 4, 4]);
  const t1 = performance.now();
  const lesion = labelSurface(labels, grid, 2, boxes.get(2)!, [0, 0, 0], [4, 4, 4]);
  const t2 = performance.now();

  console.log(`marching cubes: ball r=20 ${liver.triangles} triangles ${(t1 - t0).toFixed(1)} ms (first run `
    + `${(t0 - cold).toFixed(1)} ms), `
    + `ball r=2 ${lesion.triangles} triangles ${(t2 - t1).toFixed(1)} ms`);
  assert.ok(liver.triangles > 1000 && lesion.triangles > 10);
});
