import { AppError } from '../../../../../shared/errors.js';
import type { ListingContext } from '../types.js';

/** A preset parameter the analyst must give (`--param org=acme`): a clear error names it and the preset. */
export function requireParam(ctx: ListingContext, name: string, preset: string): string {
  const v = ctx.params[name]?.trim();
  if (!v) throw new AppError('INVALID_INPUT', `preset ${preset} needs the parameter '${name}' (--param ${name}=VALUE)`);
  return encodeURIComponent(v);
}

/** Extra query parameters the analyst added that the preset does not consume itself. */
export function extraParams(ctx: ListingContext, consumed: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(ctx.params).filter(([k]) => !consumed.includes(k)));
}

/** `since` as epoch seconds / milliseconds for APIs that take numbers (Slack, Atlassian). */
export function sinceEpoch(since: string | null, unit: 's' | 'ms'): string | null {
  if (!since) return null;
  const ms = Date.parse(since);
  if (Number.isNaN(ms)) throw new AppError('INVALID_INPUT', `since: '${since}' is not an ISO date or time`);
  return String(unit === 's' ? Math.floor(ms / 1000) : ms);
}
