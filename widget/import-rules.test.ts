// The lint rules of eslint.config.js (the layout's imports, function length) fire on code that breaks them, and stay quiet on the tree's own.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd });

/** The rule ids ESLint reports for `code` as if it were the file at `filePath`. */
async function ruleIds(code: string, filePath: string): Promise<Array<string | null>> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId);
}

const broken: Array<[string, string, string]> = [
  [
    'shared imports a program',
    'widget/shared/choice.ts',
    "import { connectOptOut } from '../client/client.js';\nexport const c = connectOptOut;\n",
  ],
  [
    'shared (nested) imports the server',
    'widget/shared/i18n/en.ts',
    "import { createApp } from '../../../server/app.js';\nexport const a = createApp;\n",
  ],
  ['shared imports Node', 'widget/shared/gpc.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
  [
    'the server imports a browser program',
    'server/frame-page.ts',
    "import { OptOutToggle } from '../widget/frame/optout-toggle.js';\nexport const t = OptOutToggle;\n",
  ],
  [
    'a server test helper imports the client',
    'server/testing/in-process-host.ts',
    "import { connectOptOut } from '../../widget/client/client.js';\nexport const c = connectOptOut;\n",
  ],
  [
    'the frame imports the server',
    'widget/frame/frame.ts',
    "import { loadConfig } from '../../server/config/index.js';\nexport const l = loadConfig;\n",
  ],
  [
    'the builder imports the server',
    'widget/builder/builder.ts',
    "import { ParamError } from '../../server/app.js';\nexport const p = ParamError;\n",
  ],
  ['the client imports Lit', 'widget/client/client.ts', "import { html } from 'lit';\nexport const h = html;\n"],
  ['an adapter imports Lit', 'widget/client/adapters/matomo.ts', "import { LitElement } from 'lit';\nexport const l = LitElement;\n"],
  ['the bridge imports Lit', 'widget/bridge/bridge.ts', "import { css } from 'lit';\nexport const c = css;\n"],
  [
    'the bridge imports the element',
    'widget/bridge/bridge.ts',
    "import { OptOutToggle } from '../frame/optout-toggle.js';\nexport const t = OptOutToggle;\n",
  ],
  [
    'the client imports the frame',
    'widget/client/client.ts',
    "import { startFrameMessenger } from '../frame/frame-messenger.js';\nexport const s = startFrameMessenger;\n",
  ],
  ['the request module imports Node', 'request/opted-out.ts', "import { parse } from 'node:querystring';\nexport const p = parse;\n"],
  [
    'the request module imports the server',
    'request/opted-out.ts',
    "import { loadConfig } from '../server/config.js';\nexport const l = loadConfig;\n",
  ],
  [
    'the frame imports the client',
    'widget/frame/frame.ts',
    "import { mirrorKey } from '../client/site-mirror.js';\nexport const r = mirrorKey;\n",
  ],
];

// The first lint loads ESLint's config and plugins: slow on a loaded machine, so a generous timeout.
describe('import rules', { timeout: 30_000 }, () => {
  it.each(broken)('%s: no-restricted-imports fires', async (_name, filePath, code) => {
    expect(await ruleIds(code, filePath)).toContain('no-restricted-imports');
  });

  it('shared modules have no side effects: a top-level call or an import for its effects is refused', async () => {
    const code = "import './i18n/en.js';\nexport const x = 1;\ndocument.title = 'x';\n";
    expect(await ruleIds(code, 'widget/shared/gpc.ts')).toEqual(['no-restricted-syntax', 'no-restricted-syntax']);
  });

  it('a function over 80 lines is refused in code, allowed in a test', async () => {
    const long = (lines: number) =>
      `export function long(): number {\n${Array.from({ length: lines - 3 }, (_, i) => `  const v${i} = ${i};`).join('\n')}\n  return 0;\n}\n`;
    const lengthRule = async (lines: number, filePath: string) =>
      (await ruleIds(long(lines), filePath)).filter((id) => id === 'max-lines-per-function');
    expect(await lengthRule(80, 'server/html.ts')).toEqual([]);
    expect(await lengthRule(81, 'server/html.ts')).toEqual(['max-lines-per-function']);
    expect(await lengthRule(81, 'widget/shared/choice.ts')).toEqual(['max-lines-per-function']);
    expect(await lengthRule(81, 'server/html.test.ts')).toEqual([]);
  });

  it('allows what the layout allows: shared from anywhere, the frame messenger from the bridge', async () => {
    const shared = "import type { OptOutState } from '../shared/choice.js';\nexport type S = OptOutState;\n";
    expect(await ruleIds(shared, 'widget/client/client.ts')).toEqual([]);
    expect(
      await ruleIds(
        "import { parseChoice } from '../widget/shared/choice.js';\nexport const p = parseChoice;\n",
        'server/request-state.ts',
      ),
    ).toEqual([]);
    expect(
      await ruleIds(
        "import { startFrameMessenger } from '../frame/frame-messenger.js';\nexport const s = startFrameMessenger;\n",
        'widget/bridge/bridge.ts',
      ),
    ).toEqual([]);
    expect(await ruleIds("import { html } from 'lit';\nexport const h = html;\n", 'widget/frame/optout-toggle.ts')).toEqual([]);
  });
});
