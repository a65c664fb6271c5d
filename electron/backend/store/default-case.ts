import os from 'node:os';
import path from 'node:path';

/** The per-user data directory (same place Electron's app.getPath('userData') uses for "Auditlens"). */
export function userDataDir(): string {
  if (process.env.AUDITLENS_DATA_DIR) return process.env.AUDITLENS_DATA_DIR;
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Auditlens');
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Auditlens');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'auditlens');
}

/** The case the app opens when none is named, so it starts ready to import. */
export function defaultCasePath(): string {
  return path.join(userDataDir(), 'default.auditlens');
}
