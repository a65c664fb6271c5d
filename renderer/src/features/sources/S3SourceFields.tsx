import type { S3Keys, S3SourceConfig } from '../../../../shared/contract/sources.js';

/** The S3 part of the Add/Edit source form, as plain strings while typed. */
export interface S3FormState {
  url: string;
  region: string;
  endpoint: string;
  pathStyle: boolean;
  pattern: string;
  since: string;
  until: string;
  profile: string;
  validate: boolean;
  publicKeyPath: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export function s3FormState(config: S3SourceConfig | null, keys: S3Keys | undefined): S3FormState {
  return {
    url: config ? `s3://${config.bucket}/${config.prefix}` : 's3://', region: config?.region ?? '', endpoint: config?.endpoint ?? '',
    pathStyle: config?.pathStyle ?? false, pattern: config?.pattern ?? '', since: config?.since ?? '', until: config?.until ?? '',
    profile: config?.profile ?? '', validate: config?.validate ?? false, publicKeyPath: config?.publicKeyPath ?? '',
    accessKeyId: keys?.accessKeyId ?? '', secretAccessKey: keys?.secretAccessKey ?? '',
  };
}

/** The config to store (no secret) and the keys to keep in memory, or a message saying what is wrong. */
export function s3FormResult(f: S3FormState): { config: S3SourceConfig; keys: S3Keys | null } | { error: string } {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/i.exec(f.url.trim());
  if (!m) return { error: `Bucket: '${f.url}' is not an S3 URL (s3://bucket/prefix)` };
  if (Boolean(f.accessKeyId.trim()) !== Boolean(f.secretAccessKey)) return { error: 'Give both the access key id and the secret access key, or neither' };
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  const config: S3SourceConfig = {
    bucket: m[1], prefix: m[2], region: opt(f.region), endpoint: opt(f.endpoint), pattern: opt(f.pattern), since: opt(f.since),
    until: opt(f.until), profile: opt(f.profile), ...(f.pathStyle ? { pathStyle: true } : {}), ...(f.validate ? { validate: true } : {}),
    publicKeyPath: f.validate ? opt(f.publicKeyPath) : undefined,
  };
  for (const k of Object.keys(config) as (keyof S3SourceConfig)[]) if (config[k] === undefined) delete config[k];
  return { config, keys: f.accessKeyId.trim() ? { accessKeyId: f.accessKeyId.trim(), secretAccessKey: f.secretAccessKey } : null };
}

/** Bucket, prefix, region, endpoint, key filter, date range, credentials and CloudTrail validation of an S3 source. */
export function S3SourceFields({ value, onChange }: { value: S3FormState; onChange: (v: S3FormState) => void }) {
  const text = (field: keyof S3FormState, label: string, placeholder = '', type = 'text') => (
    <label>
      {label}
      <input type={type} value={value[field] as string} placeholder={placeholder} autoComplete="off"
        onChange={(e) => onChange({ ...value, [field]: e.target.value })} />
    </label>
  );
  const check = (field: 'pathStyle' | 'validate', label: string) => (
    <label className="inline-check">
      <input type="checkbox" checked={value[field]} onChange={(e) => onChange({ ...value, [field]: e.target.checked })} />
      {label}
    </label>
  );
  return (
    <>
      {text('url', 'Bucket and prefix', 's3://my-trail-bucket/AWSLogs/123456789012/')}
      {text('region', 'Region', 'us-east-1 (default: from the profile or environment)')}
      {text('endpoint', 'Custom endpoint (S3-compatible store)', 'https://minio.internal:9000')}
      {check('pathStyle', 'Path-style addressing (always on with a custom endpoint)')}
      {text('pattern', 'Key pattern', '*.json.gz')}
      {text('since', 'From (ISO date)', '2026-01-01')}
      {text('until', 'Until (ISO date, inclusive)', '2026-01-31')}
      {text('profile', 'AWS profile (SSO profiles too)', 'default chain when empty')}
      {text('accessKeyId', 'Access key id for this session')}
      {text('secretAccessKey', 'Secret access key for this session', '', 'password')}
      <p className="muted small" data-testid="s3-keys-note">
        Without keys the pull uses the profile, or the AWS default chain (environment, SSO, instance role). Keys typed
        here stay in this window&apos;s memory for this session only: never in the case file, logs or exports.
      </p>
      {check('validate', 'Validate CloudTrail log-file integrity after each pull')}
      {value.validate && text('publicKeyPath', 'CloudTrail public key (PEM file path)', '/path/to/cloudtrail-us-east-1.pem')}
    </>
  );
}
