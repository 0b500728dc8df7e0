import type { Command } from 'commander';
import type { Io } from '../context';

/** Commander passes the positional arguments, then the options object, then the command. */
export type Action = (...args: never[]) => Promise<void>;
export type Runner = (action: Action) => (...args: unknown[]) => Promise<void>;
/** Each area adds its commands to the program; `run` turns thrown errors into one translated line and an exit code. */
export type CliModule = (program: Command, io: Io, run: Runner) => void;
