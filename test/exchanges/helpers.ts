// A real encrypted vault and the router every front door uses; `call` unwraps a result or fails the test.
import { createRouter, type Core } from '../../electron/core';
import type { ArgsOf, Channel, ResultOf } from '../../shared/ipc/contract';
import type { ObminErrorShape } from '../../shared/errors';
import { initCore } from '../helpers/tmp';

export interface Bench {
  core: Core;
  call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>>;
  fail<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ObminErrorShape>;
}

export async function bench(): Promise<Bench> {
  const core = await initCore();
  const router = createRouter(core);
  return {
    core,
    async call(channel, args) {
      const r = await router.handle(channel, args);
      if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
      return r.value as never;
    },
    async fail(channel, args) {
      const r = await router.handle(channel, args);
      if (r.ok) throw new Error(`${channel} succeeded`);
      return r.error;
    },
  };
}

let n = 0;
/** A fictional person; `ours` people default to confirmed captivity with what the manifest needs. */
export async function person(b: Bench, over: Partial<ArgsOf<'persons.create'>> = {}): Promise<string> {
  n++;
  const held = over.side === 'held';
  const p = await b.call('persons.create', {
    surname: `Вигаданий${n}`,
    givenName: 'Тарас',
    side: 'ours',
    category: 'military',
    dateOfBirth: '1990-01-01',
    unit: 'в/ч А0000',
    ref: `T-${n}`,
    ...(held ? {} : { status: 'captivity_confirmed' as const }),
    ...over,
  });
  return p.id;
}

export function count(core: Core, sql: string, ...params: unknown[]): number {
  return core
    .require()
    .db.prepare(sql)
    .pluck()
    .get(...params) as number;
}

/** Both lists of a round in full (the window reads them page by page). */
export async function lists(
  b: Bench,
  roundId: string,
): Promise<{ receive: ResultOf<'exchanges.entries'>['rows']; give: ResultOf<'exchanges.entries'>['rows'] }> {
  const receive = (await b.call('exchanges.entries', { roundId, direction: 'receive', limit: 5000 })).rows;
  const give = (await b.call('exchanges.entries', { roundId, direction: 'give', limit: 5000 })).rows;
  return { receive, give };
}
