import type { Submit } from '@llorch/protocol';
import { WorkerError } from './errors.js';
import type { ChatTurn } from './JobTokenizer.js';

export const MAX_JOB_ID_BYTES = 128;
export const MAX_STOP_STRINGS = 16;
export const MAX_STOP_STRING_BYTES = 256;
export const MAX_TOP_LOGPROBS = 20;
export const MAX_LOGIT_BIASES = 1024;
const CHAT_ROLES: ReadonlySet<string> = new Set(['system', 'user', 'assistant', 'tool']);

export type JobInput =
  | { readonly kind: 'prompt'; readonly text: string }
  | {
      readonly kind: 'chat';
      readonly messages: readonly ChatTurn[];
      readonly addGenerationPrompt: boolean;
    }
  | { readonly kind: 'tokens'; readonly ids: readonly number[] };

/** A Submit after validation: every field present, in range, with defaults filled in. */
export interface JobSpec {
  readonly jobId: string;
  readonly input: JobInput;
  readonly temperature: number;
  readonly topK: number;
  readonly topP: number;
  readonly minP: number;
  readonly repetitionPenalty: number;
  readonly presencePenalty: number;
  readonly frequencyPenalty: number;
  readonly penaltyLastN: number;
  readonly logitBias: ReadonlyArray<readonly [number, number]>;
  /** undefined: the worker draws one. */
  readonly seed: number | undefined;
  /** 0 = until the context is full. */
  readonly maxTokens: number;
  readonly stop: readonly string[];
  readonly stopTokenIds: readonly number[];
  readonly ignoreEos: boolean;
  readonly topLogprobs: number;
  /** 0 = none. */
  readonly deadlineUnixMs: number;
  readonly resumeTokens: readonly number[];
}

/** Checks a Submit's job id alone, so even a Submit with bad parameters can be answered. */
export function validateJobId(jobId: string | null | undefined): string {
  const bytes = Buffer.byteLength(jobId ?? '');
  if (!jobId || bytes > MAX_JOB_ID_BYTES) {
    throw new WorkerError(
      'WORKER_ERR_INVALID_JOB_ID',
      `job_id must be 1..${MAX_JOB_ID_BYTES} bytes, got ${bytes}`,
    );
  }
  return jobId;
}

/**
 * Turns a decoded Submit into a JobSpec, or throws WorkerError(WORKER_ERR_INVALID_PARAMS)
 * naming the field, the limit and the value given.
 */
