import { describe, expect, it } from 'vitest';
import { actionWords, classifyAction } from '../../electron/backend/ingest/formats/classify.js';
import { clientIp, looksLikeIp } from '../../electron/backend/ingest/formats/net.js';

describe('classifyAction', () => {
  it('splits vendor action names into words', () => {
    expect(actionWords('PutBucketPolicy')).toEqual(['put', 'bucket', 'policy']);
    expect(actionWords('user.session.start')).toEqual(['user', 'session', 'start']);
    expect(actionWords('APIKeyRevoked')).toEqual(['api', 'key', 'revoked']);
  });

  it('categorises by verb and noun', () => {
    expect(classifyAction('UserLoggedIn')).toEqual({ category: 'authentication', severity: 'info' });
    expect(classifyAction('user.login', 'failure')).toEqual({ category: 'authentication', severity: 'critical' });
    expect(classifyAction('ListBuckets').category).toBe('data_access');
    expect(classifyAction('report.export')).toMatchObject({ category: 'export' });
    expect(classifyAction('CreateAccessKey')).toEqual({ category: 'authorization', severity: 'warning' });
    expect(classifyAction('AttachRolePolicy')).toEqual({ category: 'authorization', severity: 'warning' });
    expect(classifyAction('group.member.add').category).toBe('user_management');
    expect(classifyAction('UpdateSettings').category).toBe('configuration');
    expect(classifyAction('CreateBucket').category).toBe('resource_change');
    expect(classifyAction('heartbeat')).toEqual({ category: 'other', severity: 'info' });
    expect(classifyAction(null)).toEqual({ category: 'other', severity: 'info' });
  });

  it('treats turning audit logging off as critical', () => {
    expect(classifyAction('audit_log.disable')).toEqual({ category: 'configuration', severity: 'critical' });
    expect(classifyAction('DeleteTrail').severity).toBe('critical');
    expect(classifyAction('UpdateTrail').severity).toBe('warning');
  });
});

describe('client addresses', () => {
  it('accepts IPv4/IPv6 and strips ports and forwarding lists', () => {
    expect(looksLikeIp('192.0.2.1')).toBe(true);
    expect(looksLikeIp('2001:db8::1')).toBe(true);
    expect(looksLikeIp('::1')).toBe(true);
    expect(looksLikeIp('1.1.1.1.1')).toBe(false);
    expect(looksLikeIp('ec2.amazonaws.com')).toBe(false);
    expect(clientIp('203.0.113.5:443')).toBe('203.0.113.5');
    expect(clientIp('[2001:db8::5]:443')).toBe('2001:db8::5');
    expect(clientIp('63.246.22.199,172.16.1.187')).toBe('63.246.22.199');
    expect(clientIp('gce-internal-ip')).toBeNull();
    expect(clientIp(null)).toBeNull();
  });
});
