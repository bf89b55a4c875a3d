/**
 * <petal-pet-viewer>: axial, coronal and sagittal planes and a coronal MIP that rotates about the body
 * axis, with a linked crosshair, scroll (wheel, arrow keys), zoom (Ctrl+wheel), pan (middle drag), SUV
 * windows with colour maps and a colour bar, the label overlay, and the SUV and label under the cursor.
 * Prompts and strokes are not sent from here: the viewer reports them as events (petal-prompt,
 * petal-stroke) and the workspace decides what to do with them. Review pins (`pins`) are drawn as numbered
 * markers near their slices; with `pinning` set, a left click on a plane also reports `petal-pin` (read only
 * or not), which is how a reviewer pins a comment.
 */
import { LitElement, html, css, PropertyValues } from 'lit';
import { customElement, property, state, query } from 'lit/decorators.js';
import { SliceSource } from './slice-source.js';
import { PlanePane, OverlayStyle } from './plane-pane.js';
import { PLANES, PlaneName, planeGeometry, framePath } from './planes.js';
import { Pin, pinsInPane } from './pins.js';
import { ColourMap, SuvWindow, WINDOW_PRESETS, levelTable, colourAt } from './colour-maps.js';
import { unitLabel, valueAt, SliceFrame } from '../protocol/slice-frame.js';
import type { LabelVolume } from '../model/label-volume.js';
import type { Voxel } from '../protocol/annotation-socket.js';

export interface ViewerCase {
  id: number;
  version: number;
  dims: [number, number, number];
  spacingMm: [number, number, number];
}

export type Tool = 'click' | 'brush' | 'erase';

/** Slices prefetched ahead in the direction the user scrolls, and behind it. */
const PREFETCH_AHEAD = 8;
const PREFETCH_BEHIND = 2;

@customElement('petal-pet-viewer')
export class PetViewer extends LitElement {
  @property({ attribute: false }) petCase: ViewerCase | null = null;
  @property({ attribute: false }) labels: LabelVolume | null = null;
  /** Packed RGBA per label value; 0 hides the label. */
  @property({ attribute: false }) labelColours = new Uint32Array(256);
  @property({ attribute: false }) labelNames = new Map<number, string>();
  @property() tool: Tool = 'click';
  @property({ type: Number }) brushRadiusMm = 5;
  @property({ type: Boolean }) readOnly = false;
  /** Review comments pinned to voxels, drawn on the panes within ±2 slices (pins.ts). */
  @property({ attribute: false }) pins: Pin[] = [];
  /** A left click on a plane reports `petal-pin` {voxel}: the reviewer pins a comment there. */
  @property({ type: Boolean }) pinning = false;

  @state() private window: SuvWindow = WINDOW_PRESETS[1].window;
  @state() private colourMap: ColourMap = 'gray-inverted';
  @state() private overlayMode: 'fill' | 'outline' = 'fill';
  @state() private opacity = 0.45;
  @state() private layout: '2x2' | '1x1' = '2x2';
  @state() private focused: PlaneName = 'axial';
  @state() private mipAngle = 0;
  @state() private readout = '';
  @state() private unit = '';
  @state() private error = '';

  @query('.panes') private panesElement!: HTMLElement;

  cursor: Voxel = [0, 0, 0];
  private panes = new Map<PlaneName, PlanePane>();
  private source: SliceSource | null = null;
  private table: Uint32Array | null = null;
  private tableKey = '';
  private resizeObserver = new ResizeObserver(() => this.resizeCanvases());
  private drag: { pane: PlanePane; x: number; y: number; mode: 'pan' | 'stroke'; points: Voxel[]; erase: boolean } | null = null;
  private overlayVersion = -1;
  private scrollDirection = new Map<PlaneName, 1 | -1>();

