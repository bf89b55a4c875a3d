/**
 * How the four panes map to the case grid. Frames come from the backend with voxel-index axes
 * (docs/slices.md); coronal, sagittal and MIP panes are drawn with k upwards (rows flipped), axial with j
 * downwards. Nothing here knows patient orientation: the API does not carry direction cosines yet.
 */
import type { Dims } from '../model/label-volume.js';
import type { Voxel } from '../protocol/annotation-socket.js';

export type PlaneName = 'axial' | 'coronal' | 'sagittal' | 'mip';
export const PLANES: readonly PlaneName[] = ['axial', 'coronal', 'sagittal', 'mip'];

export interface PlaneGeometry {
  /** Frame width and height in pixels. */
  width: number;
  height: number;
  /** Draw row = height - 1 - v. */
  flipRows: boolean;
  /** The voxel of frame pixel (u, v), given the slice the pane shows. */
  voxelOf(u: number, v: number, cursor: Voxel): Voxel;
  /** The frame pixel (u, v) where a voxel appears. */
  pixelOf(voxel: Voxel): [number, number];
  /** The slice index the pane shows for a cursor, and how many there are. */
  slice(cursor: Voxel): number;
  sliceCount: number;
  /** The cursor moved to another slice of this pane's stack. */
  withSlice(cursor: Voxel, index: number): Voxel;
}

export function planeGeometry(plane: PlaneName, dims: Dims): PlaneGeometry {
  const [nx, ny, nz] = dims;
  switch (plane) {
    case 'axial':
      return {
        width: nx, height: ny, flipRows: false, sliceCount: nz,
        voxelOf: (u, v, c) => [u, v, c[2]], pixelOf: ([i, j]) => [i, j],
        slice: c => c[2], withSlice: (c, n) => [c[0], c[1], n],
      };
    case 'coronal':
      return {
        width: nx, height: nz, flipRows: true, sliceCount: ny,
        voxelOf: (u, v, c) => [u, c[1], v], pixelOf: ([i, , k]) => [i, k],
        slice: c => c[1], withSlice: (c, n) => [c[0], n, c[2]],
      };
    case 'sagittal':
      return {
        width: ny, height: nz, flipRows: true, sliceCount: nx,
        voxelOf: (u, v, c) => [c[0], u, v], pixelOf: ([, j, k]) => [j, k],
        slice: c => c[0], withSlice: (c, n) => [n, c[1], c[2]],
      };
    case 'mip':
      // The coronal MIP: a pixel stands for a whole ray along j; the cursor keeps its depth.
      return {
        width: nx, height: nz, flipRows: true, sliceCount: 1,
        voxelOf: (u, v, c) => [u, c[1], v], pixelOf: ([i, , k]) => [i, k],
        slice: () => 0, withSlice: c => c,
      };
  }
}

/** The backend path of the frame a pane shows. */
export function framePath(plane: PlaneName, index: number, mipAngle: number): string {
  if (plane === 'mip') {
    return mipAngle === 0 ? 'mip/coronal' : `mip/rotating/${mipAngle}`;
  }
  return `slices/${plane}/${index}`;
}
