import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { OrchError } from './errors.js';

const device = z
  .string()
  .regex(/^(cpu|cuda:\d+)$/, 'expected "cpu" or "cuda:N"') as z.ZodType<Device>;

export type Device = 'cpu' | `cuda:${number}`;

const positiveInt = z.number().int().positive();
const durationMs = z.number().int().nonnegative();

export const modelSchema = z.strictObject({
  /** The GGUF file. */
  path: z.string().min(1),
  /** One worker replica per entry (times `replicas`). */
  devices: z.array(device).min(1).default(['cpu']),
  /** Replicas per device (several CPU workers, or several processes on one big GPU). */
  replicas: positiveInt.max(64).default(1),
  /** Max tokens per sequence; the worker's default when absent. */
  ctx: positiveInt.optional(),
  /** Max concurrently running sequences per replica. */
  maxSeqs: positiveInt.max(4096).default(8),
  /** Max jobs waiting for this model before 429. */
  maxQueued: z.number().int().nonnegative().default(64),
  /** CPU threads per worker. */
  threads: positiveInt.optional(),
});

export type ModelConfig = z.infer<typeof modelSchema>;

const modelName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'invalid model name');

export const configSchema = z.strictObject({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(8080),
  logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  /** Bearer token for /admin; the admin API is off when unset. */
  adminToken: z.string().min(8).optional(),
  /** API keys accepted on the inference routes; open when empty. */
  apiKeys: z.array(z.string().min(8)).default([]),
  /** Directory POST /admin/models may load from; admin loading is refused when unset. */
  modelDir: z.string().min(1).optional(),
  models: z.record(modelName, modelSchema).default({}),
  limits: z
    .strictObject({
      maxBodyBytes: positiveInt.default(4 * 1024 * 1024),
      /** Default per-request deadline (queue wait plus generation). 0 = none. */
      requestTimeoutMs: durationMs.default(600_000),
      /** How long a job may wait for a model that is still loading. */
      loadWaitMs: durationMs.default(120_000),
      /** max_tokens when a request gives none. */
      defaultMaxTokens: positiveInt.default(256),
      /** How many times a job is resumed after its worker died before it fails. */
      maxResumes: z.number().int().nonnegative().default(3),
    })
    .prefault({}),
  jobs: z
    .strictObject({
      /** How long a finished native job stays readable. */
      retentionMs: durationMs.default(600_000),
      /** How many finished jobs are kept at most. */
      maxRetained: positiveInt.default(1000),
    })
    .prefault({}),
  supervisor: z
    .strictObject({
      /** Worker command (argv prefix); `--model ... --ipc ...` are appended. */
      workerCommand: z.array(z.string().min(1)).min(1).optional(),
      /** A starting worker that prints nothing and sends no Hello for this long is killed. */
      startStallMs: positiveInt.default(60_000),
      /** A worker with work whose engine step counter does not move for this long is killed. */
      stallTimeoutMs: positiveInt.default(30_000),
      backoffInitialMs: positiveInt.default(500),
      backoffMaxMs: positiveInt.default(30_000),
      /** Uptime after which the restart backoff starts over. */
      backoffResetMs: positiveInt.default(60_000),
      drainGraceMs: durationMs.default(30_000),
      shutdownGraceMs: durationMs.default(5_000),
      termGraceMs: durationMs.default(5_000),
    })
    .prefault({}),
  /** On SIGTERM/SIGINT, how long in-flight jobs may run before workers are stopped. */
  shutdownTimeoutMs: durationMs.default(30_000),
});

export type Config = z.infer<typeof configSchema>;

