import { isRecord, lowerKeys, parseJsonText, preview, reject, shareMatching, str, type Rec } from './common.js';
import { batchItems, normalizeBatch } from './envelope.js';
import { mapAudit, mapSignIn } from './entra-map.js';
import { parseEventTime } from './time.js';
import type { FormatModule, NormalizeResult } from './types.js';

/**
 * Microsoft Entra ID (Azure AD) sign-in and directory-audit logs in the three shapes they are exported in:
 * Microsoft Graph objects (`/auditLogs/directoryAudits`, `/auditLogs/signIns`), diagnostic-settings records
 * (`time`, `category`, `properties`: storage, Event Hubs, often with altered key case), and Log Analytics / Sentinel
 * rows (`Type`, `TimeGenerated`, PascalCase columns with nested objects serialized as JSON strings).
 */

const ENTRA_CATEGORIES = /^(signinlogs|noninteractiveusersigninlogs|serviceprincipalsigninlogs|managedidentitysigninlogs|auditlogs|provisioninglogs|adfssigninlogs)$/i;
const LA_TYPES = /^(auditlogs|signinlogs|aadnoninteractiveusersigninlogs|aadserviceprincipalsigninlogs|aadmanagedidentitysigninlogs|aadprovisioninglogs)$/i;
// Log Analytics writes these columns as JSON text.
const JSON_COLUMNS = ['initiatedby', 'targetresources', 'additionaldetails', 'status', 'locationdetails', 'devicedetail', 'location'];

type Kind = 'signin' | 'audit';

interface Entry {
  top: Rec;
  body: Rec;
  kind: Kind | null;
  /** SignInLogs, AuditLogs... as named by the export, for attributes and sign-in flavour. */
  label: string | null;
}

function entryOf(r: Rec): Entry {
  const top = lowerKeys(r);
  const diag = isRecord(top.properties) && ('operationname' in top || 'category' in top);
  const body = diag ? lowerKeys(top.properties as Rec) : { ...top };
  for (const k of JSON_COLUMNS) {
    const parsed = parseJsonText(body[k]);
    if (parsed !== null) body[k] = parsed;
  }
  const label = str(top.type) ?? str(top.category);
  let kind: Kind | null = null;
  if (label && /signin/i.test(label)) kind = 'signin';
  else if (label && /^auditlogs$/i.test(label)) kind = 'audit';
  else if ('activitydisplayname' in body || 'initiatedby' in body || 'loggedbyservice' in body) kind = 'audit';
  else if ('createddatetime' in body && ('userprincipalname' in body || 'appid' in body || 'serviceprincipalid' in body)) kind = 'signin';
  return { top, body, kind, label };
}

function isEntraRecord(r: Rec): boolean {
  const top = lowerKeys(r);
  const resourceId = str(top.resourceid) ?? '';
  if (isRecord(top.properties) && (/microsoft\.aadiam/i.test(resourceId) || ENTRA_CATEGORIES.test(str(top.category) ?? ''))) return true;
  if (LA_TYPES.test(str(top.type) ?? '') && 'timegenerated' in top) return true;
  if ('activitydisplayname' in top && 'initiatedby' in top && 'activitydatetime' in top) return true;
  return 'createddatetime' in top && 'userprincipalname' in top && 'appdisplayname' in top && isRecord(top.status);
}

const TIME_KEYS: Record<Kind, string[]> = {
  signin: ['createddatetime', 'time', 'timegenerated'],
  audit: ['activitydatetime', 'time', 'timegenerated'],
};

function normalizeEntry(r: Rec): NormalizeResult {
  const entry = entryOf(r);
  if (!entry.kind) return reject('neither an Entra sign-in nor a directory audit entry');
  const { top, body, kind, label } = entry;
  let time = null;
  let used: string | null = null;
  for (const k of TIME_KEYS[kind]) {
    const v = k in body ? body[k] : top[k];
    if (v === undefined || v === null || v === '') continue;
    time = parseEventTime(v);
    if (!time) return reject(`${k} has no usable time: ${preview(v)}`);
    used = k;
    break;
  }
  if (!time) return reject(`no event time (looked for: ${TIME_KEYS[kind].join(', ')})`);
  const notes = used === TIME_KEYS[kind][0] ? [] : [`${TIME_KEYS[kind][0]} missing; used ${used}`];
  const event = kind === 'signin' ? mapSignIn(time, body, top, label, notes) : mapAudit(time, body, top, notes);
  return { ok: true, events: [event] };
}

export function normalizeEntra(record: unknown): NormalizeResult {
  if (!isRecord(record)) return reject('record is not an object');
  const batch = batchItems(record);
  if (batch) return normalizeBatch(batch.items, batch.key, normalizeEntry);
  return normalizeEntry(record);
}

export const entraFormat: FormatModule = {
  id: 'entra',
  label: 'Microsoft Entra ID sign-in and audit logs',
  detect: (sample) =>
    0.95 * shareMatching(sample, (r) => {
      const batch = batchItems(r);
      return batch ? batch.items.length > 0 && isEntraRecord(batch.items[0] as Rec) : isEntraRecord(r);
    }),
  normalize: (record) => normalizeEntra(record),
};
