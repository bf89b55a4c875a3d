import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CaseTime, throughputSeries, timeByModeSeries } from '../src/study/chart-data.js';

function caseTime(assignmentId: number, mode: string, activeSeconds: number, wallSeconds: number): CaseTime {
  return { assignmentId, caseId: assignmentId, caseKey: `C${assignmentId}`, annotatorId: 1, annotator: 'ann', mode, state: 'SUBMITTED', activeSeconds, wallSeconds };
}

test('case times become one box per mode for active and for wall time, in minutes, AI-assisted first', () => {
  const series = timeByModeSeries([
    caseTime(1, 'MANUAL', 600, 900), caseTime(2, 'AI_ASSISTED', 120, 300), caseTime(3, 'MANUAL', 1200, 1500),
  ]);
  assert.deepEqual(series.labels, ['Active time per case', 'Wall time per case']);
  assert.deepEqual(series.datasets.map(d => d.label), ['AI-assisted', 'Manual']);
  assert.deepEqual(series.datasets[0].data, [[2], [5]]);
  assert.deepEqual(series.datasets[1].data, [[10, 20], [15, 25]]);
});

test('a mode without handed-in cases gets no box', () => {
  assert.deepEqual(timeByModeSeries([caseTime(1, 'MANUAL', 60, 60)]).datasets.map(d => d.mode), ['MANUAL']);
  assert.deepEqual(timeByModeSeries([]).datasets, []);
});

test('throughput becomes submitted and approved bars per week, in the report\'s order, empty weeks kept', () => {
  const s = throughputSeries([
    { week: '2026-W10', weekStart: '2026-03-02', submitted: 3, resubmitted: 1, approved: 0 },
    { week: '2026-W11', weekStart: '2026-03-09', submitted: 0, resubmitted: 0, approved: 0 },
    { week: '2026-W12', weekStart: '2026-03-16', submitted: 2, resubmitted: 0, approved: 4 },
  ]);
  assert.deepEqual(s.labels, ['2026-W10 (2026-03-02)', '2026-W11 (2026-03-09)', '2026-W12 (2026-03-16)']);
  assert.deepEqual(s.submitted, [3, 0, 2]);
  assert.deepEqual(s.approved, [0, 0, 4]);
});
