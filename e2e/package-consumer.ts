// e2e fixture: the installed package as a TypeScript project meets it — every `exports` entry type-checked under `bundler` and `node16`, then imported in Node.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

/** What an empty ESM project holds before `npm install`: nothing but its module type. */
export const CONSUMER_MANIFEST = { private: true, type: 'module' } as const;

/** The public entry points, read from package.json's `exports`, so a new export is covered without editing a test. */
export function publicEntries(): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; exports: Record<string, unknown> };
  return Object.keys(manifest.exports).map((subpath) =>
    subpath === '.' ? manifest.name : `${manifest.name}/${subpath.replace(/^\.\//, '')}`,
  );
}

export type ModuleResolution = 'bundler' | 'node16';

/**
 * The globals a project has: a web app with a Node server (DOM and `@types/node`), the same
 * strict project that lists no type packages (`"types": []`, so `@types/node` is installed but
 * not global: a declaration that leans on `Buffer` or `node:http` fails), or an edge function's bare ES2022.
 */
export type Globals = 'dom-and-node' | 'dom-no-types' | 'bare';

/** A strict project as users write them, declaration files checked too (`skipLibCheck: false`). */
function tsconfig(resolution: ModuleResolution, globals: Globals): object {
  return {
    compilerOptions: {
      target: 'ES2022',
      module: resolution === 'bundler' ? 'ESNext' : 'Node16',
      moduleResolution: resolution === 'bundler' ? 'Bundler' : 'Node16',
      lib: globals === 'bare' ? ['ES2022'] : ['ES2022', 'DOM', 'DOM.Iterable'],
      types: globals === 'dom-and-node' ? ['node'] : [],
      strict: true,
      // Every declaration file is checked, the package's and its dependencies'; only TypeScript's own lib files are not.
      skipLibCheck: false,
      skipDefaultLibCheck: true,
      noEmit: true,
    },
    files: ['consumer.ts'],
  };
}

/** One namespace import per entry, each used, so the compiler resolves and checks every declaration file behind it. */
function consumerSource(entries: readonly string[]): string {
  const imports = entries.map((entry, index) => `import * as entry${index} from '${entry}';`);
  return `${imports.join('\n')}\n\nexport const entries: readonly object[] = [${entries.map((_, index) => `entry${index}`).join(', ')}];\n`;
}

/** A declaration's own symbol, through any `export { … } from` re-export. */
function resolved(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/**
 * Type-checks the consumer project with the project's own TypeScript; throws with the compiler's
 * messages when it fails. Resolves with each entry's declared value exports (what `import` must find at run time).
 */
export function typeCheckConsumer(
  app: string,
  entries: readonly string[],
  resolution: ModuleResolution,
  globals: Globals = 'dom-and-node',
): Record<string, string[]> {
  writeFileSync(join(app, 'consumer.ts'), consumerSource(entries));
  const configPath = join(app, `tsconfig.${resolution}.${globals}.json`);
  writeFileSync(configPath, `${JSON.stringify(tsconfig(resolution, globals), null, 2)}\n`);
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`${configPath}: not a TypeScript project`);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) {
    const host = { getCanonicalFileName: (name: string) => name, getCurrentDirectory: () => app, getNewLine: () => '\n' };
    throw new Error(
      `moduleResolution ${resolution} (${globals}): the consumer project does not type-check:\n${ts.formatDiagnostics(diagnostics, host)}`,
    );
  }
  const checker = program.getTypeChecker();
  const declared: Record<string, string[]> = {};
  for (const statement of program.getSourceFile(join(app, 'consumer.ts'))?.statements ?? []) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const module = checker.getSymbolAtLocation(statement.moduleSpecifier);
    if (!module) throw new Error(`moduleResolution ${resolution}: ${statement.moduleSpecifier.text} resolved to no module`);
    declared[statement.moduleSpecifier.text] = checker
      .getExportsOfModule(module)
      .filter((symbol) => !symbol.declarations?.some((declaration) => ts.isTypeOnlyImportOrExportDeclaration(declaration)))
      .filter((symbol) => resolved(checker, symbol).flags & ts.SymbolFlags.Value)
      .map((symbol) => symbol.name)
      .sort();
  }
  return declared;
}

/** Imports each entry in a plain Node process in `app`; resolves with each entry's runtime export names. */
export async function importInNode(app: string, entries: readonly string[]): Promise<Record<string, string[]>> {
  const script = join(app, 'import-all.mjs');
  writeFileSync(
    script,
    `const names = {};\nfor (const entry of ${JSON.stringify(entries)}) names[entry] = Object.keys(await import(entry)).sort();\nconsole.log(JSON.stringify(names));\n`,
  );
  const { stdout } = await run(process.execPath, [script], { cwd: app, env: { PATH: process.env.PATH, HOME: process.env.HOME } });
  return JSON.parse(stdout) as Record<string, string[]>;
}
