/** A half-open voxel box [i0,i1) x [j0,j1) x [k0,k1) of the case grid (i fastest), as in docs/protocol.md. */
export interface Box {
  readonly i0: number; readonly j0: number; readonly k0: number;
  readonly i1: number; readonly j1: number; readonly k1: number;
}

export function boxVoxels(b: Box): number {
  return Math.max(0, b.i1 - b.i0) * Math.max(0, b.j1 - b.j0) * Math.max(0, b.k1 - b.k0);
}

export function isEmpty(b: Box): boolean {
  return boxVoxels(b) === 0;
}

export function union(a: Box | null, b: Box): Box {
  if (a === null || isEmpty(a)) return b;
  if (isEmpty(b)) return a;
  return {
    i0: Math.min(a.i0, b.i0), j0: Math.min(a.j0, b.j0), k0: Math.min(a.k0, b.k0),
    i1: Math.max(a.i1, b.i1), j1: Math.max(a.j1, b.j1), k1: Math.max(a.k1, b.k1),
  };
}

export function contains(b: Box, i: number, j: number, k: number): boolean {
  return i >= b.i0 && i < b.i1 && j >= b.j0 && j < b.j1 && k >= b.k0 && k < b.k1;
}
