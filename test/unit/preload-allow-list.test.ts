import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/contract/channels.js';
import { PUSH_EVENT_NAMES } from '../../shared/contract/events.js';
import { REPO } from '../helpers/cli.js';

// The sandboxed preload cannot import project modules, so it repeats the channel names; this keeps them honest.
function listIn(source: string, name: string): string[] {
  const m = source.match(new RegExp(`const ${name} = \\[([^\\]]*)\\]`));
  if (!m) throw new Error(`${name} not found in preload`);
  return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]);
}

describe('preload allow-list', () => {
  const source = fs.readFileSync(path.join(REPO, 'electron/preload/index.cts'), 'utf8');
  it('allows exactly the contract channels', () => {
    expect(listIn(source, 'ALLOWED_CHANNELS').sort()).toEqual([...CHANNEL_NAMES].sort());
  });
  it('allows exactly the pushed events', () => {
    expect(listIn(source, 'ALLOWED_EVENTS').sort()).toEqual([...PUSH_EVENT_NAMES].sort());
  });
  it('never exposes ipcRenderer itself', () => {
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
  });
});
