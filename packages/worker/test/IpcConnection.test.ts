import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_MAX_FRAME_BYTES, FrameDecoder, type Envelope } from '@llorch/protocol';
import { IpcConnection } from '../src/IpcConnection.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'llorch-ipc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('IpcConnection to an orchestrator that stops reading', () => {
  it('holds a bounded number of merged frames and delivers every token once it reads again', async () => {
    const socketPath = path.join(dir, 'stalled.sock');
    let peer: net.Socket | undefined;
    const server = net.createServer((s) => {
      peer = s;
      s.pause(); // the orchestrator's event loop is busy elsewhere
    });
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    const conn = await IpcConnection.connect(socketPath, DEFAULT_MAX_FRAME_BYTES, {
      onEnvelope: () => {},
      onBadFrame: () => {},
      onClose: () => {},
    });
    const sent = new Map<string, { tokens: number[]; text: string }>();
    const steps = 20_000;
    for (let step = 0; step < steps; step++) {
      const jobs = step < steps / 2 ? ['a', 'b'] : ['b', 'c'];
      const deltas = jobs.map((jobId) => {
        const tokenIds = [step % 1000, (step * 7) % 1000];
        const text = `${jobId}${step};`;
        const s = sent.get(jobId) ?? { tokens: [], text: '' };
        s.tokens.push(...tokenIds);
        s.text += text;
        sent.set(jobId, s);
        return { jobId, tokenIds, text };
      });
      conn.send({ tokenDelta: { deltas, engineStep: step } });
      if (step === steps / 2 - 1) conn.send({ jobDone: { jobId: 'a' } });
    }
    conn.send({ pong: { nonce: 7 } });
    // 20,000 steps wrote far more than the socket buffers: most of it is held, merged.
    expect(conn.heldFrames).toBeGreaterThan(0);
    expect(conn.heldFrames).toBeLessThan(100);

    const received: Envelope[] = [];
    const decoder = new FrameDecoder(DEFAULT_MAX_FRAME_BYTES);
    await new Promise<void>((resolve) => {
      peer!.on('data', (chunk: Buffer) => {
        for (const f of decoder.push(chunk)) {
          if (f.envelope) received.push(f.envelope);
          if (f.envelope?.pong) resolve();
        }
      });
      peer!.resume();
    });
    expect(received.length).toBeLessThan(steps / 10);
    for (const [jobId, want] of sent) {
      const deltas = received.flatMap(
        (e) => e.tokenDelta?.deltas?.filter((d) => d.jobId === jobId) ?? [],
      );
      expect(deltas.flatMap((d) => d.tokenIds)).toEqual(want.tokens);
      expect(deltas.map((d) => d.text).join('')).toBe(want.text);
    }
    const done = received.findIndex((e) => e.jobDone?.jobId === 'a');
    const lastA = received.findLastIndex((e) => e.tokenDelta?.deltas?.some((d) => d.jobId === 'a'));
    expect(done).toBeGreaterThan(lastA);
    await conn.close();
    peer!.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
