import type { CliModule } from './types';
import { exchangeCommands } from './exchange';
import { conflictsCommands } from './conflicts';
import { listsCommands } from './lists';
import { manifestCommands } from './manifest';
import { personsCommands } from './persons';
import { transferCommands } from './transfer';
import { vaultCommands } from './vault';

/** Every area's commands, in help order. */
export const CLI_MODULES: CliModule[] = [vaultCommands, personsCommands, listsCommands, exchangeCommands, manifestCommands, conflictsCommands, transferCommands];
