/**
 * Review comments pinned to voxels, drawn as numbered markers over the panes. A pin shows on a plane whose
 * slice is within PIN_SLICE_TOLERANCE slices of it (a comment on a lesion stays visible while the reader
 * scrolls through the lesion, not only on its one slice), and on the coronal MIP at 0°, whose pixel stands
 * for a whole ray. Pins are few (a review has a handful), so they are filtered and drawn on every redraw:
 * no caching, no cost worth measuring.
 */
import type { Voxel } from '../protocol/annotation-socket.js';
import type { PlaneGeometry, PlaneName } from './planes.js';

export interface Pin {
  voxel: Voxel;
  text: string;
  /** The number drawn in the marker (the comment's number in the list). */
  index: number;
}

export const PIN_SLICE_TOLERANCE = 2;

/** A pin placed in a pane: frame pixel (u, v) before the row flip. */
export interface PlacedPin { pin: Pin; u: number; v: number }

/** The pins a pane shows when it draws slice `slice` (rotated MIPs show none: their pixels are not voxels). */
export function pinsInPane(pins: readonly Pin[], plane: PlaneName, geometry: PlaneGeometry, slice: number, mipAngle: number): PlacedPin[] {
  if (plane === 'mip' && mipAngle !== 0) return [];
  const out: PlacedPin[] = [];
  for (const pin of pins) {
    if (plane !== 'mip' && Math.abs(geometry.slice(pin.voxel) - slice) > PIN_SLICE_TOLERANCE) continue;
    const [u, v] = geometry.pixelOf(pin.voxel);
    out.push({ pin, u, v });
  }
  return out;
}

/** Longest label drawn beside a marker; the whole text is in the comment list and the readout. */
const LABEL_CHARS = 40;

/** Draws placed pins; (x, y) of frame pixel centres come from the pane, which knows zoom, pan and flip. */
export function drawPins(ctx: CanvasRenderingContext2D, placed: readonly PlacedPin[], at: (u: number, v: number) => [number, number], scale: number): void {
  if (placed.length === 0) return;
  const r = 8 * scale;
  ctx.save();
  ctx.font = `${Math.round(11 * scale)}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  for (const { pin, u, v } of placed) {
    const [x, y] = at(u, v);
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.fillStyle = 'rgba(255, 160, 0, 0.9)';
    ctx.fill();
    ctx.lineWidth = scale;
    ctx.strokeStyle = '#000';
    ctx.stroke();
    ctx.fillStyle = '#000';
    ctx.textAlign = 'center';
    ctx.fillText(String(pin.index), x, y);
    const label = pin.text.length > LABEL_CHARS ? `${pin.text.slice(0, LABEL_CHARS - 1)}…` : pin.text;
    ctx.textAlign = 'left';
    ctx.lineWidth = 3 * scale;
    ctx.strokeText(label, x + r + 3 * scale, y);
    ctx.fillStyle = '#ffd080';
    ctx.fillText(label, x + r + 3 * scale, y);
  }
  ctx.restore();
}
