import type { RequestHandler } from 'express';
import { OrchError } from '../errors.js';

// A UTF-16 surrogate without its other half. JSON's \uXXXX escapes can spell one, but UTF-8 (the
// worker protocol's strings, the tokenizer's input) cannot carry it: such a prompt once reached a
// worker as an undecodable frame, and its job hung until the stall watchdog killed the worker.
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

/** The first string or key in `body` with a lone surrogate, breadth first: no recursion, and
 *  each node keeps only its parent, so any nesting JSON.parse accepted costs linear time. */
function loneSurrogate(body: unknown): Found | undefined {
  const nodes: Array<{ value: unknown; key: string; parent: number }> = [
    { value: body, key: '', parent: -1 },
  ];
  const pathTo = (node: number, last?: string): string[] => {
    const path = last === undefined ? [] : [last];
    for (let n = node; n > 0; n = nodes[n]!.parent) path.unshift(nodes[n]!.key);
    return path;
  };
  for (let i = 0; i < nodes.length; i++) {
    const { value } = nodes[i]!;
    if (typeof value === 'string') {
      const m = LONE_SURROGATE.exec(value);
      if (m !== null) return { path: pathTo(i), index: m.index, unit: value.charCodeAt(m.index) };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      const m = LONE_SURROGATE.exec(key);
      if (m !== null)
        return { path: pathTo(i, key), index: m.index, unit: key.charCodeAt(m.index) };
      nodes.push({ value: child, key, parent: i });
    }
  }
  return undefined;
}
