/**
 * The viewer's inputs (case, overlay colours, names for the readout), the same objects until the case or
 * what the overlay shows changes: a new object would make the viewer start the case again (and lose the
 * crosshair) on every re-render of the workspace.
 */
import type { ViewerCase } from '../viewer/pet-viewer.js';
import { packRgba, parseHexColour } from '../viewer/colour-maps.js';
import type { CaseInfo } from './api.js';

/** One overlay value: a label, or a compare class while two revisions are compared. */
export interface LegendEntry { value: number; colour: string; name: string }

export interface ViewerInputs { viewerCase: ViewerCase | null; colours: Uint32Array; names: Map<number, string> }

export class ViewerInputMemo {
  private key = '';
  private inputs: ViewerInputs | null = null;

  /** shown: the values drawn (visible labels); named: the values the readout names (hidden ones too). */
  get(c: CaseInfo | null, shown: readonly LegendEntry[], named: readonly LegendEntry[]): ViewerInputs {
    const key = `${c?.id}|${c?.version}|${shown.map(l => l.value + l.colour).join()}|${named.map(l => l.value + l.name).join()}`;
    if (this.inputs === null || key !== this.key) {
      const colours = new Uint32Array(256);
      for (const l of shown) colours[l.value] = packRgba(...parseHexColour(l.colour));
      const old = this.inputs?.viewerCase;
      const sameCase = old && c && old.id === c.id && old.version === c.version;
      this.inputs = {
        viewerCase: sameCase ? old : c ? { id: c.id, version: c.version, dims: c.dims, spacingMm: c.spacingMm } : null,
        colours,
        names: new Map(named.map(l => [l.value, l.name] as [number, string])),
      };
      this.key = key;
    }
    return this.inputs;
  }
}
