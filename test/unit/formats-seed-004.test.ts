import { describe, expect, it } from 'vitest';
import { normalizeWriteBack, writeBackFormat } from '../../electron/backend/ingest/formats/writeback.js';
import { byAction, parseSeed } from './seed-fixtures.js';

// Seed 004: the integration platform's audit log with write-backs (request body + response status in details).
describe('seed 004 (write-back audit log)', () => {
  it('is detected as its own format and reads every row', async () => {
    const { events, rejects, formats } = await parseSeed('seed-004-audit-log.json');
    expect(rejects).toEqual([]);
    expect(formats).toEqual(['writeback']);
    expect(events).toHaveLength(10);
  });

  it('takes a write-back outcome from the vendor response status and says what was called', async () => {
    const { events } = await parseSeed('seed-004-audit-log.json');
    const [created] = byAction(events, 'ticket_created');
    expect(created).toMatchObject({
      actor: 'system', actorType: 'system', targetType: 'ticket', target: 'INC-4411', outcome: 'success',
      category: 'resource_change', summary: 'system ticket created ticket INC-4411 (POST api.connectwise.example → 201)',
    });
    expect(JSON.parse(created.attributes!)).toMatchObject({ requestMethod: 'POST', responseStatus: '201' });
    const [refused] = byAction(events, 'update_ticket_status');
    expect(refused).toMatchObject({ outcome: 'failure', severity: 'warning' });
  });

  it('reads auth outcomes from the action and rule dispatch outcomes from details', async () => {
    const { events } = await parseSeed('seed-004-audit-log.json');
    expect(byAction(events, 'login_failed')[0]).toMatchObject({ outcome: 'failure', category: 'authentication' });
    expect(byAction(events, 'rule_fired')[0].outcome).toBe('success');
    expect(byAction(events, 'rule_edited')[0].outcome).toBe('unknown');
  });

  it('explains a bad time and does not claim generic JSON', () => {
    const r = normalizeWriteBack({ created_at: 'yesterday', action: 'rule_fired', target_type: 'rule', target_id: 'r', details: {} });
    expect(r).toEqual({ ok: false, reason: 'created_at has no usable time: "yesterday"' });
    expect(writeBackFormat.detect([{ action: 'login', time: '2026-01-01' }], { fileName: 'x.json', csvHeader: null })).toBe(0);
  });
});
