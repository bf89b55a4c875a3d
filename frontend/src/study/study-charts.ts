/**
 * <petal-study-charts project-id="N">: the coordinator's charts of the time-saved study (docs/study.md):
 * active and wall time per case by mode as box plots, and submitted and approved assignments per week.
 * Chart.js with the box plot plugin, bundled (nothing from a CDN), only the pieces used registered so the
 * rest is tree-shaken away, animations off (tests and screenshots see the final picture at once).
 * Event: `petal-charts-drawn` {charts} once the charts are on screen (0 when there is nothing to chart).
 */
import { LitElement, html, css } from 'lit';
import { customElement, property, state, query } from 'lit/decorators.js';
import { BarController, BarElement, CategoryScale, Chart, ChartConfiguration, Legend, LinearScale, Tooltip } from 'chart.js';
import { BoxAndWiskers, BoxPlotController } from '@sgratzl/chartjs-chart-boxplot';
import { getJson } from '../workspace/api.js';
import { StudyReportJson, throughputSeries, timeByModeSeries } from './chart-data.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip, BoxPlotController, BoxAndWiskers);

const MODE_COLOURS: Record<string, string> = { AI_ASSISTED: '#3a8ee6', MANUAL: '#e6a23a' };
const OTHER_COLOUR = '#8a8a8a';
/** No animation: tests and screenshots see the final picture as soon as petal-charts-drawn is reported. */
const COMMON = { animation: false, responsive: true, maintainAspectRatio: false } as const;

@customElement('petal-study-charts')
export class StudyCharts extends LitElement {
  @property({ type: Number, attribute: 'project-id' }) projectId = 0;
  /**
   * The chart data as JSON, when the page has the report already (the coordinator's Vaadin view computed
   * it for its tables): the report is then not computed a second time for the charts, and a project with
   * many reader pairs does not send its whole agreement table to the browser. Empty: fetched by project id.
   */
  @property({ attribute: false }) studyJson = '';

  @state() private report: StudyReportJson | null = null;
  @state() private message = 'Loading the study…';

  @query('[data-testid=chart-time-by-mode]') private timeCanvas!: HTMLCanvasElement | null;
  @query('[data-testid=chart-throughput]') private throughputCanvas!: HTMLCanvasElement | null;

  private charts: Chart[] = [];

  static override styles = css`
    :host { display: block; font: 13px system-ui, sans-serif; }
    .chart { position: relative; height: 320px; margin: 0 0 16px; }
    .empty { color: #667; }
    h3 { margin: 8px 0 4px; font-size: 14px; }
  `;

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('studyJson') && this.studyJson) this.show(JSON.parse(this.studyJson) as StudyReportJson);
    else if (changed.has('projectId') && this.projectId > 0 && !this.studyJson) this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.destroyCharts();
  }

  private async load(): Promise<void> {
    this.message = 'Loading the study…';
    let report: StudyReportJson;
    try {
      report = await getJson<StudyReportJson>(`/api/projects/${this.projectId}/study`);
    } catch (e) {
      this.destroyCharts();
      this.report = null;
      this.message = `The study is not available: ${(e as Error).message}`;
      return;
    }
    await this.show(report);
  }

  private async show(report: StudyReportJson): Promise<void> {
    this.report = report;
    this.message = '';
    await this.updateComplete;  // the canvases exist once the report is rendered
    this.draw();
  }

  override render() {
    const r = this.report;
    if (!r) return html`<p class="empty" data-testid="study-charts-message">${this.message}</p>`;
    const hasCases = r.timePerCase.cases.length > 0, hasWeeks = r.throughput.length > 0;
    if (!hasCases && !hasWeeks) {
      return html`<p class="empty" data-testid="study-empty">Nothing to chart yet: no assignment of this project has been handed in.</p>`;
    }
    return html`
      <h3>Time per case by mode</h3>
      ${hasCases ? html`<div class="chart"><canvas data-testid="chart-time-by-mode"></canvas></div>`
        : html`<p class="empty" data-testid="chart-time-empty">No work handed in yet: the times appear once assignments are submitted.</p>`}
      <h3>Throughput per week</h3>
      ${hasWeeks ? html`<div class="chart"><canvas data-testid="chart-throughput"></canvas></div>`
        : html`<p class="empty" data-testid="chart-throughput-empty">Nothing submitted or approved yet.</p>`}`;
  }

  private draw(): void {
    this.destroyCharts();
    const r = this.report!;
    if (this.timeCanvas) this.charts.push(new Chart(this.timeCanvas, this.timeConfig(r)));
    if (this.throughputCanvas) this.charts.push(new Chart(this.throughputCanvas, this.throughputConfig(r)));
    this.dispatchEvent(new CustomEvent('petal-charts-drawn', { detail: { charts: this.charts.length }, bubbles: true, composed: true }));
  }

  private timeConfig(r: StudyReportJson): ChartConfiguration<'boxplot'> {
    const series = timeByModeSeries(r.timePerCase.cases);
    return {
      type: 'boxplot',
      data: {
        labels: series.labels,
        datasets: series.datasets.map(d => ({
          label: d.label, data: d.data,
          backgroundColor: `${MODE_COLOURS[d.mode] ?? OTHER_COLOUR}66`, borderColor: MODE_COLOURS[d.mode] ?? OTHER_COLOUR, borderWidth: 1,
          // Whiskers at min and max, as the report's BoxStats (docs/study.md); quartiles type 7, as the server.
          coef: 0, quantiles: 7,
        })),
      },
      options: {
        ...COMMON,
        scales: { y: { beginAtZero: true, title: { display: true, text: 'minutes' } } },
      },
    };
  }

  private throughputConfig(r: StudyReportJson): ChartConfiguration<'bar'> {
    const s = throughputSeries(r.throughput);
    return {
      type: 'bar',
      data: {
        labels: s.labels,
        datasets: [
          { label: 'Submitted (first hand-in)', data: s.submitted, backgroundColor: '#3a8ee6' },
          { label: 'Approved', data: s.approved, backgroundColor: '#30c060' },
        ],
      },
      options: {
        ...COMMON,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'assignments' } } },
      },
    };
  }

  private destroyCharts(): void {
    for (const c of this.charts) c.destroy();
    this.charts = [];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'petal-study-charts': StudyCharts;
  }
}
