/**
 * The label map brought onto the 3D view's downsampled grid, and the pieces marching cubes needs. Pure
 * functions on typed arrays (i fastest), unit-tested in node.
 *
 * A block takes its most frequent non-zero label and is 0 only when all of it is unlabelled: the PET grid
 * keeps each block's maximum so small hot lesions stay visible, and the labels follow the same spirit, so a
 * lesion of a single source voxel still shows as one downsampled voxel. Ties go to the smaller label value.
 */
import type { Triple } from './volume-frame.js';

/** A half-open box on the downsampled grid: [i0, i1) x [j0, j1) x [k0, k1). */
export interface GridBox { i0: number; j0: number; k0: number; i1: number; j1: number; k1: number }

/** Grid size for a source size and factors: ceil(n / f) per axis, as the server computes it. */
export function reducedDims(dims: Triple, factors: Triple): Triple {
  return [0, 1, 2].map(a => Math.ceil(dims[a] / factors[a])) as Triple;
}

/** The label values present (non-zero), ascending. */
export function presentLabels(labels: Uint8Array): number[] {
  const seen = new Uint8Array(256);
  for (let n = 0; n < labels.length; n++) seen[labels[n]] = 1;
  const out: number[] = [];
  for (let v = 1; v < 256; v++) if (seen[v]) out.push(v);
  return out;
}

/**
 * State of one downsampling, done a slab (one downsampled k) at a time so a caller can yield between slabs.
 */
export class LabelDownsampler {
  readonly grid: Triple;
  readonly out: Uint8Array;
  private readonly blockOfI: Int32Array;
  private readonly blockOfJ: Int32Array;
  private readonly slot = new Int16Array(256).fill(-1);
  private readonly values: number[];
  private readonly counts: Uint32Array;

  constructor(private readonly labels: Uint8Array, private readonly dims: Triple, private readonly factors: Triple,
              values: number[] = presentLabels(labels)) {
    const [nx, ny, nz] = dims;
    if (labels.length !== nx * ny * nz) {
      throw new Error(`the label map holds ${labels.length} voxels, dims ${dims.join('x')} make ${nx * ny * nz}`);
    }
    if (factors.some(f => !Number.isInteger(f) || f < 1)) throw new Error(`factors must be positive integers: ${factors}`);
    this.grid = reducedDims(dims, factors);
    const [mx, my, mz] = this.grid;
    this.out = new Uint8Array(mx * my * mz);
    this.blockOfI = Int32Array.from({ length: nx }, (_, i) => Math.floor(i / factors[0]));
    this.blockOfJ = Int32Array.from({ length: ny }, (_, j) => Math.floor(j / factors[1]) * mx);
    this.values = values;
    values.forEach((v, s) => { this.slot[v] = s; });
    this.counts = new Uint32Array(mx * my * Math.max(1, values.length));
  }

  get slabs(): number {
    return this.grid[2];
  }

  /** Fills downsampled slab c (all a, b for one c). */
  slab(c: number): void {
    const [nx, ny, nz] = this.dims;
    const [mx, my] = this.grid;
    const area = mx * my;
    const L = this.values.length;
    if (L === 0) return;
    const counts = this.counts;
    counts.fill(0);
    const k1 = Math.min((c + 1) * this.factors[2], nz);
    for (let k = c * this.factors[2]; k < k1; k++) {
      for (let j = 0; j < ny; j++) {
        const row = nx * (j + ny * k);
        const bRow = this.blockOfJ[j];
        for (let i = 0; i < nx; i++) {
          const v = this.labels[row + i];
          if (v !== 0) {
            const s = this.slot[v];
            // A value missing from the list given to the constructor is not drawn.
            if (s >= 0) counts[(bRow + this.blockOfI[i]) * L + s]++;
          }
        }
      }
    }
    const base = area * c;
    for (let cell = 0; cell < area; cell++) {
      let best = 0, bestCount = 0;
      for (let s = 0; s < L; s++) {
        const n = counts[cell * L + s];
        if (n > bestCount) { best = this.values[s]; bestCount = n; }
      }
      this.out[base + cell] = best;
    }
  }
}

