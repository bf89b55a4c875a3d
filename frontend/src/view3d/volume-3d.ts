/**
 * <petal-volume-3d>: a rotatable 3D view of a case: the PET volume, downsampled on the server by block
 * maximum (GET /api/cases/{id}/volume/downsampled, docs/slices.md), rendered by vtk.js, with each label of
 * the segmentation as a coloured surface. Call updateLabels() with the full label map after every accept;
 * the element brings it onto the PET grid and rebuilds the surfaces in small steps between frames (no
 * long task: label downsampling a slab at a time, marching cubes a layer of cells at a time).
 *
 * Drag to rotate, right-drag or wheel to zoom, shift- or middle-drag to pan. After every render of new
 * content it sets `rendered` and dispatches `petal-3d-rendered` (bubbles, composed) with a
 * Rendered3dDetail.
 */
import { LitElement, html, css, PropertyValues } from 'lit';
import { customElement, property, state, query } from 'lit/decorators.js';

// Only the WebGL implementations this view draws with; vtk.js's rendering profiles would also pull in
// WebGPU and every other OpenGL class.
import '@kitware/vtk.js/Rendering/OpenGL/Camera';
import '@kitware/vtk.js/Rendering/OpenGL/Renderer';
import '@kitware/vtk.js/Rendering/OpenGL/Actor';
import '@kitware/vtk.js/Rendering/OpenGL/PolyDataMapper';
import '@kitware/vtk.js/Rendering/OpenGL/Volume';
import '@kitware/vtk.js/Rendering/OpenGL/VolumeMapper';
import vtkOpenGLRenderWindow from '@kitware/vtk.js/Rendering/OpenGL/RenderWindow';
import vtkRenderWindow from '@kitware/vtk.js/Rendering/Core/RenderWindow';
import vtkRenderer from '@kitware/vtk.js/Rendering/Core/Renderer';
import vtkRenderWindowInteractor from '@kitware/vtk.js/Rendering/Core/RenderWindowInteractor';
import vtkInteractorStyleTrackballCamera from '@kitware/vtk.js/Interaction/Style/InteractorStyleTrackballCamera';
import vtkVolume from '@kitware/vtk.js/Rendering/Core/Volume';
import vtkVolumeMapper from '@kitware/vtk.js/Rendering/Core/VolumeMapper';
import vtkColorTransferFunction from '@kitware/vtk.js/Rendering/Core/ColorTransferFunction';
import vtkPiecewiseFunction from '@kitware/vtk.js/Common/DataModel/PiecewiseFunction';
import vtkImageData from '@kitware/vtk.js/Common/DataModel/ImageData';
import vtkDataArray from '@kitware/vtk.js/Common/Core/DataArray';
import vtkActor from '@kitware/vtk.js/Rendering/Core/Actor';
import vtkMapper from '@kitware/vtk.js/Rendering/Core/Mapper';

import { frameValues, gridOrigin, parseVolumeFrame, Triple, VolumeFrame } from './volume-frame.js';
import { LabelDownsampler, labelBoxes, presentLabels, reducedDims } from './label-grid.js';
import { LabelSurface, LabelSurfaceJob, toPolyData } from './surfaces.js';
import { unitLabel } from '../protocol/slice-frame.js';

export type Rgb = [number, number, number];
export type Look = 'hot' | 'mip';

export interface Rendered3dDetail {
  caseId: number;
  caseVersion: number;
  /** Surfaces drawn (labels present in the map and in the colours). */
  surfaces: number;
  /** Their label values, ascending. */
  labels: number[];
  triangles: number;
  /** The PET grid: downsampled voxels along i, j, k. */
  volumeDims: Triple;
  /** Milliseconds per stage of the content this render shows; absent stages did not run for it. */
  timings: {
    fetchMs?: number; parseMs?: number;
    /** Work, and wall time including the browser's turns between steps. */
    labelDownsampleMs?: number; labelDownsampleWallMs?: number;
    surfacesMs?: number; surfacesWallMs?: number;
    renderMs: number;
  };
}

