// Every function in widget/ reads at once: measured with the TypeScript compiler over the source (tests excluded).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const MAX_LINES = 80;
const widgetDir = fileURLToPath(new URL('.', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

interface FunctionLength {
  readonly where: string;
  readonly lines: number;
}

/** Every function-like node with a body (declarations, methods, arrows, accessors), with its length in lines. */
function functionLengths(path: string, text: string): FunctionLength[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const lengths: FunctionLength[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous)';
      lengths.push({ where: `${relative(widgetDir, path)}:${first + 1} ${name}`, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lengths;
}

describe('function length', () => {
  it('measures: the measure sees a long function', () => {
    const body = Array.from({ length: MAX_LINES }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const [measured] = functionLengths('long.ts', `function long() {\n${body}\n}\n`);
    expect(measured).toEqual({ where: expect.stringContaining('long.ts:1 long'), lines: MAX_LINES + 2 });
  });

  it(`keeps every function in widget/ under ${MAX_LINES} lines`, () => {
    const all = sourceFiles(widgetDir).flatMap((path) => functionLengths(path, readFileSync(path, 'utf8')));
    expect(all.length).toBeGreaterThan(100);
    const tooLong = all.filter(({ lines }) => lines >= MAX_LINES);
    expect(tooLong).toEqual([]);
  });
});
