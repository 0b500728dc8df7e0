import type { CliModule } from './types';
import { exchangeCommands } from './exchange';
import { conflictsCommands } from './conflicts';
import { demoCommands } from './demo';
import { listsCommands } from './lists';
import { manifestCommands } from './manifest';
import { personsCommands } from './persons';
import { transferCommands } from './transfer';
import { vaultCommands } from './vault';

/** Every area's commands, in help order. */
export const CLI_MODULES: CliModule[] = [
  vaultCommands,
  personsCommands,
  demoCommands,
  listsCommands,
  exchangeCommands,
  manifestCommands,
  conflictsCommands,
  transferCommands,
];
