// One open database's session: made when the vault opens (init, unlock) — or by openSession for a database opened
// without a Core (tests' sites, benches) — and closed at lock. It owns what lives exactly as long as the connection:
// the audit signer, the family key, each feature's prepared statements and caches (typed slots), the register
// import's previews, the tables' after-write hooks and the explicit bulk mode. Nothing of it survives a lock.
import { ObminError } from '../../../shared/errors';
import type { Table } from '../../../shared/replication/tables';
import type { AuditSigner } from '../audit/signing';
import type { Db } from '../vault/database';
import type { AfterWrite, WriteEvent } from './afterWrite';

/** A typed place in the session: each module declares its own (`const STMTS = slot<Stmts>('search.statements')`). */
export interface Slot<T> {
  readonly name: string;
  /** never set: carries T */
  readonly _type?: T;
}

export function slot<T>(name: string): Slot<T> {
  return Object.freeze({ name });
}

/** What the tables hand the session at creation (electron/core/tables.ts): the write path runs them, knowing nothing of them. */
export interface TableHooks {
  /** derived data of a table (search indexes), kept in the writer's own transaction */
  afterWrite: Partial<Record<Table, readonly AfterWrite[]>>;
  /** at the end of a bulk: write what was collected (`ok`), or drop it (the transaction is being rolled back) */
  endBulk: readonly ((session: Session, ok: boolean) => void)[];
}

export class Session {
  /** The acting operator's signing key: every audit entry of this session is signed with it (audit/signing.ts). */
  signer: AuditSigner | undefined = undefined;
  /**
   * The family key (vault/family.ts): a Buffer (this session holds it), null (it does not), undefined (not decided:
   * migrations before the unlock finishes, tests' bare sites) — then sealed columns pass as they are.
   */
  familyKey: Buffer | null | undefined = undefined;
  private readonly slots = new Map<Slot<unknown>, unknown>();
  private bulkDepth = 0;
  private closed = false;

  constructor(
    readonly db: Db,
    private readonly hooks: TableHooks,
  ) {}

  /** This session's value for a slot, made on first use; dropped at lock with the session. */
  slot<T>(key: Slot<T>, make: () => T): T {
    if (this.closed) throw new ObminError('LOCKED');
    if (this.slots.has(key)) return this.slots.get(key) as T;
    const v = make();
    this.slots.set(key, v);
    return v;
  }

  /** A slot's value if it was made (nothing is made). */
  peek<T>(key: Slot<T>): T | undefined {
    return this.slots.get(key) as T | undefined;
  }

  drop(key: Slot<unknown>): void {
    this.slots.delete(key);
  }

  /** Runs the hooks registered for a table after the writer (or the merge) wrote one of its records. */
  afterWrite(tbl: Table, id: string, event: WriteEvent): void {
    for (const hook of this.hooks.afterWrite[tbl] ?? []) hook(this, id, event);
  }

  /** True inside `bulk`: hooks may collect their derived rows and write them once at the end. */
  get inBulk(): boolean {
    return this.bulkDepth > 0;
  }

  /**
   * Bulk mode for one transaction's worth of writes (an import, a merged file): the tables' hooks collect what new
   * records derive (name keys, FTS bodies) and write it once, sorted, when `fn` ends — inside the caller's
   * transaction, which must span the call. If `fn` throws, what was collected is dropped. Nested calls join the outer.
   */
  bulk<T>(fn: () => T): T {
    if (this.bulkDepth > 0) return fn();
    this.bulkDepth = 1;
    let r: T;
    try {
      r = fn();
    } catch (e) {
      this.endBulk(false);
      throw e;
    }
    if (r instanceof Promise)
      return r.then(
        (v: unknown) => {
          this.endBulk(true);
          return v;
        },
        (e: unknown) => {
          this.endBulk(false);
          throw e;
        },
      ) as T;
    this.endBulk(true);
    return r;
  }

  /** Writes what the bulk collected so far and stays in bulk mode (a long bulk's checkpoint). */
  flushBulk(): void {
    if (this.bulkDepth > 0 && !this.closed) for (const end of this.hooks.endBulk) end(this, true);
  }

  private endBulk(ok: boolean): void {
    try {
      if (ok && !this.closed) for (const end of this.hooks.endBulk) end(this, true);
    } catch (e) {
      ok = false;
      throw e;
    } finally {
      if (!ok && !this.closed) for (const end of this.hooks.endBulk) end(this, false);
      this.bulkDepth = 0;
    }
  }

  get open(): boolean {
    return !this.closed;
  }

  /** At lock: the keys are wiped and every statement, cache and preview goes with the session. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.familyKey?.fill(0);
    this.familyKey = undefined;
    this.signer = undefined;
    this.slots.clear();
    sessions.delete(this.db);
  }
}

// The one registry from a connection to its session: features still receive the Db; its session says what lives with it.
const sessions = new WeakMap<Db, Session>();

/** Starts the session of a database just opened. The caller closes it before closing the database. */
export function openSession(db: Db, hooks: TableHooks): Session {
  if (sessions.has(db)) throw new ObminError('INTERNAL', { reason: 'session already open' });
  const s = new Session(db, hooks);
  sessions.set(db, s);
  return s;
}

/** The open session of a database; a database without one (opened outside openSession) is a programming error. */
export function sessionOf(db: Db): Session {
  const s = sessions.get(db);
  if (!s) throw new ObminError('INTERNAL', { reason: 'no session for this database' });
  return s;
}
