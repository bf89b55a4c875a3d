/**
 * One iso-surface per label on the 3D view's grid: marching cubes at 0.5 over the label's 0/1 field,
 * cropped to the label's box (plus one voxel), so the cost follows the label's size, not the volume's,
 * and smoothed without changing which voxels are inside (smoothField).
 * Needs no WebGL, so it runs (and is tested) in node.
 */
import vtkPolyData from '@kitware/vtk.js/Common/DataModel/PolyData';
import vtkDataArray from '@kitware/vtk.js/Common/Core/DataArray';
import { GridBox, labelField, smoothField } from './label-grid.js';
import { MarchingCubes, Mesh } from './marching-cubes.js';
import type { Triple } from './volume-frame.js';

export interface LabelSurface {
  value: number;
  mesh: Mesh;
  triangles: number;
}

/**
 * Marching cubes for one label, a layer of cells per step, so the caller decides when to yield.
 *
 * @param origin  world position of grid voxel (0, 0, 0), mm
 * @param spacing grid spacing, mm
 */
export class LabelSurfaceJob {
  private readonly mc: MarchingCubes;
  private next = 0;

  constructor(labels: Uint8Array, grid: Triple, readonly value: number, box: GridBox, origin: Triple, spacing: Triple) {
    const { field, dims, start } = labelField(labels, grid, value, box);
    const fieldOrigin = [0, 1, 2].map(a => origin[a] + start[a] * spacing[a]) as Triple;
    this.mc = new MarchingCubes(smoothField(field, dims), dims, fieldOrigin, spacing, 0.5);
  }

  get done(): boolean {
    return this.next >= this.mc.layers;
  }

  /** Processes one layer of cells; false once there are none left. */
  step(): boolean {
    if (this.done) return false;
    this.mc.layer(this.next++);
    return true;
  }

  result(): LabelSurface {
    while (this.step()) { /* finish */ }
    const mesh = this.mc.result();
    return { value: this.value, mesh, triangles: mesh.polys.length / 4 };
  }
}

export function labelSurface(labels: Uint8Array, grid: Triple, value: number, box: GridBox, origin: Triple,
                             spacing: Triple): LabelSurface {
  return new LabelSurfaceJob(labels, grid, value, box, origin, spacing).result();
}

/** A mesh as vtkPolyData with its normals, for a vtkMapper. */
export function toPolyData(mesh: Mesh): vtkPolyData {
  const pd = vtkPolyData.newInstance();
  pd.getPoints().setData(mesh.points, 3);
  pd.getPolys().setData(mesh.polys);
  pd.getPointData().setNormals(vtkDataArray.newInstance({ name: 'Normals', numberOfComponents: 3, values: mesh.normals }));
  return pd;
}
