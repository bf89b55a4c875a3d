/** Petal's browser components; the bundle registers them as custom elements. */
export { PetViewer } from './viewer/pet-viewer.js';
export { PetalAnnotator } from './workspace/petal-annotator.js';
export { LesionStats } from './workspace/lesion-stats.js';
export { Volume3d } from './view3d/volume-3d.js';
export type { Rendered3dDetail, Look } from './view3d/volume-3d.js';
export { StudyCharts } from './study/study-charts.js';