  static override styles = css`
    :host { display: flex; flex-direction: column; min-height: 0; background: #111; color: #ddd; font: 13px system-ui, sans-serif; }
    .bar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding: 4px 8px; background: #1d1f23; }
    .bar label { display: flex; gap: 4px; align-items: center; }
    .bar input[type=number] { width: 4.5em; }
    .colour-bar { display: flex; align-items: center; gap: 4px; }
    .colour-bar canvas { width: 120px; height: 10px; border: 1px solid #555; }
    .panes { flex: 1; display: grid; gap: 2px; min-height: 0; background: #000; }
    .panes.l2x2 { grid-template-columns: 1fr 1fr; grid-template-rows: 1fr 1fr; }
    .panes.l1x1 { grid-template-columns: 1fr; grid-template-rows: 1fr; }
    .pane { position: relative; min-height: 0; min-width: 0; overflow: hidden; outline: 1px solid #222; }
    .pane.focused { outline: 1px solid #3a8ee6; }
    .pane.hidden { display: none; }
    .pane canvas { position: absolute; inset: 0; width: 100%; height: 100%; }
    .pane .name { position: absolute; left: 6px; top: 4px; color: #9bd; pointer-events: none; text-shadow: 0 0 2px #000; }
    .status { padding: 3px 8px; background: #1d1f23; min-height: 1.3em; font-variant-numeric: tabular-nums; }
    .error { color: #ff8080; }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    this.tabIndex = 0;
    this.addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
    this.removeEventListener('keydown', this.onKey);
  }

  override render() {
    const presetName = WINDOW_PRESETS.find(p => p.window.lo === this.window.lo && p.window.hi === this.window.hi)?.name ?? 'custom';
    return html`
      <div class="bar">
        <label>Window
          <select data-testid="window-preset" @change=${(e: Event) => this.choosePreset((e.target as HTMLSelectElement).value)}>
            ${WINDOW_PRESETS.map(p => html`<option ?selected=${p.name === presetName}>${p.name}</option>`)}
            <option ?selected=${presetName === 'custom'}>custom</option>
          </select></label>
        <label>from <input type="number" step="0.5" .value=${String(this.window.lo)}
          @change=${(e: Event) => this.setWindow({ lo: Number((e.target as HTMLInputElement).value), hi: this.window.hi })}></label>
        <label>to <input type="number" step="0.5" .value=${String(this.window.hi)}
          @change=${(e: Event) => this.setWindow({ lo: this.window.lo, hi: Number((e.target as HTMLInputElement).value) })}></label>
        <label>Map
          <select data-testid="colour-map" @change=${(e: Event) => { this.colourMap = (e.target as HTMLSelectElement).value as ColourMap; }}>
            <option value="gray-inverted" ?selected=${this.colourMap === 'gray-inverted'}>inverted gray</option>
            <option value="gray" ?selected=${this.colourMap === 'gray'}>gray</option>
            <option value="pet" ?selected=${this.colourMap === 'pet'}>PET (hot)</option>
          </select></label>
        <span class="colour-bar"><span>${this.window.lo}</span><canvas width="120" height="1"></canvas><span>${this.window.hi} ${this.unit}</span></span>
        <label>Overlay
          <select @change=${(e: Event) => { this.overlayMode = (e.target as HTMLSelectElement).value as 'fill' | 'outline'; }}>
            <option value="fill">fill</option><option value="outline">outline</option>
          </select></label>
        <label>Opacity <input type="range" min="0" max="1" step="0.05" .value=${String(this.opacity)}
          @input=${(e: Event) => { this.opacity = Number((e.target as HTMLInputElement).value); }}></label>
        <label>MIP angle <input type="range" min="0" max="350" step="10" .value=${String(this.mipAngle)}
          @change=${(e: Event) => { this.mipAngle = Number((e.target as HTMLInputElement).value); }}></label>
        <button data-testid="layout" @click=${() => { this.layout = this.layout === '2x2' ? '1x1' : '2x2'; }}>${this.layout === '2x2' ? '1×1' : '2×2'}</button>
      </div>
      <div class="panes l${this.layout}">
        ${PLANES.map(p => html`
          <div class="pane ${p === this.focused ? 'focused' : ''} ${this.layout === '1x1' && p !== this.focused ? 'hidden' : ''}" data-plane=${p}>
            <canvas data-plane=${p}
              @pointerdown=${(e: PointerEvent) => this.onPointerDown(p, e)}
              @pointermove=${(e: PointerEvent) => this.onPointerMove(p, e)}
              @pointerup=${(e: PointerEvent) => this.onPointerUp(p, e)}
              @wheel=${(e: WheelEvent) => this.onWheel(p, e)}
              @dblclick=${() => { this.focused = p; this.layout = this.layout === '2x2' ? '1x1' : '2x2'; }}
              @contextmenu=${(e: Event) => e.preventDefault()}></canvas>
            <span class="name">${p === 'mip' ? `MIP ${this.mipAngle}°` : p} ${this.sliceLabel(p)}</span>
          </div>`)}
      </div>
      <div class="status" data-testid="readout">${this.error ? html`<span class="error">${this.error}</span>` : this.readout}</div>`;
  }

  protected override firstUpdated(): void {
    this.panesElement.querySelectorAll('canvas').forEach(c => {
      const plane = c.dataset.plane as PlaneName;
      this.panes.set(plane, new PlanePane(plane, c, planeGeometry(plane, this.petCase?.dims ?? [1, 1, 1])));
      this.resizeObserver.observe(c);
    });
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('petCase') && this.petCase) this.startCase(this.petCase);
    if (changed.has('layout')) requestAnimationFrame(() => this.resizeCanvases());
    if (changed.has('window') || changed.has('colourMap')) this.retable();
    if (changed.has('mipAngle')) this.load('mip');
    if (changed.has('pins')) {
      for (const pane of this.panes.values()) { this.placePins(pane); pane.draw(this.cursor, true); }
    }
    if (changed.has('overlayMode') || changed.has('opacity') || changed.has('labelColours') || changed.has('labels')) {
      this.refreshOverlay(true);
    }
    this.drawColourBar();
  }

  /** Moves the crosshair and loads what the planes now show. */
  setCursor(voxel: Voxel): void {
    this.cursor = voxel;
    for (const p of PLANES) this.load(p);
    this.requestUpdate();
  }

  /** Redraws the label overlay of every pane (after a mask delta, or a style change). */
  refreshOverlay(force = false): void {
    if (!this.labels || (!force && this.labels.version === this.overlayVersion)) return;
    this.overlayVersion = this.labels.version;
    for (const pane of this.panes.values()) {
      pane.setOverlay(this.labels, this.cursor, this.overlayStyle(), this.mipAngle === 0 || pane.plane !== 'mip');
      pane.draw(this.cursor, true);
    }
    this.dispatchEvent(new CustomEvent('petal-overlay-drawn', { detail: { version: this.overlayVersion }, bubbles: true, composed: true }));
  }

  /**
   * The page coordinates (CSS pixels) of a voxel's centre in a pane, or null when the pane does not show
   * it; for automation and tests that click like a user.
   */
  clientPointOf(plane: PlaneName, voxel: Voxel): [number, number] | null {
    const pane = this.panes.get(plane);
    if (!pane?.frame || pane.geometry.slice(voxel) !== pane.drawnSlice) return null;
    const p = pane.placement();
    const [u, v] = pane.geometry.pixelOf(voxel);
    const row = pane.geometry.flipRows ? pane.frame.height - 1 - v : v;
    const r = pane.canvas.getBoundingClientRect();
    const scale = r.width / pane.canvas.width;
    return [r.left + (p.x + (u + 0.5) / pane.frame.width * p.w) * scale, r.top + (p.y + (row + 0.5) / pane.frame.height * p.h) * scale];
  }

  /** The slice index each plane shows now, as drawn (for tests and the benchmark harness). */
  drawnSlice(plane: PlaneName): number {
    return this.panes.get(plane)?.drawnSlice ?? -1;
  }

  private startCase(c: ViewerCase): void {
    this.source = new SliceSource(c.id, c.version);
    for (const [plane, pane] of this.panes) pane.geometry = planeGeometry(plane, c.dims);
    if (this.panes.size === 0) return;
    this.cursor = [c.dims[0] >> 1, c.dims[1] >> 1, c.dims[2] >> 1];
    this.resizeCanvases();
    for (const p of PLANES) this.load(p);
  }

  private async load(plane: PlaneName): Promise<void> {
    const pane = this.panes.get(plane);
    if (!pane || !this.source) return;
    const index = pane.geometry.slice(this.cursor);
    const path = framePath(plane, index, this.mipAngle);
    try {
      const frame = await this.source.get(path);
      if (path !== framePath(plane, pane.geometry.slice(this.cursor), this.mipAngle)) return; // scrolled on
      this.show(pane, frame, index);
      this.error = '';
    } catch (e) {
      this.error = `could not load the ${plane} frame: ${(e as Error).message}`;
      return;
    }
    if (plane !== 'mip') {
      const dir = this.scrollDirection.get(plane) ?? 1;
      for (let d = 1; d <= PREFETCH_AHEAD; d++) {
        for (const n of d <= PREFETCH_BEHIND ? [index + dir * d, index - dir * d] : [index + dir * d]) {
          if (n >= 0 && n < pane.geometry.sliceCount) this.source.prefetch(framePath(plane, n, 0));
        }
      }
    }
  }

  private show(pane: PlanePane, frame: SliceFrame, index: number): void {
    this.unit = unitLabel(frame.unit);
    pane.setFrame(frame, this.tableFor(frame), index);
    this.placePins(pane);
    if (this.labels) pane.setOverlay(this.labels, this.cursor, this.overlayStyle(), this.mipAngle === 0 || pane.plane !== 'mip');
    pane.draw(this.cursor, true);
    this.dispatchEvent(new CustomEvent('petal-frame-drawn', { detail: { plane: pane.plane, index }, bubbles: true, composed: true }));
  }

  private placePins(pane: PlanePane): void {
    pane.pins = pane.frame ? pinsInPane(this.pins, pane.plane, pane.geometry, pane.drawnSlice, this.mipAngle) : [];
  }

  private tableFor(frame: SliceFrame): Uint32Array {
    const key = `${this.colourMap}|${this.window.lo}|${this.window.hi}|${frame.offset}|${frame.scale}`;
    if (this.table === null || key !== this.tableKey) {
      this.table = levelTable(this.colourMap, this.window, frame.offset, frame.scale);
      this.tableKey = key;
    }
    return this.table;
  }

  private retable(): void {
    for (const pane of this.panes.values()) {
      if (!pane.frame) continue;
      pane.retable(this.tableFor(pane.frame));
      pane.draw(this.cursor, true);
    }
  }

  private overlayStyle(): OverlayStyle {
    return { mode: this.overlayMode, opacity: this.opacity, colours: this.labelColours };
  }

  private choosePreset(name: string): void {
    const p = WINDOW_PRESETS.find(w => w.name === name);
    if (p) this.window = p.window;
  }

  private setWindow(w: SuvWindow): void {
    if (Number.isFinite(w.lo) && Number.isFinite(w.hi) && w.hi > w.lo) this.window = w;
  }

  private sliceLabel(p: PlaneName): string {
    const pane = this.panes.get(p);
    if (!pane || p === 'mip') return '';
    return `${pane.geometry.slice(this.cursor) + 1}/${pane.geometry.sliceCount}`;
  }

  private resizeCanvases(): void {
    for (const pane of this.panes.values()) {
      const r = pane.canvas.getBoundingClientRect();
      const w = Math.max(1, Math.round(r.width * devicePixelRatio)), h = Math.max(1, Math.round(r.height * devicePixelRatio));
      if (pane.canvas.width !== w || pane.canvas.height !== h) {
        pane.canvas.width = w;
        pane.canvas.height = h;
        pane.draw(this.cursor, true);
      }
    }
  }

  private canvasPoint(pane: PlanePane, e: MouseEvent): [number, number] {
    const r = pane.canvas.getBoundingClientRect();
    return [(e.clientX - r.left) * pane.canvas.width / r.width, (e.clientY - r.top) * pane.canvas.height / r.height];
  }

  private voxelAt(pane: PlanePane, e: MouseEvent): Voxel | null {
    if (pane.plane === 'mip' && this.mipAngle !== 0) return null;
    const px = pane.pixelAt(...this.canvasPoint(pane, e));
    return px ? pane.geometry.voxelOf(px[0], px[1], this.cursor) : null;
  }

  private onPointerDown(plane: PlaneName, e: PointerEvent): void {
    const pane = this.panes.get(plane)!;
    this.focused = plane;
    this.focus();
    if (e.button === 1 || (e.button === 0 && e.altKey)) {
      this.drag = { pane, x: e.clientX, y: e.clientY, mode: 'pan', points: [], erase: false };
      pane.canvas.setPointerCapture(e.pointerId);
      return;
    }
    const voxel = this.voxelAt(pane, e);
    if (!voxel) return;
    if (this.tool !== 'click' && !this.readOnly && plane !== 'mip' && e.button === 0) {
      this.drag = { pane, x: e.clientX, y: e.clientY, mode: 'stroke', points: [voxel], erase: this.tool === 'erase' };
      pane.canvas.setPointerCapture(e.pointerId);
      return;
    }
    this.setCursor(voxel);
    if (plane !== 'mip' && this.pinning && e.button === 0) {
      this.dispatchEvent(new CustomEvent('petal-pin', { detail: { voxel }, bubbles: true, composed: true }));
    }
    if (plane !== 'mip' && !this.readOnly && (e.button === 0 || e.button === 2)) {
      const include = e.button === 0 && !e.shiftKey;
      this.dispatchEvent(new CustomEvent('petal-prompt', { detail: { voxel, include }, bubbles: true, composed: true }));
    }
  }

  private onPointerMove(plane: PlaneName, e: PointerEvent): void {
    const pane = this.panes.get(plane)!;
    if (this.drag?.mode === 'pan') {
      pane.panX += (e.clientX - this.drag.x) * devicePixelRatio;
      pane.panY += (e.clientY - this.drag.y) * devicePixelRatio;
      this.drag.x = e.clientX;
      this.drag.y = e.clientY;
      pane.draw(this.cursor, true);
      return;
    }
    const voxel = this.voxelAt(pane, e);
    if (this.drag?.mode === 'stroke' && voxel) {
      const last = this.drag.points[this.drag.points.length - 1];
      if (voxel.some((c, n) => c !== last[n])) this.drag.points.push(voxel);
    }
    this.updateReadout(pane, e, voxel);
  }

  private onPointerUp(plane: PlaneName, e: PointerEvent): void {
    const drag = this.drag;
    this.drag = null;
    const pane = this.panes.get(plane)!;
    if (pane.canvas.hasPointerCapture(e.pointerId)) pane.canvas.releasePointerCapture(e.pointerId);
    if (drag?.mode === 'stroke') {
      this.dispatchEvent(new CustomEvent('petal-stroke', {
        detail: { points: thin(drag.points, 512), erase: drag.erase, radiusMm: this.brushRadiusMm }, bubbles: true, composed: true,
      }));
    }
  }

  private onWheel(plane: PlaneName, e: WheelEvent): void {
    e.preventDefault();
    const pane = this.panes.get(plane)!;
    if (e.ctrlKey || plane === 'mip') {
      pane.zoom = Math.min(20, Math.max(0.5, pane.zoom * (e.deltaY < 0 ? 1.15 : 1 / 1.15)));
      pane.draw(this.cursor, true);
      return;
    }
    this.step(plane, e.deltaY < 0 ? 1 : -1);
  }

  /** Moves a plane's slice by delta, within the volume. */
  step(plane: PlaneName, delta: number): void {
    const pane = this.panes.get(plane);
    if (!pane || plane === 'mip') return;
    const n = Math.min(pane.geometry.sliceCount - 1, Math.max(0, pane.geometry.slice(this.cursor) + delta));
    this.scrollDirection.set(plane, delta < 0 ? -1 : 1);
    this.cursor = pane.geometry.withSlice(this.cursor, n);
    for (const p of PLANES) if (p === plane) this.load(p); else this.redrawCrosshair(p);
    this.requestUpdate();
  }

  private redrawCrosshair(plane: PlaneName): void {
    const pane = this.panes.get(plane);
    if (pane) pane.draw(this.cursor, true);
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    const target = e.composedPath()[0] as HTMLElement;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT')) return;
    const page = e.key === 'PageUp' ? 10 : e.key === 'PageDown' ? -10 : 0;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown' || page !== 0) {
      e.preventDefault();
      this.step(this.focused, page !== 0 ? page : e.key === 'ArrowUp' ? 1 : -1);
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      this.mipAngle = (this.mipAngle + (e.key === 'ArrowRight' ? 10 : 350)) % 360;
    } else if (e.key >= '1' && e.key <= '3' && !e.ctrlKey) {
      this.window = WINDOW_PRESETS[Number(e.key) - 1].window;
    } else if (e.key === 'i') {
      this.colourMap = this.colourMap === 'gray-inverted' ? 'pet' : this.colourMap === 'pet' ? 'gray' : 'gray-inverted';
    } else if (e.key === 'l') {
      this.layout = this.layout === '2x2' ? '1x1' : '2x2';
    } else if (e.key === 'o') {
      this.overlayMode = this.overlayMode === 'fill' ? 'outline' : 'fill';
    }
  };

  private updateReadout(pane: PlanePane, e: MouseEvent, voxel: Voxel | null): void {
    const px = pane.pixelAt(...this.canvasPoint(pane, e));
    if (!px || !pane.frame) { this.readout = ''; return; }
    const value = valueAt(pane.frame, px[0], px[1]);
    const where = voxel ? (pane.plane === 'mip' ? `i ${voxel[0]}, k ${voxel[2]} (MIP)` : `i ${voxel[0]}, j ${voxel[1]}, k ${voxel[2]}`) : '';
    const label = voxel && pane.plane !== 'mip' && this.labels ? this.labels.labelAt(...voxel) : 0;
    const labelText = label ? ` · ${this.labelNames.get(label) ?? `label ${label}`}` : '';
    const pin = voxel ? pane.pins.find(p => Math.abs(p.u - px[0]) <= 1 && Math.abs(p.v - px[1]) <= 1) : undefined;
    const pinText = pin ? ` · comment ${pin.pin.index}: ${pin.pin.text}` : '';
    this.readout = `${where} · ${value.toFixed(2)} ${unitLabel(pane.frame.unit)}${labelText}${pinText}`;
  }

  private drawColourBar(): void {
    const c = this.renderRoot.querySelector('.colour-bar canvas') as HTMLCanvasElement | null;
    if (!c) return;
    const ctx = c.getContext('2d')!;
    for (let x = 0; x < c.width; x++) {
      const [r, g, b] = colourAt(this.colourMap, x / (c.width - 1));
      ctx.fillStyle = `rgb(${r},${g},${b})`;
      ctx.fillRect(x, 0, 1, c.height);
    }
  }
}

/** Keeps at most max points of a stroke, evenly spread, first and last kept. */
export function thin<T>(points: T[], max: number): T[] {
  if (points.length <= max) return points;
  const out: T[] = [];
  for (let n = 0; n < max; n++) out.push(points[Math.round(n * (points.length - 1) / (max - 1))]);
  return out;
}

declare global {
  interface HTMLElementTagNameMap {
    'petal-pet-viewer': PetViewer;
  }
}
