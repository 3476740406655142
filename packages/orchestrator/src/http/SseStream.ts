import type { Response } from 'express';

const KEEPALIVE_MS = 15_000;

export interface SseOptions {
  /**
   * Hold the 200 and the event-stream headers back until the first event, or until KEEPALIVE_MS
   * pass without one: a job its worker refuses at once (a prompt longer than the context) can
   * then still be answered with its HTTP status, as a non-streamed request is.
   */
  lazy?: boolean;
  /** Called once the headers have gone out, before the first event (the chat role chunk). */
  onOpen?: (sse: SseStream) => void;
}

/**
 * A Server-Sent Events response. Comments keep idle connections (a job waiting in the queue)
 * from being cut by proxies; `closed` turns true when the client goes away.
 */
export class SseStream {
  private readonly res: Response;
  private readonly onOpen: ((sse: SseStream) => void) | undefined;
  private opening: NodeJS.Timeout | undefined;
  private keepalive: NodeJS.Timeout | undefined;
  /** Whether the status and headers have gone out. */
  opened = false;
  closed = false;

  constructor(res: Response, onClose: () => void, options: SseOptions = {}) {
    this.res = res;
    this.onOpen = options.onOpen;
    res.on('close', () => {
      this.stopTimers();
      if (!this.closed) {
        this.closed = true;
        onClose();
      }
    });
    if (options.lazy) {
      this.opening = setTimeout(() => this.open(), KEEPALIVE_MS);
      this.opening.unref();
    } else {
      this.open();
    }
  }

  /** One event; `data` is sent as is (callers pass JSON). */
  send(data: string, opts: { id?: number; event?: string } = {}): void {
    let frame = '';
    if (opts.id !== undefined) frame += `id: ${opts.id}\n`;
    if (opts.event !== undefined) frame += `event: ${opts.event}\n`;
    this.write(`${frame}data: ${data}\n\n`);
  }

  /** A pre-formatted event (an error event from toSseError). */
  write(raw: string): void {
    if (this.closed) return;
    this.open();
    this.res.write(raw);
  }

  end(): void {
    this.stopTimers();
    if (this.closed) return;
    this.closed = true;
    this.res.end();
  }

  /** Gives the response back for a plain HTTP answer: true while nothing has been sent. */
  relinquish(): boolean {
    if (this.opened || this.closed) return false;
    this.stopTimers();
    this.closed = true;
    return true;
  }

  private open(): void {
    if (this.opened || this.closed) return;
    this.opened = true;
    clearTimeout(this.opening);
    const res = this.res;
    res.status(200);
    res.setHeader('content-type', 'text/event-stream; charset=utf-8');
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('connection', 'keep-alive');
    res.setHeader('x-accel-buffering', 'no');
    res.flushHeaders();
    this.keepalive = setInterval(() => this.write(': keepalive\n\n'), KEEPALIVE_MS);
    this.keepalive.unref();
    this.onOpen?.(this);
  }

  private stopTimers(): void {
    clearTimeout(this.opening);
    clearInterval(this.keepalive);
  }
}
