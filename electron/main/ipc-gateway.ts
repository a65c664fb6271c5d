import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { pathToFileURL } from 'node:url';
import { isChannelName } from '../../shared/contract/channels.js';
import type { BackendHost } from './backend-host.js';
import { RENDERER_INDEX } from './window.js';

/**
 * The only door from the renderer to the backend: checks that the sender is our own top frame, that the channel is
 * in the contract, then forwards (the backend validates the input against the channel's schema).
 */
export function installIpcGateway(backend: BackendHost): void {
  const appUrl = pathToFileURL(RENDERER_INDEX).href;
  const trusted = (event: IpcMainInvokeEvent) => {
    const frame = event.senderFrame;
    return !!frame && frame.parent === null && frame.url.split('#')[0].split('?')[0] === appUrl;
  };
  ipcMain.handle('auditlens:invoke', async (event, channel: unknown, input: unknown) => {
    if (!trusted(event)) return { ok: false, error: { code: 'UNAUTHORIZED', message: 'request from an untrusted frame' } };
    if (typeof channel !== 'string' || !isChannelName(channel)) {
      return { ok: false, error: { code: 'NOT_FOUND', message: `unknown channel ${String(channel)}` } };
    }
    return backend.invoke(channel, input);
  });
}

export function forwardEvents(win: BrowserWindow) {
  return (event: string, payload: unknown) => {
    if (!win.isDestroyed()) win.webContents.send('auditlens:event', { event, payload });
  };
}
