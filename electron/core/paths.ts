import os from 'node:os';
import path from 'node:path';

export const DB_FILE = 'obmin.db';
export const SLOTS_FILE = 'keyslots.json';
export const THROTTLE_FILE = 'auth-throttle.json';
export const PREFERENCES_FILE = 'preferences.json';

/** The data folder the desktop app and the CLI share: `$OBMIN_DATA`, else the platform's per-user config folder. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.OBMIN_DATA) return path.resolve(env.OBMIN_DATA);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Obmin', 'data');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Obmin', 'data');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Obmin', 'data');
}

export interface DataPaths {
  dir: string;
  db: string;
  slots: string;
  throttle: string;
  preferences: string;
}

export function dataPaths(dir: string): DataPaths {
  const abs = path.resolve(dir);
  return {
    dir: abs,
    db: path.join(abs, DB_FILE),
    slots: path.join(abs, SLOTS_FILE),
    throttle: path.join(abs, THROTTLE_FILE),
    preferences: path.join(abs, PREFERENCES_FILE),
  };
}
