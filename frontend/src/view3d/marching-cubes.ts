/**
 * Marching cubes over a scalar field on a regular grid, one layer of cells at a time so a caller can yield
 * to the browser between layers. It uses vtk.js's own case table with the same corner, edge and point order
 * as vtkImageMarchingCubes (mergePoints and computeNormals on), and produces the same points and triangles
 * (the tests compare them), but with typed arrays and an index instead of vtk.js's per-cell allocations and
 * edge hash map: about 10x faster on label fields, which keeps an organ's surface off long tasks.
 */
import caseTable from '@kitware/vtk.js/Filters/General/ImageMarchingCubes/caseTable.js';
import type { Triple } from './volume-frame.js';

export interface Mesh {
  /** x, y, z per point, mm. */
  points: Float32Array;
  /** Unit normal per point, pointing out of the region above the iso-value. */
  normals: Float32Array;
  /** vtk cell-array layout: 3, a, b, c per triangle. */
  polys: Uint32Array;
}

// Corner c of a cell sits at (i + (c & 1), j + (c >> 1 & 1), k + (c >> 2 & 1)); vtk.js's case index
// reads the corners in this order.
const VERT_MAP = [0, 1, 3, 2, 4, 5, 7, 6];
const CASES: Int8Array[] = Array.from({ length: 256 }, (_, n) => {
  const c = caseTable.getCase(n);
  return Int8Array.from(c.slice(0, c.indexOf(-1) < 0 ? c.length : c.indexOf(-1)));
});
const EDGE_CORNERS: (readonly [number, number])[] = Array.from({ length: 12 }, (_, e) => caseTable.getEdge(e));
/** The axis an edge runs along, from its lower corner. */
const EDGE_AXIS = EDGE_CORNERS.map(([a, b]) => (a ^ b) === 1 ? 0 : (a ^ b) === 2 ? 1 : 2);

class Growable {
  data: Float32Array | Uint32Array;
  length = 0;
  constructor(private readonly kind: 'f32' | 'u32') {
    this.data = kind === 'f32' ? new Float32Array(1024) : new Uint32Array(1024);
  }
  push3(a: number, b: number, c: number): void {
    if (this.length + 3 > this.data.length) this.grow();
    this.data[this.length++] = a; this.data[this.length++] = b; this.data[this.length++] = c;
  }
  push4(a: number, b: number, c: number, d: number): void {
    if (this.length + 4 > this.data.length) this.grow();
    this.data[this.length++] = a; this.data[this.length++] = b; this.data[this.length++] = c; this.data[this.length++] = d;
  }
  private grow(): void {
    const bigger = this.kind === 'f32' ? new Float32Array(this.data.length * 2) : new Uint32Array(this.data.length * 2);
    bigger.set(this.data);
    this.data = bigger;
  }
  take(): Float32Array | Uint32Array {
    return this.data.slice(0, this.length);
  }
}

export class MarchingCubes {
  private readonly slice: number;
  /** Point id of the surface crossing on the edge from grid point p along axis a, at 3p + a; -1 none yet. */
  private readonly edgePoint: Int32Array;
  private readonly points = new Growable('f32');
  private readonly normals = new Growable('f32');
  private readonly polys = new Growable('u32');
  private pointCount = 0;
  private readonly corner = new Float64Array(8);
  private readonly tri = [0, 0, 0];
  private readonly ga = new Float64Array(3);
  private readonly gb = new Float64Array(3);

  constructor(private readonly field: ArrayLike<number>, private readonly dims: Triple,
              private readonly origin: Triple, private readonly spacing: Triple, private readonly iso: number) {
    if (field.length !== dims[0] * dims[1] * dims[2]) throw new Error(`field holds ${field.length}, dims ${dims.join('x')}`);
    this.slice = dims[0] * dims[1];
    this.edgePoint = new Int32Array(3 * field.length).fill(-1);
  }

  /** Layers of cells along k, each processed by one call of layer(k), in increasing k. */
  get layers(): number {
    return Math.max(0, this.dims[2] - 1);
  }

