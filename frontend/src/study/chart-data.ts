/**
 * Shapes the study report (GET /api/projects/{id}/study, records in StudyReport.java, docs/study.md) into
 * the series the study charts draw. No Chart.js here: plain data, read by node tests.
 */

/** One handed-in assignment's times (StudyReport.CaseTime); seconds. */
export interface CaseTime {
  assignmentId: number; caseId: number; caseKey: string; annotatorId: number; annotator: string;
  mode: string; state: string; activeSeconds: number; wallSeconds: number;
}

/** What the box plots read of a case: the Vaadin view sends only these fields. */
export type CaseTimes = Pick<CaseTime, 'mode' | 'activeSeconds' | 'wallSeconds'>;

/** One ISO week (StudyReport.WeekThroughput). */
export interface WeekThroughput { week: string; weekStart: string; submitted: number; resubmitted: number; approved: number }

/** The parts of the report the charts read. */
export interface StudyReportJson {
  projectId: number;
  timePerCase: { cases: CaseTimes[] };
  throughput: WeekThroughput[];
}

/** The modes in the order the report lists them; a mode the server adds later is drawn after these. */
export const MODE_ORDER = ['AI_ASSISTED', 'MANUAL'];
export const MODE_NAMES: Record<string, string> = { AI_ASSISTED: 'AI-assisted', MANUAL: 'Manual' };

export interface BoxSeries {
  /** The groups along the axis: active time, wall time. */
  labels: string[];
  /** One dataset per mode; data[g] holds the raw values (minutes) of group g, the box plot computes its quartiles. */
  datasets: { mode: string; label: string; data: number[][] }[];
}

/**
 * Active and wall time per case in minutes, one box per mode and measure. Raw values rather than the
 * report's BoxStats, so the chart can show the spread the server summarised; modes without a case are left
 * out (an empty box says nothing).
 */
export function timeByModeSeries(cases: readonly CaseTimes[]): BoxSeries {
  const modes = [...new Set(cases.map(c => c.mode))]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return {
    labels: ['Active time per case', 'Wall time per case'],
    datasets: modes.map(mode => {
      const mine = cases.filter(c => c.mode === mode);
      return {
        mode,
        label: MODE_NAMES[mode] ?? mode,
        data: [mine.map(c => minutes(c.activeSeconds)), mine.map(c => minutes(c.wallSeconds))],
      };
    }),
  };
}

export interface BarSeries { labels: string[]; submitted: number[]; approved: number[] }

/**
 * Submitted (first hand-ins) and approved assignments per week, in the report's order (time order, empty
 * weeks between the first and the last included as zeros by the server). Labelled by the week's Monday.
 */
export function throughputSeries(weeks: readonly WeekThroughput[]): BarSeries {
  return {
    labels: weeks.map(w => `${w.week} (${w.weekStart})`),
    submitted: weeks.map(w => w.submitted),
    approved: weeks.map(w => w.approved),
  };
}

function rank(mode: string): number {
  const n = MODE_ORDER.indexOf(mode);
  return n < 0 ? MODE_ORDER.length : n;
}

function minutes(seconds: number): number {
  return seconds / 60;
}
