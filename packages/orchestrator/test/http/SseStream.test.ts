import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { Response } from 'express';
import { SseStream } from '../../src/http/SseStream.js';

/** The parts of an express Response that SseStream uses, recording what went out. */
class FakeResponse extends EventEmitter {
  statusCode = 0;
  headers: Record<string, string> = {};
  flushed = false;
  sent: string[] = [];
  ended = false;

  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  setHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
  flushHeaders(): void {
    this.flushed = true;
  }
  write(chunk: string): void {
    this.sent.push(chunk);
  }
  end(): void {
    this.ended = true;
  }
}

function open(options: ConstructorParameters<typeof SseStream>[2] = {}) {
  const res = new FakeResponse();
  const onClose = jest.fn();
  const sse = new SseStream(res as unknown as Response, onClose, options);
  return { res, onClose, sse };
}

describe('SseStream', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('sends the status and headers at once unless lazy, then keepalive comments every 15 s', () => {
    const { res } = open();
    expect(res.flushed).toBe(true);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    jest.advanceTimersByTime(30_000);
    expect(res.sent).toEqual([': keepalive\n\n', ': keepalive\n\n']);
  });

  it('lazy: holds the headers until the first event, which opens the stream after onOpen', () => {
    const { res, sse } = open({ lazy: true, onOpen: (s) => s.send('"role"') });
    jest.advanceTimersByTime(14_000);
    expect(res.flushed).toBe(false);
    expect(res.sent).toEqual([]);
    sse.send('{"a":1}', { id: 3, event: 'delta' });
    expect(res.flushed).toBe(true);
    expect(res.sent).toEqual(['data: "role"\n\n', 'id: 3\nevent: delta\ndata: {"a":1}\n\n']);
    // The opening timer is gone: the next thing 15 s later is a keepalive, not a second open.
    jest.advanceTimersByTime(15_000);
    expect(res.sent.at(-1)).toBe(': keepalive\n\n');
    expect(res.sent.filter((c) => c === 'data: "role"\n\n')).toHaveLength(1);
  });

  it('lazy: opens after 15 s without an event, so proxies see bytes while a job waits', () => {
    const onOpen = jest.fn();
    const { res } = open({ lazy: true, onOpen });
    jest.advanceTimersByTime(15_000);
    expect(res.flushed).toBe(true);
    expect(onOpen).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(15_000);
    expect(res.sent).toEqual([': keepalive\n\n']);
  });

  it('relinquish: gives an unopened response back, sending nothing; false once open', () => {
    const unopened = open({ lazy: true });
    expect(unopened.sse.relinquish()).toBe(true);
    jest.advanceTimersByTime(60_000);
    expect(unopened.res.flushed).toBe(false);
    expect(unopened.res.sent).toEqual([]);
    unopened.res.emit('close');
    expect(unopened.onClose).not.toHaveBeenCalled();

    const opened = open({ lazy: true });
    opened.sse.write(': x\n\n');
    expect(opened.sse.relinquish()).toBe(false);
  });

  it('calls onClose once when the client goes away, opened or not, and writes nothing after', () => {
    const { res, onClose, sse } = open({ lazy: true });
    res.emit('close');
    res.emit('close');
    expect(onClose).toHaveBeenCalledTimes(1);
    sse.send('{}');
    sse.end();
    jest.advanceTimersByTime(60_000);
    expect(res.flushed).toBe(false);
    expect(res.sent).toEqual([]);
    expect(res.ended).toBe(false);
  });
});
