/**
 * <petal-lesion-stats>: SUVmax, SUVmean, SUVpeak, MTV and TLG per lesion and per label of an accepted
 * revision, and the totals (lesions overlapping are counted once by the server). Computed by the server
 * after accept, never on the editing path. The revision's lesion table (one row per lesion, then per label
 * and all lesions, as in OHIF's TMTV report) and its label map download from here.
 */
import { LitElement, html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { getJson, LabelStats, SuvStats } from './api.js';

@customElement('petal-lesion-stats')
export class LesionStats extends LitElement {
  @property({ type: Number }) revisionId = 0;
  @state() private stats: LabelStats[] = [];
  @state() private message = 'Accept to compute statistics.';

  static override styles = css`
    :host { display: block; font: 12px system-ui, sans-serif; color: #ddd; }
    table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
    th, td { padding: 2px 4px; text-align: right; border-bottom: 1px solid #333; }
    th:first-child, td:first-child { text-align: left; }
    .total td { font-weight: 600; }
    .downloads { margin-top: 6px; display: flex; gap: 12px; }
    .downloads a { color: #8cf; }
  `;

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('revisionId') && this.revisionId > 0) this.load();
  }

  private async load(): Promise<void> {
    this.message = 'Computing…';
    try {
      this.stats = await getJson<LabelStats[]>(`/api/revisions/${this.revisionId}/statistics`);
      this.message = this.stats.length ? '' : 'No labelled voxels.';
    } catch (e) {
      this.message = `Statistics unavailable: ${(e as Error).message}`;
    }
  }

  override render() {
    if (this.message) return html`<p>${this.message}</p>`;
    return html`<table data-testid="lesion-stats">
      <tr><th>object</th><th>SUVmax</th><th>SUVmean</th><th>SUVpeak</th><th>MTV ml</th><th>TLG</th></tr>
      ${this.stats.map(l => html`
        ${l.burden ? l.burden.lesions.map((s, n) => row(`${l.name} ${n + 1}`, s)) : row(l.name, l.total)}
        ${l.burden ? html`<tr class="total"><td>${l.name}: ${l.burden.lesionCount} lesions, Dmax ${l.burden.dmaxMm.toFixed(0)} mm</td>
          <td>${l.total.suvMax.toFixed(2)}</td><td>${l.total.suvMean.toFixed(2)}</td><td>${l.total.suvPeak.toFixed(2)}</td>
          <td>${l.burden.totalMtvMl.toFixed(1)}</td><td>${l.burden.totalTlg.toFixed(1)}</td></tr>` : ''}`)}
    </table>
    <div class="downloads">
      <a data-testid="lesions-csv" href="/api/revisions/${this.revisionId}/lesions.csv" download>lesions.csv</a>
      <a data-testid="labels-nifti" href="/api/revisions/${this.revisionId}/labels.nii.gz" download>labels.nii.gz</a>
    </div>`;
  }
}

function row(name: string, s: SuvStats) {
  return html`<tr><td>${name}</td><td>${s.suvMax.toFixed(2)}</td><td>${s.suvMean.toFixed(2)}</td>
    <td>${s.suvPeak.toFixed(2)}</td><td>${s.mtvMl.toFixed(1)}</td><td>${s.tlg.toFixed(1)}</td></tr>`;
}