  layer(k: number): void {
    const [nx, ny] = this.dims;
    const s = this.field, iso = this.iso, slice = this.slice, corner = this.corner;
    for (let j = 0; j < ny - 1; j++) {
      for (let i = 0; i < nx - 1; i++) {
        const p0 = i + nx * j + slice * k;
        corner[0] = s[p0]; corner[1] = s[p0 + 1]; corner[2] = s[p0 + nx]; corner[3] = s[p0 + nx + 1];
        corner[4] = s[p0 + slice]; corner[5] = s[p0 + slice + 1]; corner[6] = s[p0 + slice + nx]; corner[7] = s[p0 + slice + nx + 1];
        let index = 0;
        for (let n = 0; n < 8; n++) if (corner[VERT_MAP[n]] >= iso) index |= 1 << n;
        if (index === 0 || index === 255) continue;
        const edges = CASES[index];
        for (let t = 0; t < edges.length; t += 3) {
          for (let e = 0; e < 3; e++) this.tri[e] = this.crossing(i, j, k, edges[t + e]);
          this.polys.push4(3, this.tri[0], this.tri[1], this.tri[2]);
        }
      }
    }
  }

  result(): Mesh {
    return { points: this.points.take() as Float32Array, normals: this.normals.take() as Float32Array, polys: this.polys.take() as Uint32Array };
  }

  /** The point where the surface crosses edge e of cell (i, j, k), made once and shared by neighbouring cells. */
  private crossing(i: number, j: number, k: number, e: number): number {
    const [a, b] = EDGE_CORNERS[e];
    const [nx] = this.dims;
    const ai = i + (a & 1), aj = j + (a >> 1 & 1), ak = k + (a >> 2 & 1);
    const pa = ai + nx * aj + this.slice * ak;
    const key = 3 * pa + EDGE_AXIS[e];
    const known = this.edgePoint[key];
    if (known >= 0) return known;
    const bi = i + (b & 1), bj = j + (b >> 1 & 1), bk = k + (b >> 2 & 1);
    const sa = this.field[pa], sb = this.field[bi + nx * bj + this.slice * bk];
    const t = (this.iso - sa) / (sb - sa);
    const o = this.origin, sp = this.spacing;
    this.points.push3(
      o[0] + (ai + t * (bi - ai)) * sp[0],
      o[1] + (aj + t * (bj - aj)) * sp[1],
      o[2] + (ak + t * (bk - ak)) * sp[2]);
    this.gradient(ai, aj, ak, this.ga);
    this.gradient(bi, bj, bk, this.gb);
    let gx = this.ga[0] + t * (this.gb[0] - this.ga[0]);
    let gy = this.ga[1] + t * (this.gb[1] - this.ga[1]);
    let gz = this.ga[2] + t * (this.gb[2] - this.ga[2]);
    const len = Math.hypot(gx, gy, gz);
    if (len > 0) { gx /= len; gy /= len; gz /= len; }
    this.normals.push3(gx, gy, gz);
    this.edgePoint[key] = this.pointCount;
    return this.pointCount++;
  }

  /** Minus the field's gradient at a grid point (central differences, one-sided at the edges), as vtk.js. */
  private gradient(i: number, j: number, k: number, g: Float64Array): void {
    const s = this.field, [nx, ny, nz] = this.dims, slice = this.slice, sp = this.spacing;
    const p = i + nx * j + slice * k;
    g[0] = i === 0 ? (s[p] - s[p + 1]) / sp[0] : i === nx - 1 ? (s[p - 1] - s[p]) / sp[0] : 0.5 * (s[p - 1] - s[p + 1]) / sp[0];
    g[1] = j === 0 ? (s[p] - s[p + nx]) / sp[1] : j === ny - 1 ? (s[p - nx] - s[p]) / sp[1] : 0.5 * (s[p - nx] - s[p + nx]) / sp[1];
    g[2] = k === 0 ? (s[p] - s[p + slice]) / sp[2] : k === nz - 1 ? (s[p - slice] - s[p]) / sp[2] : 0.5 * (s[p - slice] - s[p + slice]) / sp[2];
  }
}

/** The whole surface in one call. */
export function marchingCubes(field: ArrayLike<number>, dims: Triple, origin: Triple, spacing: Triple, iso: number): Mesh {
  const mc = new MarchingCubes(field, dims, origin, spacing, iso);
  for (let k = 0; k < mc.layers; k++) mc.layer(k);
  return mc.result();
}
