import { dialog, Menu, type BrowserWindow } from 'electron';
import type { BackendHost } from './backend-host.js';

/** File menu: New case / Open case through native dialogs; the backend switches cases and notifies the UI. */
export function installMenu(win: BrowserWindow, backend: BackendHost): void {
  const filters = [{ name: 'Auditlens case', extensions: ['auditlens'] }];
  const template: Electron.MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        {
          label: 'New Case…',
          accelerator: 'CmdOrCtrl+N',
          click: async () => {
            const r = await dialog.showSaveDialog(win, { title: 'New case', filters, defaultPath: 'investigation.auditlens' });
            if (!r.canceled && r.filePath) await backend.invoke('case:new', { path: r.filePath });
          },
        },
        {
          label: 'Open Case…',
          accelerator: 'CmdOrCtrl+O',
          click: async () => {
            const r = await dialog.showOpenDialog(win, { title: 'Open case', filters, properties: ['openFile'] });
            if (!r.canceled && r.filePaths[0]) await backend.invoke('case:open', { path: r.filePaths[0] });
          },
        },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
