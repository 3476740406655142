import { Template } from '@huggingface/jinja';
import { TokenizerError } from './errors.js';

/** One chat message as the OpenAI-style APIs and HF chat templates know it. */
export interface ChatMessage {
  readonly role: string;
  readonly content?: string | null | readonly unknown[];
  readonly [field: string]: unknown;
}

export interface ChatTemplateOptions {
  /** End with the opening of an assistant turn, for generation. */
  readonly addGenerationPrompt?: boolean;
  /** Tool (function) schemas, passed to the template as `tools`. */
  readonly tools?: readonly unknown[];
  /** Further template variables (e.g. enable_thinking). */
  readonly variables?: Readonly<Record<string, unknown>>;
}

/** Used when a model ships no tokenizer.chat_template: plain ChatML, no system prompt added. */
export const CHATML_TEMPLATE =
  "{%- for message in messages %}{{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>\\n' }}{%- endfor %}" +
  "{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}";

function checkMessages(messages: unknown): asserts messages is readonly ChatMessage[] {
  if (!Array.isArray(messages)) {
    throw new TokenizerError('TOKENIZER_ERR_BAD_MESSAGES', 'messages must be an array');
  }
  messages.forEach((m: unknown, i) => {
    if (typeof m !== 'object' || m === null || Array.isArray(m)) {
      throw new TokenizerError('TOKENIZER_ERR_BAD_MESSAGES', `messages[${i}] must be an object`);
    }
    const { role, content } = m as Record<string, unknown>;
    if (typeof role !== 'string' || role.length === 0) {
      throw new TokenizerError(
        'TOKENIZER_ERR_BAD_MESSAGES',
        `messages[${i}].role must be a non-empty string, got ${JSON.stringify(role)}`,
      );
    }
    if (
      content !== undefined &&
      content !== null &&
      typeof content !== 'string' &&
      !Array.isArray(content)
    ) {
      throw new TokenizerError(
        'TOKENIZER_ERR_BAD_MESSAGES',
        `messages[${i}].content must be a string, an array of parts or null, got ${typeof content}`,
      );
    }
  });
}

/**
 * A model's chat template, parsed once and rendered per request with @huggingface/jinja, with
 * the variables transformers' apply_chat_template passes (messages, tools,
 * add_generation_prompt, bos_token, eos_token).
 */
export class ChatTemplate {
  readonly source: string;
  private readonly template: Template;

  constructor(
    source: string | null,
    private readonly specialTokens: Readonly<Record<string, string>> = {},
  ) {
    this.source = source ?? CHATML_TEMPLATE;
    try {
      this.template = new Template(this.source);
    } catch (cause) {
      throw new TokenizerError(
        'TOKENIZER_ERR_TEMPLATE',
        `chat template does not parse: ${(cause as Error).message}`,
        { cause },
      );
    }
  }

  render(messages: readonly ChatMessage[], options: ChatTemplateOptions = {}): string {
    checkMessages(messages);
    if (options.tools !== undefined && !Array.isArray(options.tools)) {
      throw new TokenizerError('TOKENIZER_ERR_BAD_MESSAGES', 'tools must be an array');
    }
    const context: Record<string, unknown> = {
      ...this.specialTokens,
      ...options.variables,
      messages,
      add_generation_prompt: options.addGenerationPrompt ?? false,
    };
    if (options.tools !== undefined) context.tools = options.tools;
    try {
      return this.template.render(context);
    } catch (cause) {
      throw new TokenizerError(
        'TOKENIZER_ERR_TEMPLATE',
        `chat template failed to render: ${(cause as Error).message}`,
        { cause },
      );
    }
  }
}
