import type { z } from 'zod';
import { conflictsContract } from './areas/conflicts';
import { exchangesContract } from './areas/exchanges';
import { foundationContract } from './areas/foundation';
import { listsContract } from './areas/lists';
import { manifestContract } from './areas/manifest';
import { registerContract } from './areas/register';
import { transferContract } from './areas/transfer';

/**
 * The one IPC contract: channel → zod schemas for arguments and result. The preload, the main process binding,
 * the core router and the renderer's types are all derived from this object. Each area declares its channels in
 * `areas/`; add an area by spreading it here.
 */
export const contract = {
  ...foundationContract,
  ...registerContract,
  ...listsContract,
  ...exchangesContract,
  ...manifestContract,
  ...conflictsContract,
  ...transferContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ArgsOf<C extends Channel> = z.input<Contract[C]['args']>;
export type ParsedArgsOf<C extends Channel> = z.output<Contract[C]['args']>;
export type ResultOf<C extends Channel> = z.output<Contract[C]['result']>;

export const CHANNELS = Object.keys(contract) as Channel[];
/** Every IPC message travels on this prefix; the main process refuses anything else. */
export const CHANNEL_PREFIX = 'obmin:';

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events pushed from the main process to the window (declared in events.ts). */
export { events, type EventName, type EventPayload } from './events';
