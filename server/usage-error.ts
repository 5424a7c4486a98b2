// UsageError: a command line a command cannot run; its own module so a subcommand (export/command.ts) need not load the CLI.

/** A command line the command cannot run: said in one line, exit code 1. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