export function validateSubmit(submit: Submit, vocabSize: number): JobSpec {
  const jobId = validateJobId(submit.jobId);
  const sampling = submit.sampling ?? {};
  const stop = submit.stop ?? {};
  const tokenId = (field: string, id: number): number => {
    check(
      field,
      Number.isInteger(id) && id >= 0 && id < vocabSize,
      `below the vocabulary size ${vocabSize}`,
      id,
    );
    return id;
  };

  const temperature = sampling.temperature ?? 1;
  check(
    'sampling.temperature',
    Number.isFinite(temperature) && temperature >= 0,
    '>= 0',
    temperature,
  );
  const topK = sampling.topK ?? 0;
  const topP = sampling.topP ?? 1;
  check('sampling.top_p', topP > 0 && topP <= 1, 'in (0, 1]', topP);
  const minP = sampling.minP ?? 0;
  check('sampling.min_p', minP >= 0 && minP <= 1, 'in [0, 1]', minP);
  const repetitionPenalty = sampling.repetitionPenalty ?? 1;
  check(
    'sampling.repetition_penalty',
    Number.isFinite(repetitionPenalty) && repetitionPenalty > 0,
    '> 0',
    repetitionPenalty,
  );
  const presencePenalty = sampling.presencePenalty ?? 0;
  check(
    'sampling.presence_penalty',
    presencePenalty >= -2 && presencePenalty <= 2,
    'in [-2, 2]',
    presencePenalty,
  );
  const frequencyPenalty = sampling.frequencyPenalty ?? 0;
  check(
    'sampling.frequency_penalty',
    frequencyPenalty >= -2 && frequencyPenalty <= 2,
    'in [-2, 2]',
    frequencyPenalty,
  );
  const penaltyLastN = sampling.penaltyLastN ?? 64;
  check('sampling.penalty_last_n', penaltyLastN >= -1, '>= -1', penaltyLastN);
  const biases = sampling.logitBias ?? [];
  check(
    'sampling.logit_bias',
    biases.length <= MAX_LOGIT_BIASES,
    `at most ${MAX_LOGIT_BIASES} entries`,
    biases.length,
  );
  const logitBias = biases.map((b, i): [number, number] => {
    const bias = b.bias ?? 0;
    check(`sampling.logit_bias[${i}].bias`, Number.isFinite(bias), 'a finite number', bias);
    return [tokenId(`sampling.logit_bias[${i}].token`, b.token ?? 0), bias];
  });
  const seed = sampling.seed ?? undefined;

  const stopStrings = stop.stop ?? [];
  check(
    'stop.stop',
    stopStrings.length <= MAX_STOP_STRINGS,
    `at most ${MAX_STOP_STRINGS} strings`,
    stopStrings.length,
  );
  stopStrings.forEach((s, i) => {
    const bytes = Buffer.byteLength(s);
    check(
      `stop.stop[${i}]`,
      bytes >= 1 && bytes <= MAX_STOP_STRING_BYTES,
      `1..${MAX_STOP_STRING_BYTES} bytes`,
      bytes,
    );
  });
  const stopTokenIds = (stop.stopTokenIds ?? []).map((id, i) =>
    tokenId(`stop.stop_token_ids[${i}]`, id),
  );

  const topLogprobs = submit.topLogprobs ?? 0;
  check('top_logprobs', topLogprobs <= MAX_TOP_LOGPROBS, `0..${MAX_TOP_LOGPROBS}`, topLogprobs);

  return {
    jobId,
    input: validateInput(submit, tokenId),
    temperature,
    topK,
    topP,
    minP,
    repetitionPenalty,
    presencePenalty,
    frequencyPenalty,
    penaltyLastN,
    logitBias,
    seed,
    maxTokens: stop.maxTokens ?? 0,
    stop: stopStrings,
    stopTokenIds,
    ignoreEos: stop.ignoreEos ?? false,
    topLogprobs,
    deadlineUnixMs: submit.deadlineUnixMs ?? 0,
    resumeTokens: (submit.resumeTokens ?? []).map((id, i) => tokenId(`resume_tokens[${i}]`, id)),
  };
}

function validateInput(submit: Submit, tokenId: (field: string, id: number) => number): JobInput {
  if (typeof submit.prompt === 'string') {
    check('prompt', submit.prompt.length > 0, 'non-empty', '""');
    return { kind: 'prompt', text: submit.prompt };
  }
  if (submit.chat) {
    const messages = submit.chat.messages ?? [];
    check('chat.messages', messages.length > 0, 'at least one message', 0);
    const turns = messages.map((m, i): ChatTurn => {
      const role = m.role ?? '';
      check(
        `chat.messages[${i}].role`,
        CHAT_ROLES.has(role),
        [...CHAT_ROLES].join('|'),
        JSON.stringify(role),
      );
      return { role, content: m.content ?? '' };
    });
    return {
      kind: 'chat',
      messages: turns,
      addGenerationPrompt: submit.addGenerationPrompt ?? true,
    };
  }
  if (submit.tokens) {
    const ids = submit.tokens.ids ?? [];
    check('tokens.ids', ids.length > 0, 'at least one token', 0);
    return { kind: 'tokens', ids: ids.map((id, i) => tokenId(`tokens.ids[${i}]`, id)) };
  }
  throw new WorkerError(
    'WORKER_ERR_INVALID_PARAMS',
    'input: one of prompt, chat or tokens is required',
  );
}

function check(field: string, ok: boolean, limit: string, value: unknown): void {
  if (!ok) {
    throw new WorkerError(
      'WORKER_ERR_INVALID_PARAMS',
      `${field} must be ${limit}, got ${String(value)}`,
    );
  }
}
