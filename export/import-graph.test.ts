// The export command's static imports: it runs inside the CLI (a dynamic import), so it must not load the CLI back, nor Express.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

/** Every module `entry` loads through static imports: relative ones as files, packages by name. */
function staticImports(entry: string): Set<string> {
  const seen = new Set<string>();
  // Type-only imports load nothing at run time.
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, spec] of source.matchAll(/^(?:import|export)\s(?!type\s)[^;]*?from\s+'([^']+)'/gms)) {
      if (spec!.startsWith('.')) visit(resolve(dirname(file), spec!.replace(/\.js$/, '.ts')));
      else seen.add(spec!);
    }
  };
  visit(entry);
  return seen;
}

it('export/command.ts loads neither server/cli.ts nor Express', () => {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const loaded = staticImports(resolve(root, 'export/command.ts'));
  expect(loaded).toContain(resolve(root, 'server/usage-error.ts'));
  expect(loaded).not.toContain(resolve(root, 'server/cli.ts'));
  expect([...loaded].filter((name) => name === 'express' || name.startsWith('express/'))).toEqual([]);
});
