import type { Db } from '../../vault/database';

export interface Migration {
  version: number;
  name: string;
  up: (db: Db) => void;
}
