import { z } from 'zod';
import { OrchError } from './errors.js';

// An HTTP body becomes a GenerationRequest here, once; the scheduler and the worker see nothing
// else. OpenAI's documented ranges are enforced so that a client gets the same 400 it would get
// from OpenAI.

export interface ChatMessage {
  role: string;
  content: string;
}

export type PromptInput =
  | { kind: 'text'; text: string }
  | { kind: 'chat'; messages: ChatMessage[] }
  | { kind: 'tokens'; tokens: number[] };

export interface SamplingOptions {
  temperature: number;
  topP: number;
  topK: number;
  minP: number;
  presencePenalty: number;
  frequencyPenalty: number;
  repetitionPenalty: number;
  /** Absent: the job picks one, so that a resumed job draws the same tokens. */
  seed: number | undefined;
  logitBias: Array<[number, number]>;
  /** 0 = no logprobs; n > 0 = the sampled token's logprob plus the top n - 1 alternatives. */
  logprobs: number;
}

export interface GenerationRequest {
  model: string;
  input: PromptInput;
  sampling: SamplingOptions;
  /** Absent: the configured default. */
  maxTokens: number | undefined;
  stop: string[];
  stream: boolean;
  includeUsage: boolean;
  /** Absent: the configured default. */
  timeoutMs: number | undefined;
  user: string | undefined;
}

export type RouteKind = 'chat' | 'completions' | 'jobs';

const text = z.string().max(1_000_000);

const contentPart = z.object({ type: z.literal('text'), text });
const message = z.object({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
  content: z.union([text, z.array(contentPart).min(1)]).nullable(),
  name: z.string().optional(),
});

// Counts and token ids travel as uint32 in the worker protocol; larger values are refused here
// rather than wrapped there.
const UINT31 = 2 ** 31 - 1;
const count = z.number().int().positive().max(UINT31);
const tokenId = z.number().int().min(0).max(UINT31);
// The worker matches stop strings of up to 256 UTF-8 bytes.
const stopString = z
  .string()
  .min(1)
  .refine((t) => Buffer.byteLength(t, 'utf8') <= 256, 'a stop string may have at most 256 bytes');

const common = {
  model: z.string().min(1).max(256),
  max_tokens: count.nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().gt(0).max(1).nullish(),
  top_k: z.number().int().min(0).max(100_000).nullish(),
  min_p: z.number().min(0).max(1).nullish(),
  presence_penalty: z.number().min(-2).max(2).nullish(),
  frequency_penalty: z.number().min(-2).max(2).nullish(),
  repetition_penalty: z.number().gt(0).max(10).nullish(),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullish(),
  stop: z.union([stopString, z.array(stopString).max(4)]).nullish(),
  n: z.literal(1).nullish(),
  logit_bias: z
    .record(z.string().regex(/^\d{1,9}$/, 'keys must be token ids'), z.number().min(-100).max(100))
    .nullish(),
  user: z.string().max(256).nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
};

const chatSchema = z.object({
  ...common,
  messages: z.array(message).min(1),
  max_completion_tokens: count.nullish(),
  logprobs: z.boolean().nullish(),
  top_logprobs: z.number().int().min(0).max(20).nullish(),
});

const promptSchema = z.union([
  text,
  z.array(text).length(1),
  z.array(tokenId).min(1).max(1_000_000),
]);

const completionSchema = z.object({
  ...common,
  prompt: promptSchema,
  logprobs: z.number().int().min(0).max(5).nullish(),
  echo: z.literal(false).nullish(),
  best_of: z.literal(1).nullish(),
  suffix: z.null().optional(),
});

const jobSchema = z
  .object({
    ...common,
    prompt: promptSchema.optional(),
    messages: z.array(message).min(1).optional(),
    top_logprobs: z.number().int().min(0).max(20).nullish(),
    timeout_ms: count.nullish(),
  })
  .refine((b) => (b.prompt === undefined) !== (b.messages === undefined), {
    message: 'exactly one of prompt and messages is required',
    path: ['prompt'],
  });

