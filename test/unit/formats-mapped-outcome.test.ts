import { describe, expect, it } from 'vitest';
import { mappedFormat, mappingIdentity } from '../../electron/backend/ingest/formats/mapped.js';
import { MappingProfileSchema } from '../../shared/model/mapping.js';
import { draftProfile } from '../../renderer/src/features/mapping/draft.js';

const ctx = { fileName: 'crm.csv', csvHeader: ['at', 'who', 'result'] };
const outcomeOf = (profile: unknown, result: unknown) => {
  const r = mappedFormat(MappingProfileSchema.parse(profile), 'csv').normalize({ at: '2026-01-01T00:00:00Z', who: 'a', result }, ctx);
  if (!r.ok) throw new Error(r.reason);
  return r.events[0].outcome;
};

describe('mapping profile: the outcome field\'s own words', () => {
  const profile = { fields: { time: 'at', actor: 'who', outcome: 'result' }, outcomeValues: { success: ['OK', ' allowed '], failure: ['denied', 'E_AUTH'] } };

  it('maps the listed values case-insensitively, and anything else to unknown (never guessed)', () => {
    expect(outcomeOf(profile, 'ok')).toBe('success');
    expect(outcomeOf(profile, 'ALLOWED')).toBe('success');
    expect(outcomeOf(profile, 'Denied')).toBe('failure');
    expect(outcomeOf(profile, 'e_auth')).toBe('failure');
    // "success" is a usual word, but this profile lists its own: it stays unknown, as do missing values.
    expect(outcomeOf(profile, 'success')).toBe('unknown');
    expect(outcomeOf(profile, '')).toBe('unknown');
    expect(outcomeOf(profile, undefined)).toBe('unknown');
  });

  it('without lists, the usual words and HTTP codes still apply', () => {
    const plain = { fields: profile.fields };
    expect(outcomeOf(plain, 'failed')).toBe('failure');
    expect(outcomeOf(plain, '204')).toBe('success');
    expect(outcomeOf(plain, 'OK')).toBe(outcomeOf(plain, 'ok'));
  });
});

describe('mappingIdentity (when a re-import through a mapping is the same reading)', () => {
  it('ignores the name and field order, but not the fields or the outcome words', () => {
    const a = MappingProfileSchema.parse({ name: 'a', fields: { time: 't', actor: 'u' } });
    const b = MappingProfileSchema.parse({ name: 'b', fields: { actor: 'u', time: 't' } });
    expect(mappingIdentity(a)).toBe(mappingIdentity(b));
    expect(mappingIdentity(a)).not.toBe(mappingIdentity({ ...a, fields: { ...a.fields, actor: 'v' } }));
    expect(mappingIdentity(a)).not.toBe(mappingIdentity({ ...a, outcomeValues: { success: ['y'], failure: [] } }));
  });
});

describe('the editor draft as a profile', () => {
  it('needs a time field, drops unmapped fields, and keeps outcome words only with an outcome field', () => {
    expect(draftProfile({ fields: { actor: 'who' }, success: '', failure: '', name: '' })).toBeNull();
    expect(draftProfile({ fields: { time: 'at', actor: undefined, outcome: 'r' }, success: 'OK, yes ,', failure: 'no', name: ' CRM ' })).toEqual({
      name: 'CRM',
      fields: { time: 'at', outcome: 'r' },
      outcomeValues: { success: ['OK', 'yes'], failure: ['no'] },
    });
    expect(draftProfile({ fields: { time: 'at' }, success: 'OK', failure: '', name: '' })).toEqual({ fields: { time: 'at' } });
  });
});
