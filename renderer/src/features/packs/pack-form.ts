import type { CaseInfo } from '../../../../shared/contract/channels.js';
import type { PackRequest, PackType } from '../../../../shared/contract/packs.js';

/** The Packs form's state and its translation into a pack request (times typed in UTC). */

export interface PackForm {
  type: PackType;
  /** `YYYY-MM-DDTHH:mm`, UTC (datetime-local inputs carry no zone). */
  from: string;
  to: string;
  query: string;
  tagged: boolean;
  /** Selected sources; empty = all. */
  sources: string[];
  sample: boolean;
  sampleN: string;
  seed: string;
}

export const TYPE_LABELS: Record<PackType, string> = {
  'access-review': 'Access review',
  'change-management': 'Change management',
  'incident-response': 'Incident response',
  custom: 'Custom (query or tagged events)',
};

const DAY = 86_400_000;
const local = (ms: number) => new Date(ms).toISOString().slice(0, 16);

/** The 30 days up to the end of the day of the case's last event (or of today, for an empty case). */
export function defaultForm(info: CaseInfo | null, query: string): PackForm {
  const last = info?.lastTime ? Date.parse(info.lastTime) : Date.now();
  const to = Math.floor(last / DAY) * DAY + DAY;
  return {
    type: 'access-review', from: local(to - 30 * DAY), to: local(to), query, tagged: false, sources: [], sample: false,
    sampleN: '25', seed: String(Math.floor(Math.random() * 1_000_000)),
  };
}

function isoUtc(value: string): string | null {
  const ms = Date.parse(`${value}:00Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The request, or the reason the form is not complete yet. */
export function toRequest(f: PackForm, displayZone = 'UTC'): { request: PackRequest } | { problem: string } {
  const from = isoUtc(f.from);
  const to = isoUtc(f.to);
  if (!from || !to) return { problem: 'Give the period start and end.' };
  if (from >= to) return { problem: 'The period must end after it starts.' };
  if (f.type === 'custom' && !f.query.trim() && !f.tagged) return { problem: 'A custom pack needs a query or the tagged events.' };
  const n = Number(f.sampleN);
  const seed = Number(f.seed);
  if (f.sample && (!Number.isInteger(n) || n < 1)) return { problem: 'The sample size must be a whole number of at least 1.' };
  if (f.sample && (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)) return { problem: 'The seed must be a whole number from 0 to 4294967295.' };
  return {
    request: {
      type: f.type, from, to,
      ...(f.type === 'custom' && f.query.trim() ? { query: f.query.trim() } : {}),
      ...(f.type === 'custom' && f.tagged ? { tagged: true } : {}),
      ...(f.sources.length ? { sources: f.sources } : {}),
      ...(f.sample ? { sample: { n, seed } } : {}),
      ...(displayZone !== 'UTC' ? { displayZone } : {}),
    },
  };
}
