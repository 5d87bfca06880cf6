// A minimal Debug Adapter Protocol client for the benches: Content-Length
// framed JSON over a pair of streams (an adapter's stdio or a socket), with
// requests answered by seq and events waited for by name.
import type { Readable, Writable } from 'node:stream';

interface Message {
  type: 'request' | 'response' | 'event';
  seq: number;
  request_seq?: number;
  success?: boolean;
  message?: string;
  command?: string;
  event?: string;
  body?: unknown;
}

export class DapClient {
  private seq = 1;
  private buffer = Buffer.alloc(0);
  /** Chunks of a body still arriving, joined once it is complete (concatenating each chunk is quadratic). */
  private parts: Buffer[] = [];
  private partsLength = 0;
  private awaiting = 0;
  private readonly pending = new Map<number, { resolve(b: unknown): void; reject(e: Error): void }>();
  private readonly waiters: { event: string; resolve(b: unknown): void }[] = [];
  private readonly seen: Message[] = [];
  /** Answers to reverse requests (js-debug's startDebugging child sessions). */
  onRequest: ((m: Message) => void) | undefined;
  /** Sees every message sent and received, as a VS Code debug adapter tracker does. */
  tracker: { onWillReceiveMessage?(m: object): void; onDidSendMessage?(m: object): void } | undefined;

  constructor(
    input: Readable,
    private readonly output: Writable,
  ) {
    input.on('data', (chunk: Buffer) => {
      this.parts.push(chunk);
      this.partsLength += chunk.length;
      if (this.partsLength < this.awaiting) return;
      this.buffer = Buffer.concat([this.buffer, ...this.parts]);
      this.parts = [];
      this.partsLength = 0;
      this.drain();
    });
  }

  private drain(): void {
    for (;;) {
      const head = this.buffer.indexOf('\r\n\r\n');
      if (head < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, head).toString('ascii'))?.[1]);
      if (this.buffer.length < head + 4 + length) {
        this.awaiting = head + 4 + length - this.buffer.length;
        return;
      }
      this.awaiting = 0;
      const m = JSON.parse(this.buffer.subarray(head + 4, head + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(head + 4 + length);
      this.dispatch(m);
    }
  }

  private dispatch(m: Message): void {
    this.tracker?.onDidSendMessage?.(m);
    if (m.type === 'response') {
      const p = this.pending.get(m.request_seq!);
      this.pending.delete(m.request_seq!);
      if (m.success) p?.resolve(m.body ?? {});
      else p?.reject(new Error(m.message ?? `${m.command} failed`));
    } else if (m.type === 'event') {
      const i = this.waiters.findIndex((w) => w.event === m.event);
      if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(m.body);
      else this.seen.push(m);
    } else if (m.type === 'request') this.onRequest?.(m);
  }

  send(m: object): void {
    this.tracker?.onWillReceiveMessage?.(m);
    const json = Buffer.from(JSON.stringify(m), 'utf8');
    this.output.write(`Content-Length: ${json.length}\r\n\r\n`);
    this.output.write(json);
  }

  request<T = Record<string, unknown>>(command: string, args: object = {}): Promise<T> {
    const seq = this.seq++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(seq, { resolve: resolve as (b: unknown) => void, reject });
      this.send({ type: 'request', seq, command, arguments: args });
    });
  }

  /** The next `event` (one already received counts). */
  event<T = Record<string, unknown>>(event: string, ms = 60_000): Promise<T> {
    const i = this.seen.findIndex((m) => m.event === event);
    if (i >= 0) return Promise.resolve(this.seen.splice(i, 1)[0]!.body as T);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${event} event within ${ms} ms`)), ms);
      this.waiters.push({
        event,
        resolve: (b) => {
          clearTimeout(timer);
          resolve(b as T);
        },
      });
    });
  }
}
