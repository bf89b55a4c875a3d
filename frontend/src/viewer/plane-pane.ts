/**
 * Draws one pane: the PET frame through the colour table, the label overlay (fill or outline) and the
 * crosshair, at the frame's physical aspect (mm), with the pane's own zoom and pan. Imperative on
 * purpose: it redraws on every scroll step, and Lit's templating has nothing to add to a canvas.
 */
import type { SliceFrame } from '../protocol/slice-frame.js';
import type { LabelVolume } from '../model/label-volume.js';
import type { Voxel } from '../protocol/annotation-socket.js';
import { PlaneGeometry, PlaneName } from './planes.js';
import { drawPins, PlacedPin } from './pins.js';

export interface OverlayStyle {
  mode: 'fill' | 'outline';
  opacity: number;
  /** Packed RGBA (alpha ignored) per label value; 0 = hidden or unknown. */
  colours: Uint32Array;
}

export class PlanePane {
  zoom = 1;
  panX = 0;
  panY = 0;
  frame: SliceFrame | null = null;
  /** The slice index drawn last (for tests and the benchmark harness). */
  drawnSlice = -1;
  /** Review pins near the drawn slice, chosen by the viewer (pinsInPane) whenever the slice or the pins change. */
  pins: PlacedPin[] = [];
  private readonly image = document.createElement('canvas');
  private readonly overlay = document.createElement('canvas');

  constructor(readonly plane: PlaneName, readonly canvas: HTMLCanvasElement, public geometry: PlaneGeometry) {}

  /** Where the frame lands on the canvas, in canvas pixels. */
  placement(): { x: number; y: number; w: number; h: number } {
    const f = this.frame;
    const cw = this.canvas.width, ch = this.canvas.height;
    if (!f) return { x: 0, y: 0, w: cw, h: ch };
    const mmW = f.width * f.spacingU, mmH = f.height * f.spacingV;
    const s = Math.min(cw / mmW, ch / mmH) * this.zoom;
    const w = mmW * s, h = mmH * s;
    return { x: (cw - w) / 2 + this.panX, y: (ch - h) / 2 + this.panY, w, h };
  }

  /** The frame pixel under a canvas point, or null outside the frame. */
  pixelAt(cx: number, cy: number): [number, number] | null {
    const f = this.frame;
    if (!f) return null;
    const p = this.placement();
    const x = Math.floor((cx - p.x) / p.w * f.width);
    const y = Math.floor((cy - p.y) / p.h * f.height);
    if (x < 0 || y < 0 || x >= f.width || y >= f.height) return null;
    return [x, this.geometry.flipRows ? f.height - 1 - y : y];
  }

  /** Renders the frame's pixels into the pane's image buffer through a level → RGBA table. */
  setFrame(frame: SliceFrame, table: Uint32Array, slice: number): void {
    this.frame = frame;
    this.drawnSlice = slice;
    const { width, height, levels } = frame;
    this.image.width = width;
    this.image.height = height;
    const ctx = this.image.getContext('2d')!;
    const data = ctx.createImageData(width, height);
    const out = new Uint32Array(data.data.buffer);
    const flip = this.geometry.flipRows;
    for (let v = 0; v < height; v++) {
      const row = (flip ? height - 1 - v : v) * width;
      const src = v * width;
      for (let u = 0; u < width; u++) out[row + u] = table[levels[src + u]];
    }
    ctx.putImageData(data, 0, 0);
  }

  /** Re-renders the image buffer with another table (window or colour map changed). */
  retable(table: Uint32Array): void {
    if (this.frame) this.setFrame(this.frame, table, this.drawnSlice);
  }

