import type { EventInsert } from '../../electron/backend/store/queries/insert-events.js';
import { ipToKey } from '../../shared/query/ip.js';

let counter = 0;

/** A complete EventInsert with overridable fields, for tests that write straight to the store. */
export function makeEvent(overrides: Partial<EventInsert> & { ts: number }): EventInsert {
  counter++;
  const sourceIp = overrides.sourceIp ?? null;
  return {
    id: `test:${counter}`,
    time: new Date(overrides.ts).toISOString(),
    receivedTime: null,
    format: 'json',
    source: 'test',
    vendorId: null,
    actor: 'alice@example.com',
    actorType: 'user',
    action: 'LOGIN_SUCCESS',
    category: 'authentication',
    targetType: null,
    target: null,
    outcome: 'success',
    severity: 'info',
    sourceIp,
    ipKey: sourceIp ? ipToKey(sourceIp) : null,
    userAgent: null,
    location: null,
    sessionId: null,
    summary: 'alice@example.com logged in',
    raw: JSON.stringify({ n: counter }),
    contentHash: `hash-${counter}`,
    provObject: '/tmp/test.jsonl',
    provSha256: null,
    provIndex: counter,
    provLine: counter,
    importId: null,
    notes: null,
    attributes: null,
    ...overrides,
  };
}
