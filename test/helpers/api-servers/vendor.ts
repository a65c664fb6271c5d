import { startFakeApi, type FakeApi, type Fault, type Reply, type ServedRequest } from './base.js';

export type Rec = Record<string, unknown>;

/** A fake vendor API holding a growing list of events (tests `add` more to exercise polling). */
export interface VendorApi extends FakeApi {
  events: Rec[];
  add(n: number): void;
}

export interface VendorOptions {
  count: number;
  token: string;
  faults?: Record<number, Fault>;
  /** Called after each successful page (the Jira test adds records mid-pull). */
  afterPage?: (api: VendorApi) => void;
}

/** Builds a vendor fake from a record maker and a router over the current events. */
export async function startVendorApi(
  opts: VendorOptions,
  authorization: string,
  make: (i: number) => Rec,
  route: (req: ServedRequest, origin: string, events: Rec[]) => Reply,
): Promise<VendorApi> {
  const events: Rec[] = [];
  let api: VendorApi | null = null;
  const base = await startFakeApi((req, origin) => {
    const reply = route(req, origin, events);
    if (api) opts.afterPage?.(api);
    return reply;
  }, { authorization, faults: opts.faults });
  const add = (n: number) => {
    for (let k = 0; k < n; k++) events.push(make(events.length));
  };
  add(opts.count);
  api = Object.assign(base, { events, add });
  return api;
}
