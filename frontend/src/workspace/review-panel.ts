/**
 * <petal-review-panel>: the reviewer's decision on a submitted assignment. Clicks on the image (the viewer's
 * petal-pin, passed in through addPin) pin pending comments; a summary; "Approve" or "Request changes" send
 * them with the assignment's version (optimistic locking: a decision on a stale page is refused).
 * The server decides what is allowed and its refusal is shown as it says it. Events: `petal-pending-pins`
 * {pins} whenever the pending comments change (for the viewer's markers), `petal-reviewed`
 * {decision, reviewId} after a decision was saved.
 */
import { LitElement, html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Voxel } from '../protocol/annotation-socket.js';
import type { Pin } from '../viewer/pins.js';
import { AssignmentInfo, getJson, postJson, ReviewDecision, ReviewInfo } from './api.js';
import { decisionRequest, DECISION_TEXT, PendingPin, voxelText } from './review-model.js';

@customElement('petal-review-panel')
export class ReviewPanel extends LitElement {
  @property({ type: Number }) assignmentId = 0;
  @property({ attribute: false }) assignment: AssignmentInfo | null = null;
  /** The number of the first pending pin: after the comments of earlier reviews, so markers do not repeat. */
  @property({ type: Number }) firstIndex = 1;
  @property({ type: Boolean }) pinOnClick = true;

  @state() private pending: PendingPin[] = [];
  @state() private summary = '';
  @state() private status = '';
  @state() private sending = false;
  @state() private decided = false;

  static override styles = css`
    :host { display: block; }
    h3 { margin: 0 0 4px; font-size: 12px; text-transform: uppercase; color: #9ab; }
    ol { margin: 0 0 6px; padding: 0; list-style: none; }
    li { display: flex; gap: 4px; align-items: center; margin: 2px 0; }
    li input { flex: 1; min-width: 0; }
    .n { min-width: 1.4em; text-align: center; border-radius: 50%; background: #ffa000; color: #000; font-size: 11px; }
    .at { color: #889; font-size: 11px; white-space: nowrap; }
    textarea { width: 100%; box-sizing: border-box; min-height: 4em; }
    .hint { color: #889; font-size: 11px; }
    .status { color: #bcd; min-height: 1.3em; margin-top: 4px; white-space: pre-wrap; }
  `;

  /** Whether decisions can be made here: only SUBMITTED work is decided, and only once per page. */
  get open(): boolean {
    return this.assignment?.state === 'SUBMITTED' && !this.decided;
  }

  /** Adds a pending comment at a voxel (from a click on the image); ignored once the panel is closed. */
  addPin(voxel: Voxel): void {
    if (!this.open || !this.pinOnClick) return;
    this.setPending([...this.pending, { voxel, text: '' }]);
    this.updateComplete.then(() => {
      const inputs = this.renderRoot.querySelectorAll<HTMLInputElement>('[data-testid=pin-text]');
      inputs[inputs.length - 1]?.focus();
    });
  }

  override render() {
    const a = this.assignment;
    const open = this.open;
    return html`<section data-testid="review-panel"><h3>Review</h3>
      ${a && !open && !this.decided ? html`<p data-testid="review-closed">This assignment is ${a.state.toLowerCase().replace('_', ' ')}:
        only submitted work can be reviewed.</p>` : ''}
      <label class="hint"><input type="checkbox" data-testid="pin-on-click" .checked=${this.pinOnClick} ?disabled=${!open}
        @change=${(e: Event) => { this.pinOnClick = (e.target as HTMLInputElement).checked; }}> a click on the image pins a comment</label>
      <ol>${this.pending.map((p, n) => html`<li data-testid="pending-pin">
        <span class="n">${this.firstIndex + n}</span>
        <input data-testid="pin-text" placeholder="comment" .value=${p.text} ?disabled=${!open}
          @input=${(e: Event) => this.setText(n, (e.target as HTMLInputElement).value)}>
        <span class="at">${voxelText(p.voxel)}</span>
        <button data-testid="remove-pin" title="Remove" ?disabled=${!open} @click=${() => this.removePin(n)}>✕</button></li>`)}</ol>
      <textarea data-testid="review-summary" placeholder="Summary" .value=${this.summary} ?disabled=${!open}
        @input=${(e: Event) => { this.summary = (e.target as HTMLTextAreaElement).value; }}></textarea>
      <button data-testid="approve" ?disabled=${!open || this.sending} @click=${() => this.decide('APPROVED')}>Approve</button>
      <button data-testid="request-changes" ?disabled=${!open || this.sending} @click=${() => this.decide('CHANGES_REQUESTED')}>Request changes</button>
      <div class="status" data-testid="review-status">${this.status}</div>
    </section>`;
  }

  private async decide(decision: ReviewDecision): Promise<void> {
    if (!this.open || this.sending) return;
    this.sending = true;
    this.status = 'Sending…';
    try {
      // The version of now, not of the page's load: the server refuses a decision on a changed assignment.
      const current = await getJson<AssignmentInfo>(`/api/assignments/${this.assignmentId}`);
      const body = decisionRequest(current.version, decision, this.summary, this.pending);
      const review = await postJson<ReviewInfo>(`/api/assignments/${this.assignmentId}/reviews`, body);
      this.assignment = await getJson<AssignmentInfo>(`/api/assignments/${this.assignmentId}`).catch(() => current);
      this.decided = true;
      this.status = `${DECISION_TEXT[decision]}: the assignment is now ${this.assignment.state.toLowerCase().replace('_', ' ')}.`;
      this.setPending([]);
      this.dispatchEvent(new CustomEvent('petal-reviewed', { detail: { decision, reviewId: review.id }, bubbles: true, composed: true }));
    } catch (e) {
      this.status = `Not saved: ${(e as Error).message}`;
    } finally {
      this.sending = false;
    }
  }

  private setText(n: number, text: string): void {
    this.pending = this.pending.map((p, m) => m === n ? { ...p, text } : p);
    this.announce();
  }

  private removePin(n: number): void {
    this.setPending(this.pending.filter((_, m) => m !== n));
  }

  private setPending(pending: PendingPin[]): void {
    this.pending = pending;
    this.announce();
  }

  private announce(): void {
    const pins: Pin[] = this.pending.map((p, n) => ({ voxel: p.voxel, text: p.text || '(new comment)', index: this.firstIndex + n }));
    this.dispatchEvent(new CustomEvent('petal-pending-pins', { detail: { pins }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'petal-review-panel': ReviewPanel;
  }
}
