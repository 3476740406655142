import type { RequestHandler } from 'express';
import { OrchError } from '../errors.js';

// A UTF-16 surrogate without its other half. A JSON escape such as \ud800 can spell one, but UTF-8
// (the worker protocol's strings, the tokenizer's input) cannot carry it: such a prompt once
// reached a worker as an undecodable frame, and its job hung until the stall watchdog killed the
// worker.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface Found {
  path: string[];
  index: number;
  unit: number;
}

/** Refuses a JSON body with a string or key that is not valid Unicode, naming the field. */
export const wellFormedBody: RequestHandler = (req, _res, next) => {
  const found = loneSurrogate(req.body);
  if (found === undefined) {
    next();
    return;
  }
  const param = found.path.join('.') || 'body';
  const unit = `\\u${found.unit.toString(16).padStart(4, '0')}`;
  next(
    new OrchError(
      'ORCH_ERR_INVALID_REQUEST',
      `${param}: holds an unpaired UTF-16 surrogate (${unit} at index ${found.index}); text must be valid Unicode`,
      { param },
    ),
  );
};

/** The first key or string in `body` with a lone surrogate, breadth first: no recursion, and
 *  each node keeps only its key and parent, so any nesting JSON.parse accepted costs linear time. */
function loneSurrogate(body: unknown): Found | undefined {
  const nodes: Array<{ value: unknown; key: string; parent: number }> = [
    { value: body, key: '', parent: -1 },
  ];
  const pathTo = (node: number): string[] => {
    const path: string[] = [];
    for (let n = node; n > 0; n = nodes[n]!.parent) path.unshift(nodes[n]!.key);
    return path;
  };
  for (let i = 0; i < nodes.length; i++) {
    const { value, key } = nodes[i]!;
    const m =
      LONE_SURROGATE.exec(key) ?? (typeof value === 'string' ? LONE_SURROGATE.exec(value) : null);
    if (m !== null) return { path: pathTo(i), index: m.index, unit: m.input.charCodeAt(m.index) };
    if (typeof value !== 'object' || value === null) continue;
    for (const [k, child] of Object.entries(value)) nodes.push({ value: child, key: k, parent: i });
  }
  return undefined;
}
