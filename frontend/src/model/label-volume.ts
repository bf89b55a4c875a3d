/**
 * The browser's copy of the case label map: an accepted base (the assignment's newest revision) with the
 * sitting's objects laid over it in opening order, the later object winning where two overlap. This is
 * the composition the server stores on accept (docs/protocol.md), so what the annotator sees is what gets
 * saved. Each object keeps only the box it has ever touched.
 */
import { Box, boxVoxels, contains, union } from './box.js';
import type { MaskDelta } from '../protocol/mask-delta.js';

export type Dims = readonly [number, number, number];

class ObjectMask {
  box: Box | null = null;
  voxels: Uint8Array = new Uint8Array(0);

  constructor(readonly id: number, readonly labelValue: number) {}

  /** Copies the delta's box into this mask, growing the mask's box first when needed. */
  write(delta: MaskDelta): void {
    const grown = union(this.box, delta.box);
    if (this.box === null || !sameBox(grown, this.box)) {
      this.voxels = regrid(this.voxels, this.box, grown);
      this.box = grown;
    }
    const b = this.box, d = delta.box;
    const bw = b.i1 - b.i0, bh = b.j1 - b.j0, dw = d.i1 - d.i0, dh = d.j1 - d.j0;
    for (let k = d.k0; k < d.k1; k++) {
      for (let j = d.j0; j < d.j1; j++) {
        const from = (j - d.j0) * dw + (k - d.k0) * dw * dh;
        const to = (d.i0 - b.i0) + (j - b.j0) * bw + (k - b.k0) * bw * bh;
        this.voxels.set(delta.voxels.subarray(from, from + dw), to);
      }
    }
  }

  has(i: number, j: number, k: number): boolean {
    const b = this.box;
    if (b === null || !contains(b, i, j, k)) return false;
    const bw = b.i1 - b.i0, bh = b.j1 - b.j0;
    return this.voxels[(i - b.i0) + (j - b.j0) * bw + (k - b.k0) * bw * bh] === 1;
  }
}

function sameBox(a: Box, b: Box): boolean {
  return a.i0 === b.i0 && a.j0 === b.j0 && a.k0 === b.k0 && a.i1 === b.i1 && a.j1 === b.j1 && a.k1 === b.k1;
}

function regrid(old: Uint8Array, from: Box | null, to: Box): Uint8Array {
  const out = new Uint8Array(boxVoxels(to));
  if (from === null) return out;
  const fw = from.i1 - from.i0, fh = from.j1 - from.j0, tw = to.i1 - to.i0, th = to.j1 - to.j0;
  for (let k = from.k0; k < from.k1; k++) {
    for (let j = from.j0; j < from.j1; j++) {
      const src = (j - from.j0) * fw + (k - from.k0) * fw * fh;
      out.set(old.subarray(src, src + fw), (from.i0 - to.i0) + (j - to.j0) * tw + (k - to.k0) * tw * th);
    }
  }
  return out;
}

export class LabelVolume {
  /** The composed label value of every voxel, i fastest. */
  readonly labels: Uint8Array;
  /** Coronal projection (along j) of the labels: the label nearest the viewer (smallest j), u = i, v = k. */
  readonly coronalProjection: Uint8Array;
  private base: Uint8Array | null = null;
  private readonly objects: ObjectMask[] = [];
  private changeCount = 0;

  constructor(readonly dims: Dims) {
    const [nx, ny, nz] = dims;
    this.labels = new Uint8Array(nx * ny * nz);
    this.coronalProjection = new Uint8Array(nx * nz);
  }

  /** Increases with every change; views compare it with the one they drew. */
  get version(): number {
    return this.changeCount;
  }

  get objectCount(): number {
    return this.objects.length;
  }

  /**
   * Sets the accepted label map the sitting starts from (one byte per voxel); objects already received
   * stay and are laid over it again.
   */
  setBase(base: Uint8Array | null): void {
    if (base !== null && base.length !== this.labels.length) {
      throw new Error(`base label map has ${base.length} voxels, the case ${this.labels.length}`);
    }
    this.base = base;
    if (base) this.labels.set(base); else this.labels.fill(0);
    for (const o of this.objects) if (o.box) this.recompose(o.box);
    this.reproject({ i0: 0, j0: 0, k0: 0, i1: this.dims[0], j1: this.dims[1], k1: this.dims[2] });
    this.changeCount++;
  }

  /** Applies a mask delta of one object and recomposes the voxels of its box. */
  apply(delta: MaskDelta): Box {
    const [nx, ny, nz] = this.dims;
    const b = delta.box;
    if (b.i0 < 0 || b.j0 < 0 || b.k0 < 0 || b.i1 > nx || b.j1 > ny || b.k1 > nz || b.i0 >= b.i1 || b.j0 >= b.j1 || b.k0 >= b.k1) {
      throw new Error(`mask delta box outside the ${nx}x${ny}x${nz} case`);
    }
    let object = this.objects.find(o => o.id === delta.objectId);
    if (!object) {
      object = new ObjectMask(delta.objectId, delta.labelValue);
      this.objects.push(object);
      this.objects.sort((a, c) => a.id - c.id);
    }
    object.write(delta);
    this.recompose(b);
    this.reproject(b);
    this.changeCount++;
    return b;
  }

  labelAt(i: number, j: number, k: number): number {
    const [nx, ny] = this.dims;
    return this.labels[i + nx * (j + ny * k)];
  }

  /** Voxels with a non-zero label. */
  countLabelled(): number {
    let n = 0;
    for (let v = 0; v < this.labels.length; v++) if (this.labels[v] !== 0) n++;
    return n;
  }

  private recompose(b: Box): void {
    const [nx, ny] = this.dims;
    const touching = this.objects.filter(o => o.box !== null && overlaps(o.box, b));
    for (let k = b.k0; k < b.k1; k++) {
      for (let j = b.j0; j < b.j1; j++) {
        let v = b.i0 + nx * (j + ny * k);
        for (let i = b.i0; i < b.i1; i++, v++) {
          let label = this.base ? this.base[v] : 0;
          for (const o of touching) if (o.has(i, j, k)) label = o.labelValue;
          this.labels[v] = label;
        }
      }
    }
  }

  private reproject(b: Box): void {
    const [nx, ny] = this.dims;
    for (let k = b.k0; k < b.k1; k++) {
      for (let i = b.i0; i < b.i1; i++) {
        let label = 0;
        for (let j = 0, v = i + nx * ny * k; j < ny; j++, v += nx) {
          if (this.labels[v] !== 0) { label = this.labels[v]; break; }
        }
        this.coronalProjection[i + nx * k] = label;
      }
    }
  }
}

function overlaps(a: Box, b: Box): boolean {
  return a.i0 < b.i1 && b.i0 < a.i1 && a.j0 < b.j1 && b.j0 < a.j1 && a.k0 < b.k1 && b.k0 < a.k1;
}
