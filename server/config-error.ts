// ConfigError: a bad start-up setting, named so the one line printed says exactly what to fix.

/** One bad environment value and what it should be. */
export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

/**
 * Bad environment values; `variable` names the first, `problems` lists every one, and the
 * message names them all on one line so start-up can say exactly what to fix in one go.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly ConfigProblem[];
  constructor(
    readonly variable: string,
    message: string,
    more: readonly ConfigProblem[] = [],
  ) {
    const problems = [{ variable, message }, ...more];
    super(problems.map((problem) => `${problem.variable}: ${problem.message}`).join('; '));
    this.problems = problems;
  }
}
