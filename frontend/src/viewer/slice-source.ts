/**
 * Fetches slice frames from the backend with a bounded cache and a bounded number of requests in flight.
 * The frame the user looks at goes first; prefetches of neighbours wait behind it, and a prefetch that
 * nobody asked for again by the time it would start is dropped (the user scrolled on).
 */
import { parseSliceFrame, SliceFrame } from '../protocol/slice-frame.js';

export type FramePath = string; // e.g. "slices/axial/12", "mip/coronal", "mip/rotating/30"

interface Pending {
  path: FramePath;
  urgent: boolean;
  resolve: (f: SliceFrame) => void;
  reject: (e: unknown) => void;
}

export class SliceSource {
  private readonly cache = new Map<FramePath, SliceFrame>();
  private readonly inFlight = new Map<FramePath, Promise<SliceFrame>>();
  private readonly waiting: Pending[] = [];
  private running = 0;

  constructor(
    private readonly caseId: number,
    private readonly caseVersion: number,
    private readonly capacity = 400,
    private readonly maxInFlight = 6,
    private readonly fetcher: (url: string) => Promise<ArrayBuffer> = defaultFetch,
  ) {}

  /** The cached frame, or undefined (no request is made). */
  peek(path: FramePath): SliceFrame | undefined {
    const f = this.cache.get(path);
    if (f) { this.cache.delete(path); this.cache.set(path, f); } // most recently used last
    return f;
  }

  /** The frame the user needs now. */
  get(path: FramePath): Promise<SliceFrame> {
    return this.request(path, true);
  }

  /** Warms the cache; errors are ignored. */
  prefetch(path: FramePath): void {
    if (!this.cache.has(path) && !this.inFlight.has(path)) {
      this.request(path, false).catch(() => undefined);
    }
  }

  private request(path: FramePath, urgent: boolean): Promise<SliceFrame> {
    const cached = this.peek(path);
    if (cached) return Promise.resolve(cached);
    const existing = this.inFlight.get(path);
    if (existing) {
      if (urgent) this.promote(path);
      return existing;
    }
    const promise = new Promise<SliceFrame>((resolve, reject) => {
      const p: Pending = { path, urgent, resolve, reject };
      if (urgent) this.waiting.unshift(p); else this.waiting.push(p);
    });
    this.inFlight.set(path, promise);
    this.pump();
    return promise;
  }

  private promote(path: FramePath): void {
    const n = this.waiting.findIndex(p => p.path === path);
    if (n > 0) {
      const [p] = this.waiting.splice(n, 1);
      p.urgent = true;
      this.waiting.unshift(p);
    }
  }

  private pump(): void {
    while (this.running < this.maxInFlight && this.waiting.length > 0) {
      const p = this.waiting.shift()!;
      this.running++;
      const url = `/api/cases/${this.caseId}/${p.path}?v=${this.caseVersion}`;
      this.fetcher(url)
        .then(buf => {
          const frame = parseSliceFrame(buf);
          this.remember(p.path, frame);
          p.resolve(frame);
        })
        .catch(e => p.reject(e))
        .finally(() => {
          this.inFlight.delete(p.path);
          this.running--;
          this.pump();
        });
    }
    // Prefetches beyond twice the concurrency are stale by the time they would run.
    while (this.waiting.length > 2 * this.maxInFlight) {
      const dropped = this.waiting.pop()!;
      if (dropped.urgent) { this.waiting.push(dropped); break; }
      this.inFlight.delete(dropped.path);
      dropped.reject(new Error('prefetch dropped'));
    }
  }

  private remember(path: FramePath, frame: SliceFrame): void {
    this.cache.set(path, frame);
    while (this.cache.size > this.capacity) {
      this.cache.delete(this.cache.keys().next().value as FramePath);
    }
  }
}

async function defaultFetch(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) {
    throw new Error(`${url}: HTTP ${res.status}`);
  }
  return res.arrayBuffer();
}
