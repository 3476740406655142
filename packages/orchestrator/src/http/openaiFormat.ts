import type { FinishReason, Job, TokenLogprob, Usage } from '../job.js';

// Response bodies in the shapes of OpenAI's chat.completion(.chunk) and text_completion
// objects, built from a job's state and events.

export function usageBody(u: Usage) {
  return {
    prompt_tokens: u.promptTokens,
    completion_tokens: u.completionTokens,
    total_tokens: u.promptTokens + u.completionTokens,
  };
}

/** The bytes a token adds to decoded text. */
export type TokenPieces = (id: number) => Uint8Array;

const utf8 = new TextDecoder('utf-8');

/** Alternatives beyond what the request asked for are dropped (see submitFrame). */
function topOf(lp: TokenLogprob, wanted: number): TokenLogprob['top'] {
  return lp.top.slice(0, Math.max(0, wanted - 1));
}

function spelled(pieces: TokenPieces, id: number) {
  const b = pieces(id);
  return { text: utf8.decode(b), bytes: [...b] };
}

export function chatLogprobs(lps: TokenLogprob[], wanted: number, pieces: TokenPieces) {
  const entry = (token: number, logprob: number) => {
    const s = spelled(pieces, token);
    return { token: s.text, logprob, bytes: s.bytes };
  };
  return {
    content: lps.map((lp) => ({
      ...entry(lp.token, lp.logprob),
      top_logprobs: topOf(lp, wanted).map((t) => entry(t.token, t.logprob)),
    })),
    refusal: null,
  };
}

export function completionLogprobs(
  lps: TokenLogprob[],
  wanted: number,
  pieces: TokenPieces,
  textOffset: number,
) {
  const tokens = lps.map((lp) => spelled(pieces, lp.token).text);
  const offsets: number[] = [];
  let at = textOffset;
  for (const t of tokens) {
    offsets.push(at);
    at += t.length;
  }
  return {
    tokens,
    token_logprobs: lps.map((lp) => lp.logprob),
    top_logprobs: lps.map((lp) =>
      Object.fromEntries(topOf(lp, wanted).map((t) => [spelled(pieces, t.token).text, t.logprob])),
    ),
    text_offset: offsets,
  };
}

/** The fields every completion body and chunk starts with. */
function envelope(job: Job, id: string, object: string) {
  return {
    id,
    object,
    created: Math.floor(job.createdAt / 1000),
    model: job.request.model,
    system_fingerprint: null,
  };
}

/** A streamed chunk's envelope: chat and text completions name their chunks differently. */
function chunkEnvelope(job: Job) {
  return job.route === 'chat'
    ? envelope(job, chatId(job), 'chat.completion.chunk')
    : envelope(job, completionId(job), 'text_completion');
}

export function chatId(job: Job): string {
  return `chatcmpl-${job.id.slice('job_'.length)}`;
}

export function completionId(job: Job): string {
  return `cmpl-${job.id.slice('job_'.length)}`;
}

export function chatCompletion(job: Job, logprobs: TokenLogprob[], pieces: TokenPieces) {
  const wanted = job.request.sampling.logprobs;
  return {
    ...envelope(job, chatId(job), 'chat.completion'),
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: job.text, refusal: null },
        logprobs: wanted > 0 ? chatLogprobs(logprobs, wanted, pieces) : null,
        finish_reason: job.finishReason ?? 'stop',
      },
    ],
    usage: usageBody(job.usage),
  };
}

export function textCompletion(job: Job, logprobs: TokenLogprob[], pieces: TokenPieces) {
  const wanted = job.request.sampling.logprobs;
  return {
    ...envelope(job, completionId(job), 'text_completion'),
    choices: [
      {
        index: 0,
        text: job.text,
        logprobs: wanted > 0 ? completionLogprobs(logprobs, wanted, pieces, 0) : null,
        finish_reason: job.finishReason ?? 'stop',
      },
    ],
    usage: usageBody(job.usage),
  };
}

export interface ChunkParts {
  text?: string;
  role?: boolean;
  logprobs?: TokenLogprob[];
  textOffset?: number;
  finishReason?: FinishReason;
}

/** One streamed chunk; `usage: null` on every chunk when the final usage chunk was asked for. */
export function streamChunk(job: Job, parts: ChunkParts, pieces: TokenPieces) {
  const wanted = job.request.sampling.logprobs;
  const chat = job.route === 'chat';
  const lps = wanted > 0 && parts.logprobs !== undefined ? parts.logprobs : undefined;
  const choice = chat
    ? {
        index: 0,
        delta: {
          ...(parts.role === true ? { role: 'assistant' } : {}),
          ...(parts.text !== undefined ? { content: parts.text } : {}),
        },
        logprobs: lps === undefined ? null : chatLogprobs(lps, wanted, pieces),
        finish_reason: parts.finishReason ?? null,
      }
    : {
        index: 0,
        text: parts.text ?? '',
        logprobs:
          lps === undefined ? null : completionLogprobs(lps, wanted, pieces, parts.textOffset ?? 0),
        finish_reason: parts.finishReason ?? null,
      };
  return {
    ...chunkEnvelope(job),
    choices: [choice],
    ...(job.request.includeUsage ? { usage: null } : {}),
  };
}

/** The extra last chunk of `stream_options.include_usage`: no choices, the usage. */
export function usageChunk(job: Job) {
  return {
    ...chunkEnvelope(job),
    choices: [],
    usage: usageBody(job.usage),
  };
}
