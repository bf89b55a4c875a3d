/** The REST calls of the workspace, with the session cookie and the CSRF header Spring Security expects. */

export interface AssignmentInfo { id: number; caseId: number; mode: string; state: string; version: number }
export interface CaseInfo {
  id: number; projectId: number; caseKey: string; dims: [number, number, number]; spacingMm: [number, number, number];
  unit: string; version: number;
}
export interface LabelInfo { value: number; name: string; colour: string; kind: 'ORGAN' | 'LESION'; defaultEngine: string | null }
export interface ProjectInfo { id: number; name: string; labels: LabelInfo[] }
export interface RevisionInfo { id: number; source: string; createdAt: string; labelledVoxels: number }
/** A comment a reviewer pinned to a voxel (i, j, k in the case's dims order, like the viewer's Voxel). */
export interface PinnedComment { i: number; j: number; k: number; text: string }
export type ReviewDecision = 'APPROVED' | 'CHANGES_REQUESTED';
export interface ReviewInfo {
  id: number; assignmentId: number; revisionId: number | null; reviewerId: number; decision: ReviewDecision;
  summary: string; createdAt: string; comments: PinnedComment[];
}
export interface SuvStats { voxelCount: number; mtvMl: number; suvMax: number; suvMean: number; suvPeak: number; tlg: number }
export interface LabelStats {
  value: number; name: string; kind: string; total: SuvStats;
  burden: { lesionCount: number; totalMtvMl: number; totalTlg: number; dmaxMm: number; lesions: SuvStats[] } | null;
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(await problem(res));
  return res.json() as Promise<T>;
}

/** POSTs with no body, or with body as JSON; the server's refusal (problem detail) becomes the error's message. */
export async function postJson<T>(url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url, {
    method: 'POST', credentials: 'same-origin', headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(await problem(res));
  return res.json() as Promise<T>;
}

/** A revision's label map, one byte per voxel (the server sends its stored zlib stream). */
export async function getLabels(revisionId: number, voxels: number): Promise<Uint8Array> {
  const res = await fetch(`/api/revisions/${revisionId}/labels`, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(await problem(res));
  const stream = res.body!.pipeThrough(new DecompressionStream('deflate'));
  const labels = new Uint8Array(await new Response(stream).arrayBuffer());
  if (labels.length !== voxels) throw new Error(`revision ${revisionId} has ${labels.length} voxels, the case ${voxels}`);
  return labels;
}

function csrfToken(): string {
  const m = /(?:^|;\s*)XSRF-TOKEN=([^;]+)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]) : '';
}

async function problem(res: Response): Promise<string> {
  try {
    const body = await res.json() as { detail?: string; title?: string };
    return body.detail ?? body.title ?? `HTTP ${res.status}`;
  } catch {
    return `HTTP ${res.status}`;
  }
}