/** The whole label map on the downsampled grid, in one go (see LabelDownsampler to do it in slices). */
export function downsampleLabels(labels: Uint8Array, dims: Triple, factors: Triple): { grid: Triple; labels: Uint8Array } {
  const d = new LabelDownsampler(labels, dims, factors);
  for (let c = 0; c < d.slabs; c++) d.slab(c);
  return { grid: d.grid, labels: d.out };
}

/** The box of every label value present on the grid (labels absent from the map get no entry). */
export function labelBoxes(labels: Uint8Array, grid: Triple): Map<number, GridBox> {
  const [mx, my, mz] = grid;
  const boxes = new Map<number, GridBox>();
  for (let k = 0; k < mz; k++) {
    for (let j = 0; j < my; j++) {
      const row = mx * (j + my * k);
      for (let i = 0; i < mx; i++) {
        const v = labels[row + i];
        if (v === 0) continue;
        const b = boxes.get(v);
        if (b === undefined) {
          boxes.set(v, { i0: i, j0: j, k0: k, i1: i + 1, j1: j + 1, k1: k + 1 });
        } else {
          if (i < b.i0) b.i0 = i; if (i >= b.i1) b.i1 = i + 1;
          if (j < b.j0) b.j0 = j; if (j >= b.j1) b.j1 = j + 1;
          if (k < b.k0) b.k0 = k; if (k >= b.k1) b.k1 = k + 1;
        }
      }
    }
  }
  return boxes;
}

/**
 * A 0/1 field of one label over its box grown by one voxel on every side, beyond the grid edge too, so the
 * iso-surface at 0.5 closes even where the label touches the edge of the volume. `start` is the grid index
 * of the field's first voxel (it may be -1).
 */
export function labelField(labels: Uint8Array, grid: Triple, value: number, box: GridBox): { field: Uint8Array; dims: Triple; start: Triple } {
  const [mx, my] = grid;
  const start: Triple = [box.i0 - 1, box.j0 - 1, box.k0 - 1];
  const dims: Triple = [box.i1 - box.i0 + 2, box.j1 - box.j0 + 2, box.k1 - box.k0 + 2];
  const field = new Uint8Array(dims[0] * dims[1] * dims[2]);
  for (let k = box.k0; k < box.k1; k++) {
    for (let j = box.j0; j < box.j1; j++) {
      const src = mx * (j + my * k);
      const dst = dims[0] * ((j - start[1]) + dims[1] * (k - start[2])) - start[0];
      for (let i = box.i0; i < box.i1; i++) {
        if (labels[src + i] === value) field[dst + i] = 1;
      }
    }
  }
  return { field, dims, start };
}

/** Inside voxels never fall below this, outside ones never rise above 1 minus it (see smoothField). */
export const SMOOTH_CLAMP = 0.55;

/**
 * A 0/1 field blurred by [1 2 1]/4 along each axis, then clamped so inside voxels stay at or above 0.55
 * and outside ones at or below 0.45. The 0.5 iso-surface then separates exactly the same voxels as the
 * binary field (no small lesion vanishes, no gap closes), but its points slide along the cell edges and its
 * normals follow the smoothed gradient, so a staircase of voxels looks like the rounded organ it is.
 */
export function smoothField(field: Uint8Array, dims: Triple): Float32Array {
  const [nx, ny, nz] = dims;
  let a = Float32Array.from(field);
  let b = new Float32Array(a.length);
  const strides = [1, nx, nx * ny];
  for (let axis = 0; axis < 3; axis++) {
    const n = dims[axis], stride = strides[axis];
    for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
      const p = i + nx * (j + ny * k);
      const at = axis === 0 ? i : axis === 1 ? j : k;
      // Beyond the edge the field repeats its edge value (the padding voxel is 0 anyway).
      const lo = at > 0 ? a[p - stride] : a[p];
      const hi = at < n - 1 ? a[p + stride] : a[p];
      b[p] = 0.25 * lo + 0.5 * a[p] + 0.25 * hi;
    }
    [a, b] = [b, a];
  }
  for (let p = 0; p < a.length; p++) {
    a[p] = field[p] ? Math.max(a[p], SMOOTH_CLAMP) : Math.min(a[p], 1 - SMOOTH_CLAMP);
  }
  return a;
}
