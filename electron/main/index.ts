import { app } from 'electron';
import path from 'node:path';
import { BackendHost } from './backend-host.js';
import { forwardEvents, installIpcGateway } from './ipc-gateway.js';
import { installMenu } from './menu.js';
import { installSecretsIpc } from './secrets-ipc.js';
import { createMainWindow } from './window.js';

/**
 * Electron host: window, menu, IPC gateway. It never opens the database: the backend runs in a utility process.
 * The Electron-ABI build of better-sqlite3 (see README, "native module for Electron") is passed to the backend.
 */
app.enableSandbox();
app.whenReady().then(() => {
  const caseFile = process.env.AUDITLENS_CASE ?? path.join(app.getPath('userData'), 'default.auditlens');
  const binding = process.env.AUDITLENS_SQLITE_BINDING ?? path.join(app.getAppPath(), 'build', 'native', 'better_sqlite3.node');
  let send: (event: string, payload: unknown) => void = () => {};
  const backend = new BackendHost(caseFile, (event, payload) => send(event, payload), binding);
  installIpcGateway(backend);
  installSecretsIpc(backend, app.getPath('userData'));
  const win = createMainWindow();
  send = forwardEvents(win);
  installMenu(win, backend);
  app.on('before-quit', () => backend.stop());
});
app.on('window-all-closed', () => app.quit());