/** How long one step of the surface work may run before the element yields to the browser. */
const SLICE_BUDGET_MS = 8;

interface Pipeline {
  container: HTMLElement;
  gl: vtkOpenGLRenderWindow;
  window: vtkRenderWindow;
  renderer: vtkRenderer;
  interactor: vtkRenderWindowInteractor;
  volume: vtkVolume;
  mapper: vtkVolumeMapper;
  image: vtkImageData | null;
  actors: vtkActor[];
}

@customElement('petal-volume-3d')
export class Volume3d extends LitElement {
  /**
   * Setting another case drops the labels and surfaces of the previous one at once, so call updateLabels
   * for the new case after setting this.
   */
  @property({ type: Number })
  get caseId(): number {
    return this.currentCaseId;
  }
  set caseId(value: number) {
    const old = this.currentCaseId;
    if (value === old) return;
    this.currentCaseId = value;
    this.frame = null;
    this.labelInput = null;
    this.surfaces = [];
    this.requestUpdate('caseId', old);
  }
  /** Bumped by a lead's SUV correction; part of the URL so a corrected case is fetched again. */
  @property({ type: Number }) caseVersion = 0;
  /** Largest axis of the downsampled PET grid, 16..256 (the server's limits). */
  @property({ type: Number }) maxSize = 128;
  /** 'hot': composite rendering, hot colours on black; 'mip': maximum intensity, inverted grey on white. */
  @property({ reflect: true }) look: Look = 'hot';
  /** The SUV at the top of the colour and opacity ramps; ignored for a volume not in SUV (half its maximum). */
  @property({ type: Number }) windowHigh = 10;
  @property({ type: Number }) surfaceOpacity = 1;

  /** True once the view has been drawn with content; stays true. */
  rendered = false;

  @state() private status = '';
  @state() private error = '';
  @query('.view') private viewElement!: HTMLElement;

  private currentCaseId = 0;
  private vtk: Pipeline | null = null;
  private frame: VolumeFrame | null = null;
  private frameKey = '';
  private loading: AbortController | null = null;
  private labelInput: { labels: Uint8Array; dims: Triple; colours: Map<number, Rgb> } | null = null;
  private surfaces: LabelSurface[] = [];
  private surfaceColours = new Map<number, Rgb>();
  /** Bumped by every new content request; stale surface work sees the difference and stops. */
  private generation = 0;
  private timings: Rendered3dDetail['timings'] = { renderMs: 0 };
  /** updateLabels calls waiting for their surfaces to be drawn. */
  private waiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private readonly resizeObserver = new ResizeObserver(() => this.resize());

  static override styles = css`
    :host { display: flex; flex-direction: column; position: relative; min-height: 200px; background: #000; color: #ddd;
            font: 13px system-ui, sans-serif; }
    .view { flex: 1; position: relative; min-height: 0; overflow: hidden; }
    .bar { position: absolute; left: 6px; top: 4px; display: flex; gap: 8px; align-items: center; z-index: 1; }
    .status { position: absolute; left: 6px; bottom: 4px; z-index: 1; pointer-events: none; text-shadow: 0 0 2px #000;
              font-variant-numeric: tabular-nums; }
    :host([look="mip"]) .status, :host([look="mip"]) .bar { color: #222; text-shadow: none; }
    .error { color: #ff8080; }
  `;

