/**
 * Compares two revisions' label maps voxel by voxel, for the reviewer's "Compare". The result is itself a
 * label map (one class code per voxel), so the viewer draws it like any other overlay, with the compare
 * colours below in place of the project's label colours.
 */

/** Class codes of the compare map; 0 = unlabelled in both. */
export const SAME = 1;
export const ONLY_A = 2;
export const ONLY_B = 3;
/** Labelled in both, with different labels: neither "same" nor missing from one, so it gets its own colour. */
export const CHANGED = 4;

export interface DiffClass { code: number; key: keyof DiffCounts; name: string; colour: string }

/** Colours chosen to stay apart from each other and from the PET colour maps (gray and hot iron). */
export const DIFF_CLASSES: readonly DiffClass[] = [
  { code: SAME, key: 'same', name: 'in both (same label)', colour: '#30c060' },
  { code: ONLY_A, key: 'onlyA', name: 'only in A', colour: '#3080ff' },
  { code: ONLY_B, key: 'onlyB', name: 'only in B', colour: '#ff40c0' },
  { code: CHANGED, key: 'changed', name: 'different labels', colour: '#ffd020' },
];

export interface DiffCounts { same: number; onlyA: number; onlyB: number; changed: number }

export interface RevisionDiff { classes: Uint8Array; counts: DiffCounts }

/** The compare map of label maps a and b (same length, one byte per voxel) and how many voxels fall in each class. */
export function diffRevisions(a: Uint8Array, b: Uint8Array): RevisionDiff {
  if (a.length !== b.length) throw new Error(`label maps differ in size: ${a.length} and ${b.length} voxels`);
  const classes = new Uint8Array(a.length);
  let same = 0, onlyA = 0, onlyB = 0, changed = 0;
  for (let v = 0; v < a.length; v++) {
    const x = a[v], y = b[v];
    if (x === 0 && y === 0) continue;
    if (x === y) { classes[v] = SAME; same++; }
    else if (y === 0) { classes[v] = ONLY_A; onlyA++; }
    else if (x === 0) { classes[v] = ONLY_B; onlyB++; }
    else { classes[v] = CHANGED; changed++; }
  }
  return { classes, counts: { same, onlyA, onlyB, changed } };
}
