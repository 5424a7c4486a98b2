// UsageError, a command line a command cannot run, and the commands' argument parsing; its own module so a subcommand (export/command.ts) need not load the CLI.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line the command cannot run: said in one line, exit code 1. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What parseArgs refused, by its error's code, found again among its tokens: its wording is Node's, for another kind of command. */
function refusal(code: unknown, config: ParseArgsConfig): string | undefined {
  const options = config.options ?? {};
  const tokens = parseArgs({ ...config, strict: false, allowPositionals: true, tokens: true }).tokens;
  for (const token of tokens) {
    if (token.kind === 'positional' && code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument '${token.value}'`;
    if (token.kind !== 'option') continue;
    const type = Object.hasOwn(options, token.name) ? options[token.name]?.type : undefined;
    if (type === undefined && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option '${token.rawName}'`;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && (type === 'string') !== (token.value !== undefined))
      return `option '${token.rawName}' ${type === 'string' ? 'needs a value' : 'takes no value'}`;
  }
  return undefined;
}

/** `parseArgs(config)`; an argument it refuses is a `UsageError`, its one line made by `say` from what was wrong. */
export function parseCommandLine<const T extends ParseArgsConfig>(
  config: T,
  say: (what: string) => string,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const what = refusal((error as NodeJS.ErrnoException).code, config);
    if (what === undefined) throw error;
    throw new UsageError(say(what));
  }
}
