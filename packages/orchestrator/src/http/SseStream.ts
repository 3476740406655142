import type { Response } from 'express';

const KEEPALIVE_MS = 15_000;

/**
 * A Server-Sent Events response. Comments keep idle connections (a job waiting in the queue)
 * from being cut by proxies; `closed` turns true when the client goes away.
 */
export class SseStream {
  private readonly res: Response;
  private readonly keepalive: NodeJS.Timeout;
  closed = false;

  constructor(res: Response, onClose: () => void) {
    this.res = res;
    res.status(200);
    res.setHeader('content-type', 'text/event-stream; charset=utf-8');
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('connection', 'keep-alive');
    res.setHeader('x-accel-buffering', 'no');
    res.flushHeaders();
    this.keepalive = setInterval(() => this.write(': keepalive\n\n'), KEEPALIVE_MS);
    this.keepalive.unref();
    res.on('close', () => {
      clearInterval(this.keepalive);
      if (!this.closed) {
        this.closed = true;
        onClose();
      }
    });
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
    if (!this.closed) this.res.write(raw);
  }

  end(): void {
    clearInterval(this.keepalive);
    if (this.closed) return;
    this.closed = true;
    this.res.end();
  }
}
