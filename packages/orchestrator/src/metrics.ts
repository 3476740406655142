import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

// Every metric the orchestrator exports is declared here. Labels come from bounded sets only:
// configured model names, route patterns, HTTP statuses, finish reasons, exit reasons and
// replica indexes; never job ids, request ids or paths.

const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const tokenGapBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const longBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // prom-client exports these gauges with a `_total` suffix, which `promtool check metrics`
  // rejects; the same counts stay available per handle type as nodejs_active_{handles,requests,resources}.
  for (const name of [
    'nodejs_active_handles_total',
    'nodejs_active_requests_total',
    'nodejs_active_resources_total',
  ]) {
    registry.removeSingleMetric(name);
  }
  const registers = [registry];

  return {
    registry,
    httpRequests: new Counter({
      name: 'llorch_http_requests_total',
      help: 'HTTP requests answered, by model, route pattern and status code.',
      labelNames: ['model', 'route', 'status'] as const,
      registers,
    }),
    queueDepth: new Gauge({
      name: 'llorch_scheduler_queue_depth',
      help: 'Jobs waiting for a worker, per model.',
      labelNames: ['model'] as const,
      registers,
    }),
    runningJobs: new Gauge({
      name: 'llorch_scheduler_running_jobs',
      help: 'Jobs submitted to a worker and not finished, per model.',
      labelNames: ['model'] as const,
      registers,
    }),
    timeToFirstToken: new Histogram({
      name: 'llorch_job_time_to_first_token_seconds',
      help: 'From admission to the first generated token.',
      labelNames: ['model'] as const,
      buckets: latencyBuckets,
      registers,
    }),
    interTokenLatency: new Histogram({
      name: 'llorch_job_inter_token_latency_seconds',
      help: 'Gap between consecutive token deltas of a job, divided by the tokens in the delta.',
      labelNames: ['model'] as const,
      buckets: tokenGapBuckets,
      registers,
    }),
    e2eLatency: new Histogram({
      name: 'llorch_job_duration_seconds',
      help: 'From admission to the end of a job, by finish reason.',
      labelNames: ['model', 'finish_reason'] as const,
      buckets: longBuckets,
      registers,
    }),
    queueTime: new Histogram({
      name: 'llorch_job_queue_time_seconds',
      help: 'From admission to the first submission to a worker.',
      labelNames: ['model'] as const,
      buckets: latencyBuckets,
      registers,
    }),
    promptTokens: new Counter({
      name: 'llorch_job_prompt_tokens_total',
      help: 'Prompt tokens of finished jobs, as counted by the worker.',
      labelNames: ['model'] as const,
      registers,
    }),
    generatedTokens: new Counter({
      name: 'llorch_job_generated_tokens_total',
      help: 'Tokens generated and relayed to clients.',
      labelNames: ['model'] as const,
      registers,
    }),
    jobResumes: new Counter({
      name: 'llorch_job_resumes_total',
      help: 'Jobs resubmitted with their streamed tokens after their worker died.',
      labelNames: ['model'] as const,
      registers,
    }),
    workerUp: new Gauge({
      name: 'llorch_worker_up',
      help: '1 while a worker replica is ready for jobs, else 0.',
      labelNames: ['model', 'replica', 'device'] as const,
      registers,
    }),
    workerRestarts: new Counter({
      name: 'llorch_worker_restarts_total',
      help: 'Worker restarts, by the reason the previous process ended.',
      labelNames: ['model', 'reason'] as const,
      registers,
    }),
    workerMemoryUsed: new Gauge({
      name: 'llorch_worker_memory_used_bytes',
      help: 'Device memory (VRAM, or RAM on CPU) used by a worker, as it reports.',
      labelNames: ['model', 'replica', 'device'] as const,
      registers,
    }),
    workerKvBlocksUsed: new Gauge({
      name: 'llorch_worker_kv_blocks_used',
      help: 'KV-cache blocks in use in a worker.',
      labelNames: ['model', 'replica', 'device'] as const,
      registers,
    }),
    workerKvBlocksTotal: new Gauge({
      name: 'llorch_worker_kv_blocks_capacity',
      help: 'KV-cache blocks in a worker pool.',
      labelNames: ['model', 'replica', 'device'] as const,
      registers,
    }),
    workerKvPreemptions: new Counter({
      name: 'llorch_worker_kv_preemptions_total',
      help: 'Running jobs a worker sent back to its queue for want of a KV block (recomputed later).',
      labelNames: ['model', 'replica', 'device'] as const,
      registers,
    }),
    modelLoadDuration: new Histogram({
      name: 'llorch_model_load_duration_seconds',
      help: 'From spawning a worker to its Hello.',
      labelNames: ['model'] as const,
      buckets: longBuckets,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
