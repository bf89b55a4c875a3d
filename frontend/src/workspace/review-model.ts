/**
 * The review's plain data, without any element: numbering pinned comments for the list and the viewer,
 * and the request a decision sends. Kept apart so that node tests read it without a DOM.
 */
import type { Voxel } from '../protocol/annotation-socket.js';
import type { Pin } from '../viewer/pins.js';
import type { PinnedComment, ReviewDecision, ReviewInfo } from './api.js';

/** Every pinned comment of the reviews, oldest review first, numbered 1, 2, … as the list shows them. */
export function pinsOfReviews(reviews: readonly ReviewInfo[]): Pin[] {
  const pins: Pin[] = [];
  for (const r of reviews) for (const c of r.comments) pins.push({ voxel: [c.i, c.j, c.k], text: c.text, index: pins.length + 1 });
  return pins;
}

export function voxelText([i, j, k]: Voxel): string {
  return `i ${i}, j ${j}, k ${k}`;
}

export const DECISION_TEXT: Record<ReviewDecision, string> = {
  APPROVED: 'Approved',
  CHANGES_REQUESTED: 'Changes requested',
};

/** A comment being written, before the decision is sent. */
export interface PendingPin { voxel: Voxel; text: string }

export interface DecisionRequest { version: number; decision: ReviewDecision; summary: string; comments: PinnedComment[] }

/**
 * The body of POST /api/assignments/{id}/reviews. Texts are sent as typed (trimmed): the server, not the
 * browser, says what a decision needs ("say what should change…", "a pinned comment needs text").
 */
export function decisionRequest(version: number, decision: ReviewDecision, summary: string, pending: readonly PendingPin[]): DecisionRequest {
  return {
    version, decision, summary: summary.trim(),
    comments: pending.map(p => ({ i: p.voxel[0], j: p.voxel[1], k: p.voxel[2], text: p.text.trim() })),
  };
}
