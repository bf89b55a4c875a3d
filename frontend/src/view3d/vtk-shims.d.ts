// vtk.js 37.4.3 ships no declarations for ImageMarchingCubes; the part Petal uses.
declare module '@kitware/vtk.js/Filters/General/ImageMarchingCubes' {
  import type vtkImageData from '@kitware/vtk.js/Common/DataModel/ImageData';
  import type vtkPolyData from '@kitware/vtk.js/Common/DataModel/PolyData';

  export interface vtkImageMarchingCubes {
    setInputData(data: vtkImageData): void;
    setContourValue(value: number): boolean;
    setComputeNormals(on: boolean): boolean;
    setMergePoints(on: boolean): boolean;
    getOutputData(): vtkPolyData;
    delete(): void;
  }

  const vtkImageMarchingCubes: {
    newInstance(initialValues?: { contourValue?: number; computeNormals?: boolean; mergePoints?: boolean }): vtkImageMarchingCubes;
  };
  export default vtkImageMarchingCubes;
}

// The case table of vtk.js's marching cubes, reused by marching-cubes.ts so both agree triangle for triangle.
declare module '@kitware/vtk.js/Filters/General/ImageMarchingCubes/caseTable.js' {
  const caseTable: {
    /** Edge ids, three per triangle, ending with -1; corners numbered i + 2j + 4k within the cell. */
    getCase(index: number): readonly number[];
    /** The two corners of an edge. */
    getEdge(edge: number): readonly [number, number];
  };
  export default caseTable;
}
