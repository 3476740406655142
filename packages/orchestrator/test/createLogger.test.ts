import { describe, expect, it } from '@jest/globals';
import { createLogger } from '../src/createLogger.js';

describe('createLogger', () => {
  it('redacts tokens, API keys and authorization headers', () => {
    const lines: string[] = [];
    const log = createLogger('info', { write: (s: string) => void lines.push(s) });
    log.info({ config: { adminToken: 'sekrit-admin', apiKeys: ['sekrit-key'] } }, 'config');
    log.info({ req: { headers: { authorization: 'Bearer sekrit-bearer' } } }, 'request');
    log.child({ reqId: 'r1' }).info({ authorization: 'Bearer sekrit-2' }, 'child');
    const text = lines.join('');
    expect(text).not.toMatch(/sekrit/);
    expect(text).toContain('[redacted]');
    expect(JSON.parse(lines[2]!)).toMatchObject({ reqId: 'r1', service: 'llorch' });
  });
});
