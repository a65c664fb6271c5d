import { ListObjectsV2Command, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { AppError } from '../../../shared/errors.js';

/**
 * One place that builds S3 clients and turns SDK failures into the wire's error codes. Credentials come, in order,
 * from keys typed in (held in memory for the session; not persisted, not even with safeStorage), a named profile (which
 * also covers IAM Identity Center / SSO profiles: the SDK's default chain reads `sso_session` from ~/.aws/config), or
 * the SDK's default provider chain (environment, shared files, web identity, container and instance metadata).
 * Secrets are never put in error messages, summaries or checkpoints.
 */

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface S3ClientOptions {
  /** Defaults to the profile's / environment's region, or us-east-1 for a custom endpoint. */
  region?: string;
  /** S3-compatible store (MinIO, s3rver, Ceph...): path-style addressing is switched on with it. */
  endpoint?: string;
  /** Defaults to true when `endpoint` is set: most S3-compatible stores have no virtual-host DNS. */
  forcePathStyle?: boolean;
  /** Named profile from ~/.aws/config and ~/.aws/credentials (same effect as AWS_PROFILE for this client only). */
  profile?: string;
  credentials?: S3Credentials;
  /** Attempts per request including the first (SDK standard retry with backoff). Default 3. */
  maxAttempts?: number;
  /** Milliseconds to wait for a TCP connection before giving up on an attempt. Default 5000. */
  connectionTimeoutMs?: number;
  /** Milliseconds of socket inactivity before a request fails. Default 60000. */
  requestTimeoutMs?: number;
}

export function createS3Client(options: S3ClientOptions): S3Client {
  const config: S3ClientConfig = {
    region: options.region ?? (options.endpoint ? 'us-east-1' : undefined),
    forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
    maxAttempts: options.maxAttempts ?? 3,
    // Checksums only where S3 demands them: s3rver and several S3-compatible stores reject or mangle the
    // flexible-checksum trailers that newer SDKs send by default, and streamed bodies cannot be validated up front.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // Follow a 301 to the bucket's real region instead of failing: users often do not know where a trail lives.
    followRegionRedirects: !options.endpoint,
    requestHandler: {
      connectionTimeout: options.connectionTimeoutMs ?? 5000,
      requestTimeout: options.requestTimeoutMs ?? 60_000,
    },
  };
  if (options.endpoint) config.endpoint = options.endpoint;
  if (options.profile) config.profile = options.profile;
  if (options.credentials) {
    const { accessKeyId, secretAccessKey, sessionToken } = options.credentials;
    config.credentials = sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
  }
  return new S3Client(config);
}

/** Human description of where a request went, for error messages: bucket, endpoint and region. */
export function describeTarget(bucket: string, options: S3ClientOptions): string {
  const endpoint = options.endpoint ?? (options.region ? `https://s3.${options.region}.amazonaws.com` : 'AWS S3');
  const region = options.region ?? (options.endpoint ? 'us-east-1' : 'region from the AWS profile/environment');
  return `bucket ${bucket} at ${endpoint} (region ${region})`;
}

const AUTH_CODES = new Set([
  'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'AccessDenied', 'ExpiredToken', 'InvalidToken', 'TokenRefreshRequired',
  'AuthorizationHeaderMalformed', 'InvalidClientTokenId', 'UnrecognizedClientException', 'AllAccessDisabled',
  'AccountProblem', 'Forbidden', 'RequestTimeTooSkewed',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE',
  'ECONNABORTED', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_SSL_WRONG_VERSION_NUMBER',
]);

interface SdkErrorShape {
  name?: string;
  code?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

/** The S3 error code (`NoSuchBucket`), or the network errno (`ECONNREFUSED`), of an SDK failure. */
export function s3ErrorCode(err: unknown): string {
  const e = (err ?? {}) as SdkErrorShape;
  const cause = (e.cause ?? {}) as SdkErrorShape;
  return e.Code ?? (e.code && e.code !== 'ERR_UNKNOWN' ? e.code : undefined) ?? cause.code ?? e.name ?? 'Error';
}

function httpStatus(err: unknown): number | undefined {
  return (err as SdkErrorShape | undefined)?.$metadata?.httpStatusCode;
}

/**
 * Maps an SDK error to an AppError whose message an analyst can act on. `key` names the object for per-object
 * failures (a denied object does not stop the rest of the pull; the caller records it and moves on).
 */
export function classifyS3Error(err: unknown, bucket: string, options: S3ClientOptions, key?: string): AppError {
  if (err instanceof AppError) return err;
  const code = s3ErrorCode(err);
  const status = httpStatus(err);
  const target = describeTarget(bucket, options);
  const what = key ? `s3://${bucket}/${key}` : `bucket ${bucket}`;
  const details = { code, status, bucket, key, endpoint: options.endpoint ?? null, region: options.region ?? null };
  const name = (err as SdkErrorShape | undefined)?.name ?? '';
  const message = (err as SdkErrorShape | undefined)?.message ?? String(err);

  if (name === 'AbortError' || code === 'AbortError' || code === 'ABORT_ERR') {
    return new AppError('CANCELLED', 'the S3 pull was cancelled', details);
  }
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
    return new AppError(
      'SOURCE_AUTH',
      `no AWS credentials for ${target}: type keys, pick a profile${options.profile ? ` (profile '${options.profile}' gave none)` : ''}, run 'aws sso login', or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY`,
      details,
    );
  }
  if (/region is missing/i.test(message)) {
    return new AppError('INVALID_INPUT', `no region for ${target}: give a region or set AWS_REGION / the profile's region`, details);
  }
  if (AUTH_CODES.has(code) || status === 401 || (status === 403 && code !== 'NoSuchBucket')) {
    const verb = code === 'AccessDenied' || code === 'AllAccessDisabled' ? 'denied access to' : 'rejected the credentials for';
    return new AppError('SOURCE_AUTH', `S3 ${verb} ${what}: ${code} (${target})`, details);
  }
  if (code === 'NoSuchBucket') {
    return new AppError('SOURCE_UNREACHABLE', `S3 has no ${target}: NoSuchBucket`, details);
  }
  if (code === 'NoSuchKey') {
    return new AppError('NOT_FOUND', `${what} disappeared between listing and download: NoSuchKey`, details);
  }
  if (code === 'PermanentRedirect' || code === 'IllegalLocationConstraintException' || status === 301) {
    return new AppError('SOURCE_UNREACHABLE', `${target} is in another region: ${code}; give the bucket's region`, details);
  }
  if (NETWORK_CODES.has(code) || name === 'TimeoutError' || /socket hang up|getaddrinfo|connect/i.test(message)) {
    return new AppError('SOURCE_UNREACHABLE', `cannot reach ${target}: ${code}`, details);
  }
  if (status !== undefined && status >= 500) {
    return new AppError('SOURCE_UNREACHABLE', `S3 answered ${status} ${code} for ${what} (${target})`, details);
  }
  return new AppError('SOURCE_FORMAT', `S3 request for ${what} failed: ${code}: ${message} (${target})`, details);
}

/**
 * "Test connection" for the Sources screen: one LIST of at most 5 keys under the prefix proves the endpoint answers,
 * the credentials are accepted and the bucket exists. Throws the same classified errors as a pull.
 */
export async function testS3Connection(
  options: S3ClientOptions,
  bucket: string,
  prefix = '',
  signal?: AbortSignal,
): Promise<{ sampleKeys: string[]; more: boolean }> {
  const client = createS3Client(options);
  try {
    const out = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, MaxKeys: 5 }),
      { abortSignal: signal },
    );
    return { sampleKeys: (out.Contents ?? []).map((o) => o.Key ?? '').filter(Boolean), more: Boolean(out.IsTruncated) };
  } catch (err) {
    throw classifyS3Error(err, bucket, options);
  } finally {
    client.destroy();
  }
}
