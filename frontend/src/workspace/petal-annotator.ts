/**
 * <petal-annotator assignment-id="N">: the annotator's workspace. The PET viewer, the label list, the
 * tools (include/exclude clicks, brush, eraser), undo/redo/reset, accept and submit, over the
 * /ws/annotate socket. A reload resumes the sitting the server kept (protocol `resume`), so work in
 * progress survives it; accepted revisions are on the server.
 * With mode="review" it is the reviewer's read-only view instead: no socket, no tools; the revision history
 * with compare, and the review panel (pins, summary, approve / request changes). Review comments are
 * listed and pinned on the image in both modes. See docs/review.md.
 */
import { LitElement, html, css } from 'lit';
import { customElement, property, state, query } from 'lit/decorators.js';
import { AnnotationSocket, ObjectSummary, ProtocolError, Reply, Result, Voxel } from '../protocol/annotation-socket.js';
import { LabelVolume } from '../model/label-volume.js';
import { PetViewer, Tool } from '../viewer/pet-viewer.js';
import { parseHexColour } from '../viewer/colour-maps.js';
import { AssignmentInfo, CaseInfo, getJson, getLabels, LabelInfo, postJson, ProjectInfo, ReviewInfo } from './api.js';
import { SHORTCUTS } from './shortcuts.js';
import type { Pin } from '../viewer/pins.js';
import { DIFF_CLASSES } from '../model/revision-diff.js';
import { LegendEntry, ViewerInputMemo } from './viewer-inputs.js';
import { pinsOfReviews } from './review-model.js';
import type { ReviewPanel } from './review-panel.js';
import './review-panel.js';
import './review-comments.js';
import './revision-history.js';
import './lesion-stats.js';
import '../view3d/volume-3d.js';
import type { Volume3d } from '../view3d/volume-3d.js';

interface ActiveObject { objectId: number; labelValue: number }

const COMPARE_LEGEND: LegendEntry[] = DIFF_CLASSES.map(c => ({ value: c.code, colour: c.colour, name: c.name }));

@customElement('petal-annotator')
export class PetalAnnotator extends LitElement {
  @property({ type: Number, attribute: 'assignment-id' }) assignmentId = 0;
  /** 'annotate' (the annotator's workspace) or 'review' (read only, with the review panel). */
  @property() mode: 'annotate' | 'review' = 'annotate';

  @state() private assignment: AssignmentInfo | null = null;
  @state() private petCase: CaseInfo | null = null;
  @state() private labels: LabelInfo[] = [];
  @state() private selected = 0;
  @state() private hiddenLabels = new Set<number>();
  @state() private locked = new Set<number>();
  @state() private tool: Tool = 'click';
  @state() private brushMm = 5;
  @state() private engine = '';
  @state() private status = 'Loading…';
  @state() private latency = '';
  @state() private unsaved = false;
  @state() private revisionId = 0;
  @state() private showHelp = false;
  @state() private busy = false;
  @state() private show3d = false;
  @state() private reviews: ReviewInfo[] = [];
  @state() private reviewsError = '';
  /** The comments of earlier reviews and the reviewer's pending ones, as the viewer draws them. */
  @state() private pins: Pin[] = [];
  /** The overlay shows a compare map of two revisions (compare colours), not a label map. */
  @state() private comparing = false;

  @query('petal-pet-viewer') private viewer!: PetViewer;
  @query('petal-volume-3d') private view3d!: Volume3d | null;
  @query('petal-review-panel') private reviewPanel!: ReviewPanel | null;

  private volume: LabelVolume | null = null;
  private socket: AnnotationSocket | null = null;
  private active: ActiveObject | null = null;
  private newObjectRequested = false;