  /** Paints the labels of the shown slice (or the coronal projection for the MIP) into the overlay buffer. */
  setOverlay(labels: LabelVolume, cursor: Voxel, style: OverlayStyle, showOverlay: boolean): void {
    const f = this.frame;
    if (!f || !showOverlay || f.width !== this.geometry.width || f.height !== this.geometry.height) {
      this.overlay.width = 0;
      return;
    }
    const { width, height } = f;
    this.overlay.width = width;
    this.overlay.height = height;
    const ctx = this.overlay.getContext('2d')!;
    const data = ctx.createImageData(width, height);
    const out = new Uint32Array(data.data.buffer);
    const values = this.labelPlane(labels, cursor);
    const alpha = Math.round(255 * Math.min(1, Math.max(0, style.opacity))) << 24;
    const flip = this.geometry.flipRows;
    for (let v = 0; v < height; v++) {
      const row = (flip ? height - 1 - v : v) * width;
      for (let u = 0; u < width; u++) {
        const label = values[u + width * v];
        if (label === 0 || style.colours[label] === 0) continue;
        if (style.mode === 'outline' && !isEdge(values, width, height, u, v, label)) continue;
        out[row + u] = ((style.colours[label] & 0x00ffffff) | (style.mode === 'outline' ? 0xff000000 : alpha)) >>> 0;
      }
    }
    ctx.putImageData(data, 0, 0);
  }

  /** Composes image, overlay and crosshair onto the visible canvas. */
  draw(cursor: Voxel, crosshair: boolean): void {
    const ctx = this.canvas.getContext('2d')!;
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    const f = this.frame;
    if (!f) return;
    const p = this.placement();
    ctx.imageSmoothingEnabled = this.zoom < 4;
    ctx.drawImage(this.image, p.x, p.y, p.w, p.h);
    if (this.overlay.width > 0) {
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(this.overlay, p.x, p.y, p.w, p.h);
    }
    if (crosshair && f.width === this.geometry.width) {
      const [x, y] = this.centreOf(...this.geometry.pixelOf(cursor));
      ctx.strokeStyle = 'rgba(80, 200, 255, 0.7)';
      ctx.lineWidth = 1;
      ctx.setLineDash([4, 4]);
      ctx.beginPath();
      ctx.moveTo(x, p.y); ctx.lineTo(x, p.y + p.h);
      ctx.moveTo(p.x, y); ctx.lineTo(p.x + p.w, y);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    if (f.width === this.geometry.width) {
      drawPins(ctx, this.pins, (u, v) => this.centreOf(u, v), devicePixelRatio);
    }
  }

  /** The canvas point of a frame pixel's centre (v before the row flip). */
  centreOf(u: number, v: number): [number, number] {
    const f = this.frame!, p = this.placement();
    const row = this.geometry.flipRows ? f.height - 1 - v : v;
    return [p.x + (u + 0.5) / f.width * p.w, p.y + (row + 0.5) / f.height * p.h];
  }

  private labelPlane(labels: LabelVolume, cursor: Voxel): Uint8Array {
    const [nx, ny, nz] = labels.dims;
    const l = labels.labels;
    switch (this.plane) {
      case 'axial': {
        const k = cursor[2];
        return l.subarray(nx * ny * k, nx * ny * (k + 1));
      }
      case 'coronal': {
        const j = cursor[1], out = new Uint8Array(nx * nz);
        for (let k = 0; k < nz; k++) out.set(l.subarray(nx * (j + ny * k), nx * (j + ny * k) + nx), nx * k);
        return out;
      }
      case 'sagittal': {
        const i = cursor[0], out = new Uint8Array(ny * nz);
        for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) out[j + ny * k] = l[i + nx * (j + ny * k)];
        return out;
      }
      case 'mip':
        return labels.coronalProjection;
    }
  }
}

function isEdge(values: Uint8Array, w: number, h: number, u: number, v: number, label: number): boolean {
  return u === 0 || v === 0 || u === w - 1 || v === h - 1
    || values[u - 1 + w * v] !== label || values[u + 1 + w * v] !== label
    || values[u + w * (v - 1)] !== label || values[u + w * (v + 1)] !== label;
}