function valueAt(body: unknown, p: readonly PropertyKey[]): unknown {
  let v: unknown = body;
  for (const key of p) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  let s: string;
  try {
    s = JSON.stringify(v);
  } catch {
    // JSON.parse takes nesting deeper than JSON.stringify's recursion can go back over.
    return `${Array.isArray(v) ? 'an array' : 'an object'} nested too deeply to show`;
  }
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function parseWith<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new OrchError('ORCH_ERR_INVALID_REQUEST', 'the request body must be a JSON object');
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const param = issue.path.map(String).join('.');
  throw new OrchError(
    'ORCH_ERR_INVALID_REQUEST',
    `${param || 'body'}: ${issue.message} (got ${describe(valueAt(body, issue.path))})`,
    { param: param || undefined },
  );
}

// OpenAI's `developer` role is what newer models call the system prompt; chat templates (and the
// worker) know only `system`.
function chatMessage(m: z.infer<typeof message>): ChatMessage {
  return { role: m.role === 'developer' ? 'system' : m.role, content: contentText(m.content) };
}

function contentText(content: z.infer<typeof message>['content']): string {
  if (content === null) return '';
  if (typeof content === 'string') return content;
  return content.map((p) => p.text).join('');
}

function promptInput(prompt: z.infer<typeof promptSchema>): PromptInput {
  if (typeof prompt === 'string') return { kind: 'text', text: prompt };
  const first = prompt[0];
  if (typeof first === 'string') return { kind: 'text', text: first };
  return { kind: 'tokens', tokens: prompt as number[] };
}

type CommonBody = { [K in keyof typeof common]?: z.infer<(typeof common)[K]> } & { model: string };

function sampling(b: CommonBody, logprobs: number): SamplingOptions {
  const bias: Array<[number, number]> = Object.entries(b.logit_bias ?? {}).map(([k, v]) => [
    Number(k),
    v,
  ]);
  return {
    temperature: b.temperature ?? 1,
    topP: b.top_p ?? 1,
    topK: b.top_k ?? 0,
    minP: b.min_p ?? 0,
    presencePenalty: b.presence_penalty ?? 0,
    frequencyPenalty: b.frequency_penalty ?? 0,
    repetitionPenalty: b.repetition_penalty ?? 1,
    seed: b.seed ?? undefined,
    logitBias: bias,
    logprobs,
  };
}

function stops(stop: CommonBody['stop']): string[] {
  if (stop === undefined || stop === null) return [];
  return typeof stop === 'string' ? [stop] : stop;
}

function base(
  b: CommonBody,
  input: PromptInput,
  logprobs: number,
  maxTokens: number | null | undefined,
) {
  return {
    model: b.model,
    input,
    sampling: sampling(b, logprobs),
    maxTokens: maxTokens ?? undefined,
    stop: stops(b.stop),
    stream: b.stream ?? false,
    includeUsage: b.stream_options?.include_usage ?? false,
    user: b.user ?? undefined,
  };
}

/** POST /v1/chat/completions */
export function parseChatRequest(body: unknown): GenerationRequest {
  const b = parseWith(chatSchema, body);
  const messages = b.messages.map(chatMessage);
  // The sampled token's logprob always comes with `logprobs: true`; top_logprobs adds alternatives.
  const logprobs = b.logprobs === true ? 1 + (b.top_logprobs ?? 0) : 0;
  return {
    ...base(b, { kind: 'chat', messages }, logprobs, b.max_completion_tokens ?? b.max_tokens),
    timeoutMs: undefined,
  };
}

/** POST /v1/completions */
export function parseCompletionRequest(body: unknown): GenerationRequest {
  const b = parseWith(completionSchema, body);
  // Legacy completions: `logprobs: n` asks for the top n; 0 still returns the sampled token's.
  const logprobs = b.logprobs === undefined || b.logprobs === null ? 0 : 1 + b.logprobs;
  return { ...base(b, promptInput(b.prompt), logprobs, b.max_tokens), timeoutMs: undefined };
}

/** POST /v1/jobs */
export function parseJobRequest(body: unknown): GenerationRequest {
  const b = parseWith(jobSchema, body);
  const input: PromptInput =
    b.messages !== undefined
      ? {
          kind: 'chat',
          messages: b.messages.map(chatMessage),
        }
      : promptInput(b.prompt!);
  const logprobs = b.top_logprobs === undefined || b.top_logprobs === null ? 0 : 1 + b.top_logprobs;
  return { ...base(b, input, logprobs, b.max_tokens), timeoutMs: b.timeout_ms ?? undefined };
}
