/**
 * <petal-review-comments>: the reviews of an assignment as the annotator and the reviewer read them, each
 * decision with its summary and its comments pinned to voxels. A click on a comment reports
 * `petal-pin-select` {voxel}; the workspace moves the viewer there. Nothing is shown while there are no
 * reviews (or a line, if they could not be loaded). The numbers are those of the markers in the viewer (pinsOfReviews).
 */
import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ReviewInfo } from './api.js';
import type { Voxel } from '../protocol/annotation-socket.js';
import { DECISION_TEXT, pinsOfReviews, voxelText } from './review-model.js';

@customElement('petal-review-comments')
export class ReviewComments extends LitElement {
  @property({ attribute: false }) reviews: ReviewInfo[] = [];
  /** Why the reviews could not be loaded; shown instead of the list. */
  @property() error = '';

  static override styles = css`
    :host { display: block; }
    h3 { margin: 0 0 4px; font-size: 12px; text-transform: uppercase; color: #9ab; }
    .review { margin: 0 0 8px; }
    .decision { font-weight: 600; }
    .decision.APPROVED { color: #7d7; }
    .decision.CHANGES_REQUESTED { color: #fb6; }
    .when { color: #889; font-size: 11px; }
    .summary { white-space: pre-wrap; margin: 2px 0; }
    ol { margin: 0; padding: 0; list-style: none; }
    li { padding: 2px 4px; border-radius: 3px; cursor: pointer; }
    li:hover { background: #2b3440; }
    .n { display: inline-block; min-width: 1.4em; text-align: center; border-radius: 50%; background: #ffa000; color: #000; font-size: 11px; }
    .at { color: #889; font-size: 11px; }
  `;

  override render() {
    if (this.error) return html`<p class="when" data-testid="review-comments-error">${this.error}</p>`;
    if (this.reviews.length === 0) return html``;
    const pins = pinsOfReviews(this.reviews);
    let n = 0;
    return html`<section data-testid="review-comments"><h3>Review comments</h3>
      ${this.reviews.map(r => html`<div class="review" data-testid="review">
        <span class="decision ${r.decision}">${DECISION_TEXT[r.decision] ?? r.decision}</span>
        <span class="when">${new Date(r.createdAt).toLocaleString()}${r.revisionId ? ` · revision ${r.revisionId}` : ''}</span>
        ${r.summary ? html`<div class="summary" data-testid="review-summary-text">${r.summary}</div>` : ''}
        <ol>${r.comments.map(() => {
          const pin = pins[n++];
          return html`<li data-testid="review-comment" title="Show in the viewer" @click=${() => this.select(pin.voxel)}>
            <span class="n">${pin.index}</span> ${pin.text} <span class="at">(${voxelText(pin.voxel)})</span></li>`;
        })}</ol>
      </div>`)}
    </section>`;
  }

  private select(voxel: Voxel): void {
    this.dispatchEvent(new CustomEvent('petal-pin-select', { detail: { voxel }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'petal-review-comments': ReviewComments;
  }
}
