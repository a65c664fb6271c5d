import type { PushEventName, PushEventPayload } from '../../shared/contract/events.js';
import type { JobRegistry } from './jobs/registry.js';
import type { Db } from './store/open.js';

/** What every handler gets: the open case, the job registry and a way to push events to every renderer. */
export interface BackendContext {
  caseFile: string;
  db: Db;
  jobs: JobRegistry;
  emit<E extends PushEventName>(event: E, payload: PushEventPayload<E>): void;
  /** Closes the current case and opens (or creates) another one. */
  switchCase(file: string, create: boolean): Promise<void>;
  now(): Date;
  /** Where the host keeps its recent cases (absent: the host keeps none, e.g. in tests). */
  recentCasesFile?: string;
}