export interface ConfigSources {
  /** Parsed command-line flags (see commands/serve.ts). */
  flags?: ConfigFlags;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export interface ConfigFlags {
  config?: string;
  host?: string;
  port?: string;
  /** NAME=FILE entries. */
  model?: string[];
  device?: string[];
  replicas?: string;
  ctx?: string;
  maxSeqs?: string;
  threads?: string;
  modelDir?: string;
  logLevel?: string;
}

type RawObject = Record<string, unknown>;

function isObject(v: unknown): v is RawObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function configError(message: string, cause?: unknown): OrchError {
  return new OrchError('ORCH_ERR_CONFIG', `invalid configuration: ${message}`, { cause });
}

async function readConfigFile(file: string): Promise<RawObject> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw configError(`cannot read ${file}: ${(err as Error).message}`, err);
  }
  let parsed: unknown;
  try {
    parsed = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw configError(`cannot parse ${file}: ${(err as Error).message}`, err);
  }
  if (parsed === null || parsed === undefined) return {};
  if (!isObject(parsed)) throw configError(`${file}: the top level must be a mapping`);
  return parsed;
}

// Flags and environment are strings; numbers are converted here so that zod still names the
// field when the text is not a number.
function numeric(text: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;
}

function resolveModelPaths(models: unknown, baseDir: string): unknown {
  if (!isObject(models)) return models;
  const out: RawObject = {};
  for (const [name, m] of Object.entries(models)) {
    out[name] =
      isObject(m) && typeof m.path === 'string' ? { ...m, path: path.resolve(baseDir, m.path) } : m;
  }
  return out;
}

function parseModelFlag(entry: string): [string, string] {
  const eq = entry.indexOf('=');
  if (eq <= 0 || eq === entry.length - 1) {
    throw configError(`--model: expected NAME=FILE, got "${entry}"`);
  }
  return [entry.slice(0, eq), entry.slice(eq + 1)];
}

/** Merges defaults < file < environment < flags and validates the result. */
export async function loadConfig(sources: ConfigSources = {}): Promise<Config> {
  const env = sources.env ?? {};
  const flags = sources.flags ?? {};
  const cwd = sources.cwd ?? process.cwd();

  const file = flags.config ?? env.LLORCH_CONFIG;
  let raw: RawObject = {};
  if (file !== undefined) {
    const abs = path.resolve(cwd, file);
    raw = await readConfigFile(abs);
    raw.models = resolveModelPaths(raw.models, path.dirname(abs));
    if (typeof raw.modelDir === 'string')
      raw.modelDir = path.resolve(path.dirname(abs), raw.modelDir);
  }

  const set = (key: string, value: unknown): void => {
    if (value !== undefined) raw[key] = value;
  };
  set('host', env.LLORCH_HOST);
  set('port', env.LLORCH_PORT === undefined ? undefined : numeric(env.LLORCH_PORT));
  set('logLevel', env.LLORCH_LOG_LEVEL);
  set('adminToken', env.LLORCH_ADMIN_TOKEN);
  set('modelDir', env.LLORCH_MODEL_DIR && path.resolve(cwd, env.LLORCH_MODEL_DIR));
  if (env.LLORCH_API_KEYS !== undefined) {
    raw.apiKeys = env.LLORCH_API_KEYS.split(',')
      .map((k) => k.trim())
      .filter((k) => k.length > 0);
  }

  set('host', flags.host);
  set('port', flags.port === undefined ? undefined : numeric(flags.port));
  set('logLevel', flags.logLevel);
  set('modelDir', flags.modelDir && path.resolve(cwd, flags.modelDir));
  if (flags.model !== undefined && flags.model.length > 0) {
    const models: RawObject = isObject(raw.models) ? { ...raw.models } : {};
    for (const entry of flags.model) {
      const [name, file] = parseModelFlag(entry);
      const m: RawObject = { path: path.resolve(cwd, file) };
      if (flags.device !== undefined && flags.device.length > 0) m.devices = flags.device;
      if (flags.replicas !== undefined) m.replicas = numeric(flags.replicas);
      if (flags.ctx !== undefined) m.ctx = numeric(flags.ctx);
      if (flags.maxSeqs !== undefined) m.maxSeqs = numeric(flags.maxSeqs);
      if (flags.threads !== undefined) m.threads = numeric(flags.threads);
      models[name] = m;
    }
    raw.models = models;
  }

  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const detail = result.error.issues
      .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`)
      .join('; ');
    throw configError(detail, result.error);
  }
  return result.data;
}