  override render() {
    return html`
      <div class="view" data-testid="view-3d"></div>
      <div class="bar">
        <select data-testid="look-3d" @change=${(e: Event) => { this.look = (e.target as HTMLSelectElement).value as Look; }}>
          <option value="hot" ?selected=${this.look === 'hot'}>hot</option>
          <option value="mip" ?selected=${this.look === 'mip'}>MIP</option>
        </select>
        <button data-testid="reset-3d" @click=${() => this.resetCamera()}>Reset view</button>
      </div>
      <div class="status ${this.error ? 'error' : ''}" data-testid="status-3d">${this.error || this.status}</div>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reattached after a disconnect: build the WebGL view again around the data kept, and finish what the
    // disconnect cut short.
    if (this.hasUpdated) {
      void this.updateComplete.then(() => {
        this.setUp();
        void this.loadVolume();
        if (this.frame !== null && this.labelInput !== null) this.buildSurfaces(++this.generation).catch(e => this.fail(e));
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.loading !== null) {
      this.loading.abort();
      this.frameKey = '';   // fetch again when reattached
    }
    this.generation++;
    this.settle(new DOMException('petal-volume-3d was removed from the page', 'AbortError'));
    this.tearDown();
  }

  protected override firstUpdated(): void {
    this.setUp();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('caseId') || changed.has('caseVersion') || changed.has('maxSize')) void this.loadVolume();
    if (changed.has('look') || changed.has('windowHigh')) {
      this.applyLook();
      this.draw();
    }
    if (changed.has('surfaceOpacity')) {
      for (const a of this.vtk?.actors ?? []) a.getProperty().setOpacity(this.surfaceOpacity);
      this.draw();
    }
  }

  /**
   * Shows each label of a full-resolution label map as a coloured surface, replacing the previous ones.
   * `labels` holds one byte per voxel, i fastest, over the case's `dims` [nx, ny, nz]; `colours` gives
   * r, g, b (0–255) per label value, and a label without a colour is not drawn. Resolves when the
   * surfaces are on screen, also when the volume arrives later or a later call supersedes this one; rejects
   * when the map does not fit the case's volume or the volume cannot be loaded.
   */
  updateLabels(labels: Uint8Array, dims: [number, number, number], colours: Map<number, [number, number, number]>): Promise<void> {
    if (labels.length !== dims[0] * dims[1] * dims[2]) {
      return Promise.reject(new Error(`the label map holds ${labels.length} voxels, dims ${dims.join('x')} make `
        + `${dims[0] * dims[1] * dims[2]}`));
    }
    const misfit = this.frame === null ? null : this.misfit(dims, this.frame);
    if (misfit !== null) return Promise.reject(new Error(misfit));   // keep the surfaces of the last good map
    this.labelInput = { labels, dims: [...dims], colours: new Map(colours) };
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (this.frame !== null) this.buildSurfaces(++this.generation).catch(e => this.fail(e));
    return done;
  }

  /** Back to the anterior view of the whole volume, head up. */
  resetCamera(): void {
    const p = this.vtk;
    if (p === null || p.image === null) return;
    const camera = p.renderer.getActiveCamera();
    const b = p.image.getBounds();
    const centre = [(b[0] + b[1]) / 2, (b[2] + b[3]) / 2, (b[4] + b[5]) / 2];
    // Looking along +j (anterior to posterior for an LPS acquisition) with k up: the coronal slices' view.
    camera.setFocalPoint(centre[0], centre[1], centre[2]);
    camera.setPosition(centre[0], centre[1] - 1, centre[2]);
    camera.setViewUp(0, 0, 1);
    p.renderer.resetCamera();
    this.draw();
  }

  private async loadVolume(): Promise<void> {
    if (!(this.caseId > 0)) return;
    const key = `${this.caseId}/${this.caseVersion}/${this.maxSize}`;
    if (key === this.frameKey) return;
    this.frameKey = key;
    this.loading?.abort();
    const controller = new AbortController();
    this.loading = controller;
    this.generation++;
    this.error = '';
    this.status = 'loading volume…';
    try {
      const t0 = performance.now();
      const res = await fetch(`/api/cases/${this.caseId}/volume/downsampled?maxSize=${this.maxSize}&v=${this.caseVersion}`,
        { credentials: 'same-origin', signal: controller.signal });
      if (!res.ok) throw new Error(`volume of case ${this.caseId}: HTTP ${res.status}`);
      const buffer = await res.arrayBuffer();
      const t1 = performance.now();
      const frame = parseVolumeFrame(buffer);
      const values = frameValues(frame);
      const t2 = performance.now();
      if (controller.signal.aborted) return;
      // Label work started before the volume arrived (none could, without a frame) is superseded here.
      const generation = ++this.generation;
      // A new case (no frame yet) starts from the default view; a new version of the same case keeps the
      // user's rotation.
      const first = this.frame === null;
      this.frame = frame;
      this.timings = { fetchMs: t1 - t0, parseMs: t2 - t1, renderMs: 0 };
      this.showVolume(frame, values, first);
      if (this.labelInput !== null) {
        await this.buildSurfaces(generation);
      } else {
        this.showSurfaces();
        this.announce(generation);
      }
    } catch (e) {
      if (controller.signal.aborted) return;
      this.fail(e);
    } finally {
      if (this.loading === controller) this.loading = null;
    }
  }

  /** Downsamples the labels to the PET grid and runs marching cubes per label, yielding between steps. */
  private async buildSurfaces(generation: number): Promise<void> {
    const frame = this.frame, input = this.labelInput;
    if (frame === null || input === null) return;
    const misfit = this.misfit(input.dims, frame);
    if (misfit !== null) throw new Error(misfit);
    this.status = 'building surfaces…';
    let sliceStart = performance.now();
    const yieldNow = async (): Promise<boolean> => {
      if (performance.now() - sliceStart < SLICE_BUDGET_MS) return generation === this.generation;
      await new Promise(resolve => setTimeout(resolve, 0));
      sliceStart = performance.now();
      return generation === this.generation;
    };
    let work = 0;
    const t0 = performance.now();
    const downsampler = new LabelDownsampler(input.labels, input.dims, frame.factors, presentLabels(input.labels));
    for (let c = 0; c < downsampler.slabs; c++) {
      const s = performance.now();
      downsampler.slab(c);
      work += performance.now() - s;
      if (!await yieldNow()) return;
    }
    const t1 = performance.now();
    const labelDownsampleMs = work;
    work = 0;
    const boxes = labelBoxes(downsampler.out, frame.dims);
    const origin = gridOrigin(frame);
    const surfaces: LabelSurface[] = [];
    for (const [value, box] of [...boxes].sort((a, b) => a[0] - b[0])) {
      if (!input.colours.has(value)) continue;
      let s = performance.now();
      const job = new LabelSurfaceJob(downsampler.out, frame.dims, value, box, origin, frame.spacing);
      while (job.step()) {
        if (performance.now() - sliceStart >= SLICE_BUDGET_MS) {
          work += performance.now() - s;
          if (!await yieldNow()) return;
          s = performance.now();
        }
      }
      surfaces.push(job.result());
      work += performance.now() - s;
    }
    const t2 = performance.now();
    if (generation !== this.generation) return;
    this.surfaces = surfaces;
    this.surfaceColours = input.colours;
    this.timings = {
      ...this.timings, labelDownsampleMs, labelDownsampleWallMs: t1 - t0, surfacesMs: work, surfacesWallMs: t2 - t1,
      renderMs: 0,
    };
    this.showSurfaces();
    this.announce(generation);
  }

  /** Why a label map of these dims cannot go on the frame's grid, or null when it can. */
  private misfit(dims: Triple, frame: VolumeFrame): string | null {
    const expected = reducedDims(dims, frame.factors);
    return expected.some((n, a) => n !== frame.dims[a])
      ? `a label map of ${dims.join('x')} does not fit the volume of case ${this.caseId} `
        + `(${frame.dims.join('x')} voxels of ${frame.factors.join('x')})`
      : null;
  }

  private setUp(): void {
    if (this.vtk !== null || !this.viewElement) return;
    const container = this.viewElement;
    const window = vtkRenderWindow.newInstance();
    const renderer = vtkRenderer.newInstance();
    window.addRenderer(renderer);
    const gl = vtkOpenGLRenderWindow.newInstance();
    window.addView(gl);
    gl.setContainer(container);
    const interactor = vtkRenderWindowInteractor.newInstance();
    interactor.setView(gl);
    interactor.initialize();
    interactor.bindEvents(container);
    interactor.setInteractorStyle(vtkInteractorStyleTrackballCamera.newInstance());
    const mapper = vtkVolumeMapper.newInstance();
    const volume = vtkVolume.newInstance();
    volume.setMapper(mapper);
    this.vtk = { container, gl, window, renderer, interactor, volume, mapper, image: null, actors: [] };
    this.resizeObserver.observe(container);
    this.resize();
    this.applyLook();
    // Data kept across a disconnect goes back on screen.
    if (this.frame !== null) {
      this.showVolume(this.frame, frameValues(this.frame), true);
      this.showSurfaces();
      this.draw();
    }
  }

  private tearDown(): void {
    const p = this.vtk;
    if (p === null) return;
    this.resizeObserver.disconnect();
    p.interactor.unbindEvents();
    for (const a of p.actors) {
      a.getMapper()?.delete();
      a.delete();
    }
    p.volume.delete();
    p.mapper.delete();
    p.image?.delete();
    p.interactor.delete();
    p.renderer.delete();
    p.window.delete();
    p.gl.delete();
    p.container.replaceChildren();
    this.vtk = null;
  }

  private resize(): void {
    const p = this.vtk;
    if (p === null) return;
    const r = p.container.getBoundingClientRect();
    const dpr = globalThis.devicePixelRatio || 1;
    p.gl.setSize(Math.max(1, Math.floor(r.width * dpr)), Math.max(1, Math.floor(r.height * dpr)));
    this.draw();
  }

  private showVolume(frame: VolumeFrame, values: Float32Array, resetCamera: boolean): void {
    const p = this.vtk;
    if (p === null) return;
    const image = vtkImageData.newInstance();
    image.setDimensions(frame.dims[0], frame.dims[1], frame.dims[2]);
    image.setSpacing(frame.spacing);
    image.setOrigin(gridOrigin(frame));
    image.getPointData().setScalars(vtkDataArray.newInstance({ name: 'pet', numberOfComponents: 1, values }));
    p.mapper.setInputData(image);
    p.image?.delete();
    p.image = image;
    // Half a voxel per sample: enough for a downsampled grid, and what a software renderer can afford.
    p.mapper.setSampleDistance(0.5 * Math.min(...frame.spacing));
    p.mapper.setMaximumSamplesPerRay(4000);
    p.volume.getProperty().setScalarOpacityUnitDistance(0, Math.min(...frame.spacing));
    if (!p.renderer.getVolumes().includes(p.volume)) p.renderer.addVolume(p.volume);
    this.applyLook();
    this.status = `${frame.dims.join('×')} voxels of ${frame.spacing.map(s => s.toFixed(1)).join('×')} mm, ${unitLabel(frame.unit)}`;
    if (resetCamera) this.resetCamera();
  }

  private showSurfaces(): void {
    const p = this.vtk;
    if (p === null) return;
    for (const a of p.actors) {
      p.renderer.removeActor(a);
      a.getMapper()?.delete();
      a.delete();
    }
    p.actors = this.surfaces.map(s => {
      const mapper = vtkMapper.newInstance({ scalarVisibility: false });
      mapper.setInputData(toPolyData(s.mesh));
      const actor = vtkActor.newInstance();
      actor.setMapper(mapper);
      const [r, g, b] = this.surfaceColours.get(s.value) ?? [255, 255, 255];
      const property = actor.getProperty();
      property.setColor(r / 255, g / 255, b / 255);
      property.setOpacity(this.surfaceOpacity);
      property.setSpecular(0.2);
      property.setSpecularPower(20);
      p.renderer.addActor(actor);
      return actor;
    });
  }

  /** Colour and opacity ramps over 0..top; top = windowHigh SUV, or a share of the maximum when not SUV. */
  private applyLook(): void {
    const p = this.vtk;
    if (p === null) return;
    const frame = this.frame;
    const top = frame === null || frame.unit === 'SUVbw' ? this.windowHigh : (frame.offset + frame.scale * 65535) / 2;
    const colour = vtkColorTransferFunction.newInstance();
    const opacity = vtkPiecewiseFunction.newInstance();
    if (this.look === 'mip') {
      // Inverted grey: what a reader sees on a PET MIP, darker where hotter, on white.
      colour.addRGBPoint(0, 1, 1, 1);
      colour.addRGBPoint(top, 0, 0, 0);
      opacity.addPoint(0, 0);
      opacity.addPoint(top, 1);
      p.mapper.setBlendModeToMaximumIntensity();
      p.renderer.setBackground(1, 1, 1);
    } else {
      // Hot: black, red, yellow, white. Below SUV ~1 (air, most soft tissue) nearly transparent, so the
      // body is a faint glow and uptake stands out.
      colour.addRGBPoint(0, 0, 0, 0);
      colour.addRGBPoint(top * 0.1, 0.45, 0.05, 0);
      colour.addRGBPoint(top / 3, 0.95, 0.1, 0);
      colour.addRGBPoint((2 * top) / 3, 1, 0.8, 0);
      colour.addRGBPoint(top, 1, 1, 1);
      opacity.addPoint(0, 0);
      opacity.addPoint(top * 0.05, 0);
      opacity.addPoint(top * 0.1, 0.015);
      opacity.addPoint(top * 0.25, 0.05);
      opacity.addPoint(top * 0.5, 0.3);
      opacity.addPoint(top, 0.8);
      p.mapper.setBlendModeToComposite();
      p.renderer.setBackground(0, 0, 0);
    }
    const property = p.volume.getProperty();
    property.setRGBTransferFunction(0, colour);
    property.setScalarOpacity(0, opacity);
    property.setInterpolationTypeToLinear();
    property.setShade(false);
  }

  private draw(): number {
    const p = this.vtk;
    if (p === null) return 0;
    const t0 = performance.now();
    p.window.render();
    return performance.now() - t0;
  }

  private announce(generation: number): void {
    if (generation !== this.generation || this.vtk === null || this.frame === null) return;
    const renderMs = this.draw();
    this.timings = { ...this.timings, renderMs };
    this.rendered = true;
    const detail: Rendered3dDetail = {
      caseId: this.caseId,
      caseVersion: this.caseVersion,
      surfaces: this.surfaces.length,
      labels: this.surfaces.map(s => s.value),
      triangles: this.surfaces.reduce((n, s) => n + s.triangles, 0),
      volumeDims: [...this.frame.dims],
      timings: this.timings,
    };
    if (this.surfaces.length > 0) {
      const t = this.timings;
      this.status = `${this.frame.dims.join('×')} voxels, ${detail.surfaces} surfaces (${detail.triangles} triangles); `
        + `labels ${(t.labelDownsampleMs ?? 0).toFixed(0)} ms, surfaces ${(t.surfacesMs ?? 0).toFixed(0)} ms, render ${renderMs.toFixed(0)} ms`;
    }
    this.dispatchEvent(new CustomEvent<Rendered3dDetail>('petal-3d-rendered', { detail, bubbles: true, composed: true }));
    this.settle();
  }

  private fail(e: unknown): void {
    const error = e instanceof Error ? e : new Error(String(e));
    this.error = error.message;
    this.settle(error);
  }

  /** Resolves (or, given an error, rejects) every waiting updateLabels call. */
  private settle(error?: Error): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) {
      if (error) w.reject(error); else w.resolve();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'petal-volume-3d': Volume3d;
  }
}