  static override styles = css`
    :host { display: grid; grid-template-columns: 230px 1fr auto; height: 100%; min-height: 0; background: #15171a; color: #ddd; font: 13px system-ui, sans-serif; }
    aside { overflow: auto; padding: 8px; border-right: 1px solid #333; display: flex; flex-direction: column; gap: 10px; }
    petal-pet-viewer { min-height: 0; }
    .right { width: 360px; border-left: 1px solid #333; display: flex; flex-direction: column; min-height: 0; }
    .right petal-volume-3d { height: 320px; flex: none; }
    .right .stats { overflow: auto; padding: 8px; }
    .right .review { overflow: auto; padding: 8px; display: flex; flex-direction: column; gap: 12px; max-height: 60%; flex: none; }
    h3 { margin: 0 0 4px; font-size: 12px; text-transform: uppercase; color: #9ab; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { display: flex; align-items: center; gap: 6px; padding: 3px 4px; border-radius: 3px; cursor: pointer; }
    li.selected { background: #2b3440; }
    .swatch { width: 12px; height: 12px; border-radius: 2px; flex: none; }
    .name { flex: 1; }
    button { margin: 2px 2px 2px 0; }
    .tools button.on { background: #3a8ee6; color: #fff; }
    .status { color: #bcd; min-height: 2.6em; }
    .help { position: fixed; inset: 10% 25%; background: #222; border: 1px solid #555; padding: 16px; overflow: auto; z-index: 10; }
    .help table td { padding: 2px 10px 2px 0; }
    kbd { background: #333; padding: 0 4px; border-radius: 3px; }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    this.start().catch(e => { this.status = `Could not open the assignment: ${(e as Error).message}`; });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
  }

  private async start(): Promise<void> {
    const a = await getJson<AssignmentInfo>(`/api/assignments/${this.assignmentId}`);
    const c = await getJson<CaseInfo>(`/api/cases/${a.caseId}`);
    const p = await getJson<ProjectInfo>(`/api/projects/${c.projectId}`);
    this.assignment = a;
    this.labels = p.labels;
    this.selected = p.labels[0]?.value ?? 0;
    this.volume = new LabelVolume(c.dims);
    this.petCase = c;
    if (this.manualArm) this.tool = 'brush';
    this.loadReviews();
    if (this.mode === 'review') {
      this.status = 'Review: read only. Click the image to pin a comment.';
      return;  // <petal-revision-history> lays the newest revision over the image
    }
    if (a.state === 'SUBMITTED' || a.state === 'APPROVED') {
      await this.loadNewestRevision();
      this.status = `This assignment is ${a.state.toLowerCase()}: read only.`;
      return;
    }
    await this.connect();
  }

  private async connect(): Promise<void> {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new AnnotationSocket(`${scheme}://${location.host}/ws/annotate`);
    socket.onDelta = d => { this.volume!.apply(d); this.viewer?.refreshOverlay(); };
    socket.onClosed = reason => { this.status = `Disconnected (${reason}). Reload to resume your work.`; };
    await socket.connect();
    this.socket = socket;
    const resumed = await socket.send({ type: 'resume', assignmentId: this.assignmentId });
    const base = resumed.baseRevisionId as number | null;
    if (base !== null) {
      // Laid under the objects whose deltas came before the reply.
      this.volume!.setBase(await getLabels(base, this.voxelCount()));
    }
    this.revisionId = await this.newestRevisionId();  // may be newer than the base: accepted in the resumed sitting
    const objects = (resumed.objects as ObjectSummary[]) ?? [];
    if (objects.length > 0) {
      const last = objects[objects.length - 1];
      this.active = { objectId: last.objectId, labelValue: last.labelValue };
      this.selected = last.labelValue;
      this.engine = last.engine;
      this.unsaved = Boolean(resumed.unsaved);
      this.status = `Resumed your work: ${objects.length} object(s).`;
    } else {
      this.status = this.manualArm
        ? 'Ready: manual arm of a time study, so the brush and eraser only (B, E). Press ? for shortcuts.'
        : 'Ready: left click includes, right or Shift+click excludes. Press ? for shortcuts.';
    }
    socket.startHeartbeat(Number(resumed.heartbeatMs) || 15000);
    this.viewer?.refreshOverlay(true);
  }

  /**
   * Reviews are shown in both modes. Without them the workspace still works, so a failure is said in the
   * comments' place, not in the status line the annotator's work reports to.
   */
  private async loadReviews(): Promise<void> {
    try {
      this.reviews = await getJson<ReviewInfo[]>(`/api/assignments/${this.assignmentId}/reviews`);
      this.pins = pinsOfReviews(this.reviews);
      this.reviewsError = '';
    } catch (e) {
      this.reviewsError = `Review comments unavailable: ${(e as Error).message}`;
    }
  }

  private voxelCount(): number {
    const [nx, ny, nz] = this.petCase!.dims;
    return nx * ny * nz;
  }

  private async newestRevisionId(): Promise<number> {
    const revisions = await getJson<{ id: number }[]>(`/api/assignments/${this.assignmentId}/revisions`);
    return revisions.length ? revisions[revisions.length - 1].id : 0;
  }

  private async loadNewestRevision(): Promise<void> {
    const newest = await this.newestRevisionId();
    if (newest) {
      this.volume!.setBase(await getLabels(newest, this.voxelCount()));
      this.revisionId = newest;
      this.viewer?.refreshOverlay(true);
    }
  }

  /** A time study's manual arm: the brush and eraser only (the server refuses AI clicks as well). */
  private get manualArm(): boolean {
    return this.assignment?.mode === 'MANUAL';
  }

  private get editable(): boolean {
    return this.socket !== null && this.assignment !== null && this.assignment.state !== 'SUBMITTED' && this.assignment.state !== 'APPROVED';
  }

  /** Opens a new object for the selected label when the edit must not go to the active one. */
  private async ensureObject(): Promise<boolean> {
    if (this.locked.has(this.selected)) {
      this.status = 'This label is locked: unlock it to edit.';
      return false;
    }
    if (this.active && this.active.labelValue === this.selected && !this.newObjectRequested) return true;
    const label = this.labels.find(l => l.value === this.selected)!;
    const ready = await this.socket!.send({ type: 'open', assignmentId: this.assignmentId, label: label.value, engine: this.engine || null });
    this.active = { objectId: Number(ready.objectId), labelValue: label.value };
    this.engine = String(ready.engine);
    this.newObjectRequested = false;
    return true;
  }

  private async edit(message: Record<string, unknown>, needsObject: boolean): Promise<void> {
    if (!this.editable || this.busy && message.type !== 'click') return;
    const started = performance.now();
    try {
      if (needsObject && !(await this.ensureObject())) return;
      if (!needsObject && !this.active) { this.status = 'Nothing to undo yet.'; return; }
      const reply = await this.socket!.send(message) as Result;
      this.report(reply, performance.now() - started);
    } catch (e) {
      this.status = e instanceof ProtocolError ? `${e.message}${e.retryable ? ' (try again)' : ''}` : String(e);
    }
  }

  private report(r: Result, roundTripMs: number): void {
    if (r.outcome !== 'REFUSED') this.unsaved = true;
    this.status = r.outcome === 'REFUSED' || r.message ? r.message : `${r.action}: ${r.maskVoxels} voxels, ${r.prompts} click(s)`;
    this.latency = `engine ${r.totalMs.toFixed(0)} ms · server ${r.serverMs.toFixed(0)} ms · round trip ${roundTripMs.toFixed(0)} ms`;
    this.dispatchEvent(new CustomEvent('petal-edit-done', { detail: { outcome: r.outcome, roundTripMs }, bubbles: true, composed: true }));
  }

  private async accept(): Promise<number | null> {
    if (!this.editable || !this.active) { this.status = 'Nothing to accept yet.'; return null; }
    try {
      const reply: Reply = await this.socket!.send({ type: 'accept' });
      this.revisionId = Number(reply.revisionId);
      this.unsaved = false;
      this.status = `Accepted: revision ${this.revisionId} saved on the server.`;
      this.update3d();
      this.dispatchEvent(new CustomEvent('petal-accepted', { detail: { revisionId: this.revisionId }, bubbles: true, composed: true }));
      return this.revisionId;
    } catch (e) {
      this.status = `Not saved: ${(e as Error).message}`;
      return null;
    }
  }

  private async submit(): Promise<void> {
    if (!this.editable) return;
    if (this.unsaved && (await this.accept()) === null) return;
    if (this.revisionId === 0) { this.status = 'Accept a segmentation before submitting.'; return; }
    try {
      const a = await getJson<AssignmentInfo>(`/api/assignments/${this.assignmentId}`);
      this.assignment = await postJson<AssignmentInfo>(`/api/assignments/${this.assignmentId}/submit?version=${a.version}`);
      if (this.socket) {
        this.socket.onClosed = () => undefined;  // the sitting ends on purpose
        this.socket.close();
      }
      this.socket = null;
      this.status = 'Submitted for review.';
    } catch (e) {
      this.status = `Not submitted: ${(e as Error).message}`;
    }
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    const target = e.composedPath()[0] as HTMLElement;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA' || target.tagName === 'VAADIN-TEXT-FIELD')) return;
    const key = e.key.toLowerCase();
    if (this.mode === 'review' && !(e.key === '?' || key === 'h' || e.key === 'Escape')) return;  // no tools to switch, nothing to edit
    if ((e.ctrlKey || e.metaKey) && key === 'z') { e.preventDefault(); this.edit({ type: e.shiftKey ? 'redo' : 'undo' }, false); }
    else if ((e.ctrlKey || e.metaKey) && key === 'y') { e.preventDefault(); this.edit({ type: 'redo' }, false); }
    else if ((e.ctrlKey || e.metaKey) && key === 's') { e.preventDefault(); this.accept(); }
    else if (e.ctrlKey || e.metaKey || e.altKey) return;
    else if (key === 'c' && !this.manualArm) this.tool = 'click';
    else if (key === 'b') this.tool = 'brush';
    else if (key === 'e') this.tool = 'erase';
    else if (key === '[') this.brushMm = Math.max(0.5, this.brushMm - 1);
    else if (key === ']') this.brushMm = Math.min(50, this.brushMm + 1);
    else if (key === 'n') { this.newObjectRequested = true; this.status = 'The next click starts a new object.'; }
    else if (e.key === '?' || key === 'h') this.showHelp = !this.showHelp;
    else if (e.key === 'Escape') this.showHelp = false;
  };

  override render() {
    const { viewerCase, colours, names } = this.viewerInputs();
    return html`
      <aside>
        <section><h3>Labels</h3><ul data-testid="labels">
          ${this.labels.map(l => html`<li class=${l.value === this.selected ? 'selected' : ''} @click=${() => { this.selected = l.value; }}>
            <span class="swatch" style="background:${l.colour}"></span><span class="name">${l.name}</span>
            <input type="checkbox" title="visible" .checked=${!this.hiddenLabels.has(l.value)} @click=${(e: Event) => e.stopPropagation()}
              @change=${(e: Event) => this.toggle(this.hiddenLabels, l.value, !(e.target as HTMLInputElement).checked, 'hiddenLabels')}>
            <input type="checkbox" title="locked" .checked=${this.locked.has(l.value)} @click=${(e: Event) => e.stopPropagation()}
              @change=${(e: Event) => this.toggle(this.locked, l.value, (e.target as HTMLInputElement).checked, 'locked')}>
          </li>`)}
        </ul></section>
        <petal-review-comments .reviews=${this.reviews} .error=${this.reviewsError} @petal-pin-select=${(e: CustomEvent) => this.viewer?.setCursor(e.detail.voxel)}></petal-review-comments>
        ${this.mode === 'review' ? '' : html`<section class="tools"><h3>Tools</h3>
          <button class=${this.tool === 'click' ? 'on' : ''} ?disabled=${this.manualArm} data-testid="tool-click"
            title=${this.manualArm ? 'Manual arm of a time study: AI clicks are off' : 'AI click: include left, exclude right'}
            @click=${() => { this.tool = 'click'; }}>Click (C)</button>
          <button class=${this.tool === 'brush' ? 'on' : ''} @click=${() => { this.tool = 'brush'; }}>Brush (B)</button>
          <button class=${this.tool === 'erase' ? 'on' : ''} @click=${() => { this.tool = 'erase'; }}>Eraser (E)</button>
          <label>Size <input type="range" min="0.5" max="50" step="0.5" .value=${String(this.brushMm)}
            @input=${(e: Event) => { this.brushMm = Number((e.target as HTMLInputElement).value); }}> ${this.brushMm} mm</label>
          <label>Engine <select @change=${(e: Event) => { this.engine = (e.target as HTMLSelectElement).value; this.newObjectRequested = true; }}>
            ${['', 'suv-grow', 'segany'].map(n => html`<option value=${n} ?selected=${n === this.engine}>${n || 'label default'}</option>`)}
          </select></label>
        </section>
        <section><h3>Edit</h3>
          <button data-testid="undo" @click=${() => this.edit({ type: 'undo' }, false)}>Undo</button>
          <button data-testid="redo" @click=${() => this.edit({ type: 'redo' }, false)}>Redo</button>
          <button data-testid="reset" @click=${() => this.edit({ type: 'reset' }, false)}>Reset object</button>
          <button @click=${() => { this.newObjectRequested = true; }}>New object (N)</button>
          <button data-testid="accept" @click=${() => this.accept()}>Accept</button>
          <button data-testid="submit" @click=${() => this.submit()}>Submit for review</button>
        </section>`}
        <section><div class="status" data-testid="status">${this.status}</div>
          <div data-testid="latency">${this.latency}</div>
          <div>${this.unsaved ? 'Unaccepted changes (kept on the server while you reload)' : ''}</div></section>
        <button @click=${() => { this.showHelp = true; }}>Shortcuts (?)</button>
      </aside>
      <petal-pet-viewer .petCase=${viewerCase} .labels=${this.volume} .labelColours=${colours} .labelNames=${names}
        .tool=${this.tool} .brushRadiusMm=${this.brushMm} ?readOnly=${!this.editable} .pins=${this.pins} ?pinning=${this.mode === 'review'}
        @petal-pin=${(e: CustomEvent) => this.reviewPanel?.addPin(e.detail.voxel)}
        @petal-prompt=${(e: CustomEvent) => this.edit({ type: 'click', voxel: e.detail.voxel as Voxel, include: e.detail.include }, true)}
        @petal-stroke=${(e: CustomEvent) => this.edit({ type: 'brush', erase: e.detail.erase, radiusMm: e.detail.radiusMm, points: e.detail.points }, true)}>
      </petal-pet-viewer>
      <div class="right ${this.show3d ? '' : 'closed'}">
        <button data-testid="toggle-3d" @click=${() => this.toggle3d()}>${this.show3d ? 'Hide 3D' : '3D view'}</button>
        ${this.show3d && this.petCase ? html`<petal-volume-3d .caseId=${this.petCase.id} .caseVersion=${this.petCase.version}></petal-volume-3d>` : ''}
        ${this.mode === 'review' && this.petCase ? this.renderReview() : ''}
        <div class="stats"><h3>Statistics</h3><petal-lesion-stats .revisionId=${this.revisionId}></petal-lesion-stats></div>
      </div>
      ${this.showHelp ? html`<div class="help" data-testid="help"><h3>Shortcuts</h3><table>
        ${SHORTCUTS.map(([k, what]) => html`<tr><td><kbd>${k}</kbd></td><td>${what}</td></tr>`)}</table>
        <button @click=${() => { this.showHelp = false; }}>Close (Esc)</button></div>` : ''}`;
  }

  private renderReview() {
    const earlier = pinsOfReviews(this.reviews);
    return html`<div class="review">
      <petal-revision-history .assignmentId=${this.assignmentId} .voxels=${this.voxelCount()}
        @petal-revision-shown=${(e: CustomEvent) => this.overlay(e.detail.labels, false, e.detail.revisionId)}
        @petal-revisions-compared=${(e: CustomEvent) => this.overlay(e.detail.classes, true, this.revisionId)}></petal-revision-history>
      <petal-review-panel .assignmentId=${this.assignmentId} .assignment=${this.assignment} .firstIndex=${earlier.length + 1}
        @petal-pending-pins=${(e: CustomEvent) => { this.pins = [...earlier, ...e.detail.pins]; }}
        @petal-reviewed=${() => this.afterReview()}></petal-review-panel></div>`;
  }

  /** Lays a revision's label map, or a compare map, over the image (review mode). */
  private overlay(labels: Uint8Array, comparing: boolean, revisionId: number): void {
    this.volume!.setBase(labels);
    this.comparing = comparing;
    this.revisionId = revisionId;
    this.viewer?.refreshOverlay(true);
    this.update3d();
  }

  private async afterReview(): Promise<void> {
    this.assignment = await getJson<AssignmentInfo>(`/api/assignments/${this.assignmentId}`).catch(() => this.assignment);
    await this.loadReviews();
  }

  /**
   * The 3D view is built only when asked for: volume rendering is costly without a GPU, and it is updated
   * after accept (the accepted state), not on every click.
   */
  private async toggle3d(): Promise<void> {
    this.show3d = !this.show3d;
    if (this.show3d) {
      await this.updateComplete;
      this.update3d();
    }
  }

  private update3d(): void {
    if (!this.view3d || !this.volume || !this.petCase) return;
    const colours = new Map<number, [number, number, number]>();
    for (const l of this.comparing ? COMPARE_LEGEND : this.labels.filter(l => !this.hiddenLabels.has(l.value))) {
      colours.set(l.value, parseHexColour(l.colour));
    }
    this.view3d.updateLabels(this.volume.labels, this.petCase.dims, colours)
      .catch(e => { this.status = `3D view: ${(e as Error).message}`; });
  }

  private readonly viewerMemo = new ViewerInputMemo();

  private viewerInputs() {
    const labels = this.labels.map(l => ({ value: l.value, colour: l.colour, name: l.name }));
    if (this.comparing) return this.viewerMemo.get(this.petCase, COMPARE_LEGEND, COMPARE_LEGEND);
    return this.viewerMemo.get(this.petCase, labels.filter(l => !this.hiddenLabels.has(l.value)), labels);
  }

  private toggle(set: Set<number>, value: number, on: boolean, which: 'hiddenLabels' | 'locked'): void {
    const next = new Set(set);
    if (on) next.add(value); else next.delete(value);
    if (which === 'hiddenLabels') this.hiddenLabels = next; else this.locked = next;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'petal-annotator': PetalAnnotator;
  }
}
