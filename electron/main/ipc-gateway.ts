import { ipcMain, shell, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { isChannelName } from '../../shared/contract/channels.js';
import type { BackendHost } from './backend-host.js';
import { RENDERER_INDEX } from './window.js';

/**
 * The only door from the renderer to the backend: checks that the sender is our own top frame, that the channel is
 * in the contract, then forwards (the backend validates the input against the channel's schema).
 */
/** A request from our own renderer's top frame (not an iframe, not another page). */
export function trusted(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && frame.url.split('#')[0].split('?')[0] === pathToFileURL(RENDERER_INDEX).href;
}

export function installIpcGateway(backend: BackendHost): void {
  ipcMain.handle('auditlens:invoke', async (event, channel: unknown, input: unknown) => {
    if (!trusted(event)) return { ok: false, error: { code: 'UNAUTHORIZED', message: 'request from an untrusted frame' } };
    if (typeof channel !== 'string' || !isChannelName(channel)) {
      return { ok: false, error: { code: 'NOT_FOUND', message: `unknown channel ${String(channel)}` } };
    }
    return backend.invoke(channel, input);
  });
  // "Show in folder" for an export or a pack: only a path the case itself recorded, so a compromised renderer
  // cannot make the shell open arbitrary locations.
  ipcMain.handle('auditlens:reveal', async (event, file: unknown) => {
    if (!trusted(event) || typeof file !== 'string') return false;
    if (!(await recordedOutputs(backend)).has(file) || !fs.existsSync(file)) return false;
    shell.showItemInFolder(file);
    return true;
  });
}

async function recordedOutputs(backend: BackendHost): Promise<Set<string>> {
  const paths = new Set<string>();
  const exports = await backend.invoke('export:list', { limit: 10_000 });
  if (exports.ok) for (const row of exports.value as { outPath: string }[]) paths.add(row.outPath);
  const packs = await backend.invoke('pack:list', { limit: 10_000 });
  if (packs.ok) for (const row of packs.value as { outPath: string }[]) paths.add(row.outPath);
  return paths;
}

export function forwardEvents(win: BrowserWindow) {
  return (event: string, payload: unknown) => {
    if (!win.isDestroyed()) win.webContents.send('auditlens:event', { event, payload });
  };
}
