import { AppError } from '../../../../shared/errors.js';
import { describeRequest } from './paging.js';
import type { ApiRequest } from './types.js';

/**
 * One page request with the failure handling audit-log APIs need: 429 waits for Retry-After, 5xx and dropped
 * connections back off exponentially, both a bounded number of times. Every error names the request and says what to
 * do; nothing here ever prints a header (the token lives there).
 */

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface HttpOptions {
  headers: Record<string, string>;
  signal: AbortSignal;
  /** Injectable so tests do not wait real time. */
  sleep?: Sleep;
  /** Retries after the first attempt (default 5). */
  maxRetries?: number;
  /** First backoff for 5xx and network errors (default 1 s), doubled each time, capped at 60 s. */
  backoffMs?: number;
  /** A Retry-After longer than this fails the page instead of blocking the pull (default 15 min). */
  maxWaitMs?: number;
  timeoutMs?: number;
  onRetry?: (info: { attempt: number; waitMs: number; reason: string }) => void;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

/** Retry-After as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * How long a rate-limited answer asks us to wait: Retry-After, else the reset time vendors send instead (GitHub's
 * `x-ratelimit-reset` with a 403 or 429, Okta's `x-rate-limit-reset` with a 429; epoch seconds). Null: not a rate
 * limit (a 403 without these headers is a refusal of the credentials).
 */
export function rateLimitWaitMs(status: number, headers: Headers, now = Date.now()): number | null {
  const retryAfter = retryAfterMs(headers.get('retry-after'), now);
  const reset = headers.get('x-ratelimit-reset') ?? headers.get('x-rate-limit-reset');
  const untilReset = reset && /^\d+$/.test(reset.trim()) ? Math.max(0, Number(reset) * 1000 - now) + 1000 : null;
  if (status === 429) return retryAfter ?? untilReset;
  if (status === 403 && (retryAfter !== null || headers.get('x-ratelimit-remaining') === '0')) return retryAfter ?? untilReset ?? 60_000;
  return null;
}

/** The first line of a response body, for error messages (vendors put the reason there). */
function excerpt(bytes: Buffer): string {
  const text = bytes.subarray(0, 400).toString('utf8').replace(/\s+/g, ' ').trim();
  return text ? `: ${text.slice(0, 200)}` : '';
}

function statusError(req: ApiRequest, res: HttpResult): AppError {
  const where = `${req.method} ${describeRequest(req)}`;
  const s = res.status;
  if ((s === 401 || s === 403) && rateLimitWaitMs(s, res.headers) === null) {
    return new AppError('SOURCE_AUTH', `${where}: HTTP ${s} — the API refused the credentials (check the token and its scopes)${excerpt(res.bytes)}`);
  }
  if (s === 404) return new AppError('NOT_FOUND', `${where}: HTTP 404 — check the base URL and the preset's parameters${excerpt(res.bytes)}`);
  if (s >= 500 || s === 429 || rateLimitWaitMs(s, res.headers) !== null) {
    return new AppError('SOURCE_UNREACHABLE', `${where}: HTTP ${s} after retries${excerpt(res.bytes)}`);
  }
  return new AppError('INVALID_INPUT', `${where}: HTTP ${s}${excerpt(res.bytes)}`);
}

export async function fetchPage(req: ApiRequest, opts: HttpOptions): Promise<HttpResult> {
  const sleep = opts.sleep ?? realSleep;
  const maxRetries = opts.maxRetries ?? 5;
  const where = `${req.method} ${describeRequest(req)}`;
  let backoff = opts.backoffMs ?? 1000;
  for (let attempt = 0; ; attempt++) {
    let res: HttpResult | null = null;
    let failure: string;
    try {
      const r = await fetch(req.url, {
        method: req.method,
        headers: { accept: 'application/json', ...(req.body ? { 'content-type': 'application/json' } : {}), ...opts.headers },
        body: req.body ? JSON.stringify(req.body) : undefined,
        redirect: 'follow',
        signal: AbortSignal.any([opts.signal, AbortSignal.timeout(opts.timeoutMs ?? 120_000)]),
      });
      res = { status: r.status, headers: r.headers, bytes: Buffer.from(await r.arrayBuffer()) };
      if (r.ok) return res;
      failure = `HTTP ${r.status}`;
    } catch (err) {
      if (opts.signal.aborted) throw opts.signal.reason ?? err;
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      failure = cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
    }
    const limitedFor = res ? rateLimitWaitMs(res.status, res.headers) : null;
    const retryable = !res || res.status === 429 || limitedFor !== null || res.status >= 500;
    if (!retryable || attempt >= maxRetries) {
      if (res) throw statusError(req, res);
      throw new AppError('SOURCE_UNREACHABLE', `${where}: connection failed (${failure}) after ${attempt + 1} attempt(s)`);
    }
    let waitMs = backoff;
    if (res && (res.status === 429 || limitedFor !== null)) {
      waitMs = limitedFor ?? backoff;
      if (waitMs > (opts.maxWaitMs ?? 15 * 60_000)) {
        throw new AppError('SOURCE_UNREACHABLE', `${where}: rate limited (HTTP ${res.status}) for ${Math.round(waitMs / 1000)} s more; pull again later`);
      }
    }
    backoff = Math.min(backoff * 2, 60_000);
    opts.onRetry?.({ attempt: attempt + 1, waitMs, reason: failure });
    await sleep(waitMs, opts.signal);
  }
}

/** Parses a page body as JSON; HTML (a login page, a proxy's error page) or anything else is a SOURCE_FORMAT error. */
export function parseJsonPage(req: ApiRequest, res: HttpResult): unknown {
  const type = res.headers.get('content-type') ?? '';
  const head = res.bytes.subarray(0, 200).toString('utf8').trimStart();
  const url = describeRequest(req);
  if (/html/i.test(type) || /^<(!doctype|html|head|body)/i.test(head)) {
    const title = /<title[^>]*>([^<]{0,120})/i.exec(res.bytes.subarray(0, 4096).toString('utf8'))?.[1]?.trim();
    throw new AppError(
      'SOURCE_FORMAT',
      `${url} answered HTML (${type || 'no content type'}${title ? `, "${title}"` : ''}) instead of JSON: check the base URL (a login page or a proxy?)`,
    );
  }
  try {
    return JSON.parse(res.bytes.toString('utf8'));
  } catch (err) {
    throw new AppError('SOURCE_FORMAT', `${url} answered something that is not JSON (${(err as Error).message})${excerpt(res.bytes)}`);
  }
}
