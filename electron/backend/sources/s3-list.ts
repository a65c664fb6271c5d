import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import {
  ACCOUNT_RE,
  ORG_RE,
  REGION_RE,
  TRAIL_SERVICES,
  dayPrefixes,
  describePrefix,
  isYearFolder,
  type TimeRange,
} from './s3-keys.js';

/**
 * LISTing: discovers the dated folders under a prefix (accounts, regions, GitHub stream roots) with delimiter
 * listings, then pages through ListObjectsV2 with continuation tokens (1,000 keys per page at most).
 */

export interface ListedObject {
  key: string;
  /** As S3 returns it, quotes included (`"d41d8cd9..."`). */
  etag: string;
  size: number;
  lastModified: string | null;
}

/** What to LIST: a prefix whole, or (`shallow`) only the objects directly in a folder, not its sub-folders. */
export interface ListTarget {
  prefix: string;
  shallow?: boolean;
}

export interface ListContext {
  client: S3Client;
  bucket: string;
  signal?: AbortSignal;
  /** Counts every request (discovery and object pages) for the summary. */
  onRequest?: () => void;
}

interface Page {
  objects: ListedObject[];
  folders: string[];
  next: string | undefined;
}

async function listPage(ctx: ListContext, prefix: string, delimiter: boolean, token: string | undefined): Promise<Page> {
  ctx.onRequest?.();
  const out = await ctx.client.send(
    new ListObjectsV2Command({
      Bucket: ctx.bucket,
      Prefix: prefix || undefined,
      Delimiter: delimiter ? '/' : undefined,
      ContinuationToken: token,
    }),
    { abortSignal: ctx.signal },
  );
  return {
    objects: (out.Contents ?? [])
      .filter((o) => o.Key !== undefined)
      .map((o) => ({
        key: o.Key!,
        etag: o.ETag ?? '',
        size: Number(o.Size ?? 0),
        lastModified: o.LastModified ? o.LastModified.toISOString() : null,
      })),
    folders: (out.CommonPrefixes ?? []).map((p) => p.Prefix ?? '').filter(Boolean),
    // IsTruncated is the contract; a stray token on the last page must not loop forever.
    next: out.IsTruncated ? out.NextContinuationToken : undefined,
  };
}

/** Every object under a target, page by page. */
export async function* listObjects(ctx: ListContext, target: ListTarget): AsyncGenerator<ListedObject[]> {
  let token: string | undefined;
  do {
    const page = await listPage(ctx, target.prefix, Boolean(target.shallow), token);
    yield page.objects;
    token = page.next;
  } while (token);
}

/**
 * Immediate child folder names (without the trailing '/') of a folder, from a delimiter listing. Some S3-compatible
 * stores answer a delimiter listing with nothing when the folders' objects sit two or more levels deeper (s3rver
 * 3.7's filesystem store prunes those directories); an empty answer is therefore double-checked by a skip-scan.
 */
async function childFolders(ctx: ListContext, folder: string): Promise<{ names: string[]; hasObjects: boolean }> {
  const names: string[] = [];
  let sawObjects = false;
  let token: string | undefined;
  do {
    const page = await listPage(ctx, folder, true, token);
    for (const p of page.folders) names.push(p.slice(folder.length, -1));
    sawObjects ||= page.objects.length > 0;
    token = page.next;
  } while (token);
  if (names.length > 0 || sawObjects) return { names, hasObjects: sawObjects };
  return { names: await skipScanFolders(ctx, folder), hasObjects: false };
}

/** Highest code point: `folder/name/` + this sorts after every key inside `folder/name/`. */
const AFTER_FOLDER = '\u{10FFFF}';
const MAX_SKIP_SCAN = 5000;

/**
 * Child folders found without a delimiter: fetch the first key after the previous folder (MaxKeys 1, StartAfter)
 * and jump past the folder it is in. One request per child; on a truly empty folder it costs a single request.
 */
async function skipScanFolders(ctx: ListContext, folder: string): Promise<string[]> {
  const names: string[] = [];
  let after: string | undefined;
  while (names.length < MAX_SKIP_SCAN) {
    ctx.onRequest?.();
    const out = await ctx.client.send(
      new ListObjectsV2Command({ Bucket: ctx.bucket, Prefix: folder || undefined, StartAfter: after, MaxKeys: 1 }),
      { abortSignal: ctx.signal },
    );
    const key = out.Contents?.[0]?.Key;
    if (!key || !key.startsWith(folder)) break;
    const slash = key.indexOf('/', folder.length);
    if (slash < 0) {
      after = key; // an object directly in the folder: step over it
      continue;
    }
    const name = key.slice(folder.length, slash);
    names.push(name);
    after = `${folder}${name}/${AFTER_FOLDER}`;
  }
  return names;
}

export interface ListPlan {
  /** `days`: only day folders in the range are listed; `prefix`: the prefix is listed whole (keys filtered by date). */
  mode: 'days' | 'prefix';
  targets: ListTarget[];
}

/**
 * Decides what to LIST. Without a lower bound there is nothing to narrow: the prefix is listed whole. With one, the
 * CloudTrail tree (AWSLogs/ -> [org] -> account -> CloudTrail -> region) and GitHub stream roots (YYYY/ children)
 * are discovered, and only the day folders in range are listed.
 */
export async function planListing(ctx: ListContext, prefix: string, range: TimeRange): Promise<ListPlan> {
  if (range.since === null) return { mode: 'prefix', targets: [{ prefix }] };
  const rangeBounded: TimeRange = { since: range.since, until: range.until ?? Date.now() };
  const targets: ListTarget[] = [];
  let narrowed = false;

  const days = (base: string, within: string) => {
    const list = dayPrefixes(base, within, rangeBounded);
    if (list === null) {
      targets.push({ prefix: within });
    } else {
      narrowed = true;
      for (const p of list) targets.push({ prefix: p });
    }
  };
  const descend = async (folder: string, keep: (name: string) => boolean) => {
    for (const name of (await childFolders(ctx, folder)).names) if (keep(name)) await expand(`${folder}${name}/`, false);
  };
  const expand = async (p: string, topLevel: boolean): Promise<void> => {
    const pos = describePrefix(p);
    switch (pos.kind) {
      case 'dated':
        return days(pos.base, p);
      case 'awslogs':
        return descend(p, (n) => ACCOUNT_RE.test(n) || ORG_RE.test(n));
      case 'org':
        return descend(p, (n) => ACCOUNT_RE.test(n));
      case 'account':
        return descend(p, (n) => TRAIL_SERVICES.has(n));
      case 'service':
        return descend(p, (n) => REGION_RE.test(n));
      case 'partial':
        targets.push({ prefix: p });
        return;
      case 'folder': {
        if (!topLevel) {
          targets.push({ prefix: p });
          return;
        }
        // One level of discovery: a bucket root holding AWSLogs/, or a GitHub stream root holding YYYY/ folders.
        const { names: children, hasObjects } = await childFolders(ctx, p);
        if (children.length > 0 && children.every(isYearFolder)) return days(p, p);
        if (!children.includes('AWSLogs')) {
          targets.push({ prefix: p });
          return;
        }
        if (hasObjects) targets.push({ prefix: p, shallow: true });
        for (const name of children) {
          if (name === 'AWSLogs') await expand(`${p}AWSLogs/`, false);
          else targets.push({ prefix: `${p}${name}/` });
        }
        return;
      }
    }
  };
  await expand(prefix, true);
  return { mode: narrowed ? 'days' : 'prefix', targets };
}
