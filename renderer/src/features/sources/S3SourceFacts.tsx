import type { SourceInfo } from '../../../../shared/contract/sources.js';
import { secretsPersist, sessionS3Keys } from './session-tokens.js';

/** What an S3 source pulls and with which credentials (never the keys themselves). */
export function S3SourceFacts({ source }: { source: Extract<SourceInfo, { kind: 's3' }> }) {
  const c = source.config;
  const keys = sessionS3Keys.get(source.name);
  const range = c.since || c.until ? `dated ${c.since ?? 'from the beginning'} to ${c.until ?? 'now'}` : 'any date';
  return (
    <dl className="source-facts" data-testid="s3-source-facts">
      <dt>Bucket</dt><dd className="mono">s3://{c.bucket}/{c.prefix}</dd>
      <dt>Endpoint</dt><dd className="mono">{c.endpoint ?? 'AWS S3'}{c.region ? ` (${c.region})` : ''}</dd>
      <dt>Keys</dt><dd>{c.pattern ? <>matching <span className="mono">{c.pattern}</span></> : 'all keys'}, {range}</dd>
      <dt>Credentials</dt>
      <dd>
        {keys ? `access key ${keys.accessKeyId} ${secretsPersist ? 'kept in the OS keychain' : 'entered for this session'}` : c.profile ? `profile ${c.profile}` : 'AWS default chain (environment, SSO, instance role)'}
      </dd>
      <dt>Integrity</dt>
      <dd>{c.validate ? `CloudTrail validation after each pull${c.publicKeyPath ? `, signatures with ${c.publicKeyPath}` : ', signatures unchecked (no public key)'}` : 'not validated'}</dd>
      <dt>Next pull</dt><dd>only objects new or changed since the last pull (key + ETag)</dd>
    </dl>
  );
}
