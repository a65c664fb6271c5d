import { utilityProcess, type UtilityProcess } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Envelope } from '../../shared/errors.js';

/** Runs the backend in a utility process (no DB work on the main thread) and correlates requests with replies. */
export class BackendHost {
  private child: UtilityProcess;
  private nextId = 1;
  private pending = new Map<number, (e: Envelope<unknown>) => void>();

  constructor(caseFile: string, onEvent: (event: string, payload: unknown) => void, sqliteBinding?: string) {
    const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'backend', 'utility-entry.js');
    this.child = utilityProcess.fork(entry, [], {
      serviceName: 'auditlens-backend',
      env: { ...process.env, AUDITLENS_CASE: caseFile, AUDITLENS_SQLITE_BINDING: sqliteBinding ?? '' },
    });
    this.child.on('message', (msg: { kind: string; id?: number; envelope?: Envelope<unknown>; event?: string; payload?: unknown }) => {
      if (msg.kind === 'reply' && msg.id !== undefined) {
        this.pending.get(msg.id)?.(msg.envelope!);
        this.pending.delete(msg.id);
      } else if (msg.kind === 'event' && msg.event) {
        onEvent(msg.event, msg.payload);
      }
    });
    this.child.on('exit', (code) => {
      for (const resolve of this.pending.values()) {
        resolve({ ok: false, error: { code: 'INTERNAL', message: `backend process exited (${code})` } });
      }
      this.pending.clear();
    });
  }

  invoke(channel: string, input: unknown): Promise<Envelope<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.postMessage({ kind: 'invoke', id, channel, input });
    });
  }

  stop(): void {
    this.child.kill();
  }
}
