/**
 * <petal-revision-history>: an assignment's accepted revisions, newest shown by default, any one on request
 * ("Show"), or two compared voxel by voxel (revision-diff.ts). It fetches and compares; the workspace only
 * lays what it reports over the image:
 *   `petal-revision-shown` {revisionId, labels}: one revision's label map, drawn in the label colours;
 *   `petal-revisions-compared` {a, b, classes, counts}: the compare map, drawn in the compare colours.
 */
import { LitElement, html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { getJson, getLabels, RevisionInfo } from './api.js';
import { DIFF_CLASSES, DiffCounts, diffRevisions } from '../model/revision-diff.js';

@customElement('petal-revision-history')
export class RevisionHistory extends LitElement {
  @property({ type: Number }) assignmentId = 0;
  /** Voxels of the case: a label map of another size is refused by getLabels. */
  @property({ type: Number }) voxels = 0;

  @state() private revisions: RevisionInfo[] = [];
  @state() private shown = 0;
  @state() private compareA = 0;
  @state() private compareB = 0;
  @state() private compared: { a: number; b: number; counts: DiffCounts } | null = null;
  @state() private message = 'Loading revisions…';
  /** Only the newest request may draw: an older one that finishes late is dropped. */
  private request = 0;

  static override styles = css`
    :host { display: block; }
    h3 { margin: 0 0 4px; font-size: 12px; text-transform: uppercase; color: #9ab; }
    table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
    td, th { padding: 1px 4px; text-align: left; border-bottom: 1px solid #333; }
    tr.shown td { background: #2b3440; }
    .compare { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; margin: 6px 0; }
    .legend div { display: flex; gap: 6px; align-items: center; }
    .swatch { width: 12px; height: 12px; border-radius: 2px; display: inline-block; }
    .message { color: #bcd; }
  `;

  override updated(changed: Map<string, unknown>): void {
    if ((changed.has('assignmentId') || changed.has('voxels')) && this.assignmentId > 0 && this.voxels > 0) this.load();
  }

  private async load(): Promise<void> {
    try {
      this.revisions = await getJson<RevisionInfo[]>(`/api/assignments/${this.assignmentId}/revisions`);
    } catch (e) {
      this.message = `Revisions unavailable: ${(e as Error).message}`;
      return;
    }
    const n = this.revisions.length;
    this.message = n ? '' : 'No revision accepted yet.';
    if (n === 0) return;
    this.compareB = this.revisions[n - 1].id;
    this.compareA = this.revisions[Math.max(0, n - 2)].id;
    await this.show(this.compareB);
  }

  /** Lays one revision over the image. */
  async show(revisionId: number): Promise<void> {
    const request = ++this.request;
    try {
      const labels = await getLabels(revisionId, this.voxels);
      if (request !== this.request) return;
      this.shown = revisionId;
      this.compared = null;
      this.message = '';
      this.dispatchEvent(new CustomEvent('petal-revision-shown', { detail: { revisionId, labels }, bubbles: true, composed: true }));
    } catch (e) {
      if (request === this.request) this.message = `Revision ${revisionId}: ${(e as Error).message}`;
    }
  }

  /** Lays the compare map of A and B over the image. */
  async compare(a: number, b: number): Promise<void> {
    const request = ++this.request;
    this.message = 'Comparing…';
    try {
      const [la, lb] = await Promise.all([getLabels(a, this.voxels), getLabels(b, this.voxels)]);
      if (request !== this.request) return;
      const { classes, counts } = diffRevisions(la, lb);
      this.compared = { a, b, counts };
      this.shown = 0;
      this.message = '';
      this.dispatchEvent(new CustomEvent('petal-revisions-compared', { detail: { a, b, classes, counts }, bubbles: true, composed: true }));
    } catch (e) {
      if (request === this.request) this.message = `Not compared: ${(e as Error).message}`;
    }
  }

  override render() {
    const option = (r: RevisionInfo, chosen: number) => html`<option value=${r.id} ?selected=${r.id === chosen}>${r.id} · ${r.source}</option>`;
    return html`<section data-testid="revision-history"><h3>Revisions</h3>
      ${this.revisions.length ? html`<table>
        <tr><th>id</th><th>source</th><th>accepted</th><th>voxels</th><th></th></tr>
        ${[...this.revisions].reverse().map(r => html`<tr data-testid="revision-row" class=${r.id === this.shown ? 'shown' : ''}>
          <td>${r.id}</td><td>${r.source}</td><td>${new Date(r.createdAt).toLocaleString()}</td><td>${r.labelledVoxels}</td>
          <td><button data-testid="show-revision" ?disabled=${r.id === this.shown} @click=${() => this.show(r.id)}>Show</button></td></tr>`)}
      </table>
      <div class="compare">
        <label>A <select data-testid="compare-a" @change=${(e: Event) => { this.compareA = Number((e.target as HTMLSelectElement).value); }}>
          ${this.revisions.map(r => option(r, this.compareA))}</select></label>
        <label>B <select data-testid="compare-b" @change=${(e: Event) => { this.compareB = Number((e.target as HTMLSelectElement).value); }}>
          ${this.revisions.map(r => option(r, this.compareB))}</select></label>
        <button data-testid="compare" @click=${() => this.compare(this.compareA, this.compareB)}>Compare</button>
      </div>` : ''}
      ${this.compared ? this.renderSummary(this.compared) : ''}
      <div class="message">${this.message}</div>
    </section>`;
  }

  private renderSummary({ a, b, counts }: { a: number; b: number; counts: DiffCounts }) {
    return html`<div class="legend" data-testid="compare-summary">
      <div>Revision ${a} (A) against ${b} (B), voxels:</div>
      ${DIFF_CLASSES.map(c => html`<div data-testid="compare-class"><span class="swatch" style="background:${c.colour}"></span>
        ${c.name}: <b>${counts[c.key]}</b></div>`)}
      <button data-testid="show-single" @click=${() => this.show(this.compareB)}>Show revision</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'petal-revision-history': RevisionHistory;
  }
}
