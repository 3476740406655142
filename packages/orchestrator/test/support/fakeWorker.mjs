/* global process, setTimeout, setInterval */
// A stand-in worker process for the supervisor's unit tests: it speaks the real frame
// protocol over the real socket, and misbehaves on request (FAKE_WORKER_MODE):
//   normal     Hello, then per Submit one delta per 5 ms up to max_tokens, then JobDone
//   stall      Hello, takes jobs, never makes progress
//   crash      writes to stderr and exits 7 right after Hello
//   stubborn   like stall, and ignores Shutdown and SIGTERM
//   silent     never connects
import net from 'node:net';
import { parseArgs } from 'node:util';
import {
  FrameDecoder,
  encodeFrame,
  PROTOCOL_VERSION,
  FinishReason,
} from '../../../protocol/dist/index.js';

const { values } = parseArgs({
  options: {
    model: { type: 'string' },
    device: { type: 'string' },
    ipc: { type: 'string' },
    name: { type: 'string' },
    'max-seqs': { type: 'string' },
    ctx: { type: 'string' },
    threads: { type: 'string' },
  },
});
const mode = process.env.FAKE_WORKER_MODE ?? 'normal';
const log = (msg, extra = {}) =>
  process.stdout.write(
    JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, msg, ...extra }) + '\n',
  );

if (mode === 'stubborn') process.on('SIGTERM', () => log('ignoring SIGTERM'));
if (mode === 'silent') setInterval(() => undefined, 1000);
else {
  const sock = net.connect(values.ipc);
  const send = (env) => sock.write(encodeFrame(env));
  let steps = 0;
  sock.on('connect', () => {
    log('connected', { model: values.model });
    send({
      hello: {
        protocolVersion: PROTOCOL_VERSION,
        modelName: values.name,
        architecture: 'llama',
        vocabSize: 512,
        device: values.device,
        limits: { contextLength: 2048, maxRunningJobs: Number(values['max-seqs'] ?? 4) },
        pid: process.pid,
      },
    });
    if (mode === 'crash') {
      process.stderr.write('fatal: engine fault (fake)\n');
      process.exit(7);
    }
  });
  const decoder = new FrameDecoder();
  const jobs = new Map();
  sock.on('data', (chunk) => {
    for (const f of decoder.push(chunk)) {
      const env = f.envelope;
      if (env === undefined) continue;
      if (env.payload === 'submit') {
        const s = env.submit;
        const job = { id: s.jobId, i: s.resumeTokens.length, max: s.stop.maxTokens };
        jobs.set(job.id, job);
        if (mode === 'normal') step(job);
      } else if (env.payload === 'cancel') {
        jobs.delete(env.cancel.jobId);
        send({
          jobDone: {
            jobId: env.cancel.jobId,
            finishReason: FinishReason.FINISH_REASON_CANCELLED,
            usage: {},
          },
        });
      } else if (env.payload === 'drain') {
        if (jobs.size === 0) send({ drained: {} });
      } else if (env.payload === 'shutdown' && mode !== 'stubborn') {
        process.exit(0);
      }
    }
  });
  function step(job) {
    setTimeout(() => {
      if (!jobs.has(job.id)) return;
      if (job.i >= job.max) {
        jobs.delete(job.id);
        send({
          jobDone: {
            jobId: job.id,
            finishReason: FinishReason.FINISH_REASON_LENGTH,
            usage: { promptTokens: 2, completionTokens: job.i },
          },
        });
        return;
      }
      steps++;
      send({
        tokenDelta: {
          deltas: [{ jobId: job.id, tokenIds: [job.i], text: ` w${job.i}` }],
          engineStep: steps,
        },
      });
      send({ heartbeat: { engineSteps: steps, activeJobs: jobs.size } });
      job.i++;
      step(job);
    }, 5);
  }
  sock.on('close', () => process.exit(0));
}
