import path from 'node:path';
import { channels, isChannelName, type ChannelName } from '../../shared/contract/channels.js';
import type { PushEventName, PushEventPayload } from '../../shared/contract/events.js';
import { AppError, toErrorInfo, type Envelope } from '../../shared/errors.js';
import type { BackendContext } from './context.js';
import { handlers } from './handlers/index.js';
import type { Handler } from './handlers/types.js';
import { JobRegistry } from './jobs/registry.js';
import { warmColumns } from './store/memory/column-cache.js';
import { openCase } from './store/open.js';
import { markInterruptedExports } from './store/queries/exports.js';
import { markInterruptedImports } from './store/queries/imports.js';
import { rememberCase } from './store/recent-cases.js';

/**
 * The backend as every host sees it: `invoke(channel, unknownInput)` answers an Envelope and never throws. Hosts
 * (Electron utility process, web host, CLI, tests) only move bytes; validation happens here, once, for all of them.
 */

export interface BackendOptions {
  caseFile: string;
  /** Push-event sink (the host broadcasts to its renderers). */
  emit?: (event: PushEventName, payload: unknown) => void;
  nativeBinding?: string;
  now?: () => Date;
  /** Recent-cases list to keep up to date (electron/backend/store/recent-cases.ts); hosts pass it, tests need not. */
  recentCasesFile?: string;
  /** Keep the case's short columns in memory (default true); tests of the SQL paths turn it off. */
  columnCache?: boolean;
}

export interface Backend {
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
  /** Typed in-process call for the CLI and tests: throws AppError instead of returning an envelope. */
  call<C extends ChannelName>(channel: C, input: unknown): Promise<ReturnType<Handler<C>> extends Promise<infer T> ? T : ReturnType<Handler<C>>>;
  readonly context: BackendContext;
  close(): Promise<void>;
}

export function createBackend(options: BackendOptions): Backend {
  const emit = options.emit ?? (() => {});
  const jobs = new JobRegistry(
    {
      progress: (p) => emit('job:progress', p),
      finished: (job) => {
        emit('job:finished', job);
        if (job.progress.inserted > 0) emit('case:changed', { path: context.caseFile, reason: 'imported' });
      },
    },
    options.nativeBinding,
  );
  const open = (file: string, create: boolean) => {
    const db = openCase(file, { create, nativeBinding: options.nativeBinding });
    markInterruptedImports(db);
    markInterruptedExports(db);
    if (options.recentCasesFile) rememberCase(options.recentCasesFile, path.resolve(file), new Date());
    // The columns timelines, facets and sessions count over load in steps between requests (memory/column-cache.ts).
    if (options.columnCache !== false) void warmColumns(db, true);
    return db;
  };
  const context: BackendContext = {
    caseFile: path.resolve(options.caseFile),
    db: open(options.caseFile, true),
    jobs,
    emit: <E extends PushEventName>(event: E, payload: PushEventPayload<E>) => emit(event, payload),
    async switchCase(file, create) {
      const next = open(file, create);
      await jobs.stopAll();
      context.db.close();
      context.db = next;
      context.caseFile = path.resolve(file);
    },
    now: options.now ?? (() => new Date()),
    recentCasesFile: options.recentCasesFile,
  };

  async function call(channel: string, input: unknown): Promise<unknown> {
    if (!isChannelName(channel)) throw new AppError('NOT_FOUND', `unknown channel '${channel}'`);
    const parsed = channels[channel].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`);
      throw new AppError('INVALID_INPUT', `invalid input for ${channel}: ${issues.join('; ')}`, { issues });
    }
    const handler = handlers[channel] as (input: unknown, ctx: BackendContext) => unknown;
    return await handler(parsed.data, context);
  }

  return {
    context,
    call: call as Backend['call'],
    async invoke(channel, input) {
      try {
        return { ok: true, value: await call(channel, input) };
      } catch (err) {
        return { ok: false, error: toErrorInfo(err) };
      }
    },
    async close() {
      await jobs.stopAll();
      context.db.close();
    },
  };
}
