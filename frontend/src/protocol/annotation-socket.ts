/**
 * Client of /ws/annotate (docs/protocol.md). Requests go out one at a time: the next is sent when the
 * previous one's reply arrived, so every reply, error included, belongs to the request in flight (the
 * server answers frame-level errors at once, which would otherwise be ambiguous). Binary deltas are
 * applied in arrival order before the reply that follows them is delivered.
 */
import { MaskDelta, parseMaskDelta } from './mask-delta.js';

export type Voxel = readonly [number, number, number];

export interface ObjectSummary {
  objectId: number;
  labelValue: number;
  engine: string;
  prompts: number;
  maskVoxels: number;
}

export interface Reply {
  type: string;
  [field: string]: unknown;
}

export interface Result extends Reply {
  type: 'result';
  action: string;
  objectId: number;
  labelValue: number;
  outcome: 'APPLIED' | 'NO_CHANGE' | 'REFUSED';
  message: string;
  prompts: number;
  maskVoxels: number;
  modelMs: number;
  totalMs: number;
  serverMs: number;
}

export class ProtocolError extends Error {
  constructor(readonly code: string, message: string, readonly retryable: boolean) {
    super(message);
  }
}

interface Outgoing {
  message: Record<string, unknown>;
  resolve: (r: Reply) => void;
  reject: (e: unknown) => void;
}

export class AnnotationSocket {
  private socket: WebSocket | null = null;
  private readonly queue: Outgoing[] = [];
  private current: Outgoing | null = null;
  private deltas: Promise<void> = Promise.resolve();
  private heartbeat: ReturnType<typeof setInterval> | null = null;

  /** Called for every mask delta, in order. */
  onDelta: (delta: MaskDelta) => void = () => undefined;
  /** Called when the socket closes, with the server's reason when it gave one. */
  onClosed: (reason: string) => void = () => undefined;

  constructor(private readonly url: string) {}

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url);
      ws.binaryType = 'arraybuffer';
      ws.onopen = () => { this.socket = ws; resolve(); };
      ws.onerror = () => reject(new Error('the annotation connection could not be opened'));
      ws.onmessage = e => this.received(e.data);
      ws.onclose = e => this.closed(e.reason || `connection closed (${e.code})`);
    });
  }

  get isOpen(): boolean {
    return this.socket !== null && this.socket.readyState === WebSocket.OPEN;
  }

  /** Sends a request and resolves with its reply; an `error` reply rejects with a ProtocolError. */
  send(message: Record<string, unknown>): Promise<Reply> {
    return new Promise((resolve, reject) => {
      this.queue.push({ message, resolve, reject });
      this.next();
    });
  }

  startHeartbeat(ms: number): void {
    if (this.heartbeat !== null) clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => {
      if (this.isOpen) this.socket!.send('{"type":"heartbeat"}');
    }, ms);
  }

  /** Ends the sitting for good: unaccepted work is released by the server. */
  close(): void {
    if (this.isOpen) this.socket!.send('{"type":"close"}');
  }

  private next(): void {
    if (this.current !== null || this.queue.length === 0 || !this.isOpen) return;
    this.current = this.queue.shift()!;
    this.socket!.send(JSON.stringify(this.current.message));
  }

  private received(data: unknown): void {
    if (data instanceof ArrayBuffer) {
      this.deltas = this.deltas.then(async () => this.onDelta(await parseMaskDelta(data)))
        .catch(e => console.error('mask delta could not be applied', e));
      return;
    }
    const reply = JSON.parse(String(data)) as Reply;
    if (reply.type === 'heartbeat') return;
    if (reply.type === 'closed') { this.closed(String(reply.reason)); return; }
    // Deliver after every delta that came before it has been applied.
    this.deltas = this.deltas.then(() => this.deliver(reply));
  }

  private deliver(reply: Reply): void {
    const request = this.current;
    this.current = null;
    if (request) {
      if (reply.type === 'error') {
        request.reject(new ProtocolError(String(reply.code), String(reply.message), Boolean(reply.retryable)));
      } else {
        request.resolve(reply);
      }
    }
    this.next();
  }

  private closed(reason: string): void {
    if (this.heartbeat !== null) clearInterval(this.heartbeat);
    this.heartbeat = null;
    const wasOpen = this.socket !== null;
    this.socket = null;
    const pending = [...(this.current ? [this.current] : []), ...this.queue.splice(0)];
    this.current = null;
    pending.forEach(p => p.reject(new ProtocolError('CLOSED', reason, true)));
    if (wasOpen) this.onClosed(reason);
  }
}
