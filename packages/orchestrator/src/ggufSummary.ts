import {
  GgufValueType,
  findCount,
  findString,
  findStringArray,
  ggmlTypeName,
  type GgufArray,
  type GgufFile,
  type GgufValue,
} from '@llorch/gguf';

/** What `llorch gguf inspect --json` prints: read from metadata generically, so a vocab-only
 *  file or an architecture llorch does not run still has a summary. */
export interface GgufSummary {
  architecture: string | null;
  name: string | null;
  version: number;
  fileSize: number;
  alignment: number;
  dataOffset: number;
  tensorCount: number;
  tensorBytes: number;
  parameterCount: number;
  typeCounts: Record<string, number>;
  blockCount: number | null;
  vocabSize: number | null;
  contextLength: number | null;
  embeddingLength: number | null;
  feedForwardLength: number | null;
  headCount: number | null;
  headCountKv: number | null;
  tokenizer: { model: string | null; pre: string | null; tokens: number; merges: number } | null;
  chatTemplate: boolean;
}

/** A metadata key that should hold a count, or null when absent or not a plain count. */
function count(file: GgufFile, key: string): number | null {
  try {
    return findCount(file, key) ?? null;
  } catch {
    return null;
  }
}

function text(file: GgufFile, key: string): string | null {
  try {
    return findString(file, key) ?? null;
  } catch {
    return null;
  }
}

function listLength(file: GgufFile, key: string): number | null {
  try {
    return findStringArray(file, key)?.length ?? null;
  } catch {
    return null;
  }
}

export function ggufSummary(file: GgufFile): GgufSummary {
  const arch = text(file, 'general.architecture');
  const k = (name: string) => `${arch}.${name}`;
  const typeCounts: Record<string, number> = {};
  let parameterCount = 0;
  let tensorBytes = 0;
  for (const t of file.tensors) {
    const name = ggmlTypeName(t.type);
    typeCounts[name] = (typeCounts[name] ?? 0) + 1;
    parameterCount += t.dims.reduce((a, b) => a * b, 1);
    tensorBytes += t.size;
  }
  const tokens = listLength(file, 'tokenizer.ggml.tokens');
  const headCount = arch === null ? null : count(file, k('attention.head_count'));
  return {
    architecture: arch,
    name: text(file, 'general.name'),
    version: file.version,
    fileSize: file.fileSize,
    alignment: file.alignment,
    dataOffset: file.dataOffset,
    tensorCount: file.tensors.length,
    tensorBytes,
    parameterCount,
    typeCounts,
    blockCount: arch === null ? null : count(file, k('block_count')),
    vocabSize: (arch === null ? null : count(file, k('vocab_size'))) ?? tokens,
    contextLength: arch === null ? null : count(file, k('context_length')),
    embeddingLength: arch === null ? null : count(file, k('embedding_length')),
    feedForwardLength: arch === null ? null : count(file, k('feed_forward_length')),
    headCount,
    headCountKv: (arch === null ? null : count(file, k('attention.head_count_kv'))) ?? headCount,
    tokenizer:
      tokens === null
        ? null
        : {
            model: text(file, 'tokenizer.ggml.model'),
            pre: text(file, 'tokenizer.ggml.pre'),
            tokens,
            merges: listLength(file, 'tokenizer.ggml.merges') ?? 0,
          },
    chatTemplate: text(file, 'tokenizer.chat_template') !== null,
  };
}

function humanBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return i === 0 ? `${n} B` : `${v.toFixed(1)} ${units[i]}`;
}

function humanCount(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)}B`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}K`;
  return String(n);
}

/** The human-readable form of a summary, one fact per line. */
export function formatSummary(path: string, s: GgufSummary): string {
  const types = Object.entries(s.typeCounts)
    .sort((a, b) => b[1] - a[1])
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  const opt = (v: number | null) => (v === null ? '-' : String(v));
  const lines = [
    `file           ${path}`,
    `format         GGUF v${s.version}, ${humanBytes(s.fileSize)}, alignment ${s.alignment}`,
    `architecture   ${s.architecture ?? '-'}${s.name ? ` (${s.name})` : ''}`,
    `parameters     ${humanCount(s.parameterCount)} in ${s.tensorCount} tensors (${humanBytes(s.tensorBytes)})`,
    `types          ${types || '-'}`,
    `blocks         ${opt(s.blockCount)}, embedding ${opt(s.embeddingLength)}, ffn ${opt(s.feedForwardLength)}`,
    `heads          ${opt(s.headCount)} (kv ${opt(s.headCountKv)})`,
    `context        ${opt(s.contextLength)}`,
    `vocab          ${opt(s.vocabSize)}`,
    `tokenizer      ${
      s.tokenizer === null
        ? '-'
        : `${s.tokenizer.model ?? '?'}${s.tokenizer.pre ? ` (pre ${s.tokenizer.pre})` : ''}, ` +
          `${s.tokenizer.tokens} tokens, ${s.tokenizer.merges} merges`
    }`,
    `chat template  ${s.chatTemplate ? 'yes' : 'no'}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** A metadata value as JSON: bigints as numbers when exact (else strings), long arrays cut. */
export function jsonValue(value: GgufValue, maxItems: number): unknown {
  if (typeof value === 'bigint') {
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  }
  if (typeof value !== 'object') return value;
  const arr: GgufArray = value;
  const items = Array.from(arr.items as ArrayLike<GgufValue>).slice(0, maxItems);
  return {
    type: `ARRAY of ${GgufValueType[arr.itemType]}`,
    length: arr.items.length,
    items: items.map((v) => jsonValue(v, maxItems)),
  };
}

/** One line per metadata key: `key  TYPE  value`, arrays as their type, length and first items. */
export function formatMetadata(file: GgufFile): string {
  const out: string[] = [];
  for (const { key, type, value } of file.metadata.values()) {
    let shown: string;
    if (typeof value === 'object') {
      const head = Array.from(value.items as ArrayLike<GgufValue>)
        .slice(0, 8)
        .map((v) => (typeof v === 'object' ? '[...]' : JSON.stringify(String(v))));
      shown = `[${GgufValueType[value.itemType]} x ${value.items.length}] ${head.join(', ')}${value.items.length > 8 ? ', ...' : ''}`;
    } else {
      const s = typeof value === 'string' ? JSON.stringify(value) : String(value);
      shown = s.length > 120 ? `${s.slice(0, 117)}...` : s;
    }
    out.push(`${key}  ${GgufValueType[type]}  ${shown}`);
  }
  return `${out.join('\n')}\n`;
}

export function formatTensors(file: GgufFile): string {
  const width = Math.max(4, ...file.tensors.map((t) => t.name.length));
  const lines = file.tensors.map(
    (t) =>
      `${t.name.padEnd(width)}  ${ggmlTypeName(t.type).padEnd(7)}  [${t.dims.join(', ')}]  ${humanBytes(t.size)} @ ${t.offset}`,
  );
  return `${'name'.padEnd(width)}  type     dims  size @ offset\n${lines.join('\n')}\n`;
}
