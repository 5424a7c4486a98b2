// Keeps README.md, CONTRIBUTING.md and docs/*.md true: links and anchors resolve, included blocks equal their files, run-by commands are in their tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clientTag, everyPageCode, privacyPageCode, type BuilderChoices } from '../widget/shared/embed-snippet.js';
import { en } from '../widget/shared/i18n/en.js';
import { parseFrameParams } from '../widget/shared/frame-params.js';
import { parseIntegrationParams, TRACKERS } from '../widget/shared/integration-params.js';
import { TRACKER_INFO, trackerDocs } from '../widget/shared/tracker-snippets.js';
import {
  anchors,
  commandLines,
  inlinePaths,
  parseMarkdown,
  region,
  relativeLinks,
  sectionBlocks,
  type FencedBlock,
  type ParsedMarkdown,
} from './markdown.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pages = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const parsed = new Map<string, ParsedMarkdown>(pages.map((page) => [page, parseMarkdown(readFileSync(join(root, page), 'utf8'))]));

/** Languages of blocks that are commands or configuration: they must be included or run by a test. */
const COMMAND_OR_CONFIG = new Set([
  'sh',
  'bash',
  'shell',
  'console',
  'zsh',
  'json',
  'jsonc',
  'yaml',
  'yml',
  'toml',
  'ini',
  'caddy',
  'caddyfile',
  'nginx',
  'systemd',
  'dockerfile',
  'conf',
  'env',
  'text',
  '',
]);
/** Top-level folders whose paths, written as inline code, must exist. */
const PATH_ROOTS = ['.ci', 'bench', 'demo', 'deploy', 'docs', 'e2e', 'export', 'request', 'scripts', 'server', 'widget'];
/** Generated, not in the repository. */
const GENERATED = /^bench\/results\//;

const scripts = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

/** The anchors of a page in the repository, or undefined if it is not one of the checked pages. */
function anchorsOf(page: string): Set<string> | undefined {
  const page_ = parsed.get(page);
  return page_ && anchors(page_);
}

/** What is wrong with one relative link from `page`, or undefined. */
function brokenLink(page: string, target: string): string | undefined {
  const [path = '', anchor] = target.split('#');
  const file = path === '' ? page : normalize(join(dirname(page), decodeURIComponent(path)));
  if (relative(root, join(root, file)).startsWith('..')) return `${target}: outside the repository`;
  if (!existsSync(join(root, file))) return `${target}: no file ${file}`;
  if (anchor === undefined) return undefined;
  const known = anchorsOf(file);
  if (!known) return `${target}: an anchor into ${file}, which is not a checked Markdown page`;
  return known.has(anchor) ? undefined : `${target}: no heading gives #${anchor} in ${file}`;
}

/** What is wrong with an included block, or undefined. */
function includeFault(block: FencedBlock, target: string): string | undefined {
  const [path = '', name] = target.split('#');
  if (!existsSync(join(root, path))) return `include ${target}: no file ${path}`;
  const text = readFileSync(join(root, path), 'utf8');
  const expected = name === undefined ? text.replace(/\n$/, '').split('\n') : region(text, name);
  if (!expected) return `include ${target}: no #region ${name} … #endregion in ${path}`;
  return block.lines.join('\n') === expected.join('\n')
    ? undefined
    : `include ${target}: the block (line ${block.line}) differs from the file`;
}

/** What is wrong with a run-by block, or undefined. */
function runByFault(block: FencedBlock, target: string): string | undefined {
  if (!existsSync(join(root, target))) return `run-by ${target}: no such file`;
  const spec = readFileSync(join(root, target), 'utf8');
  const missing = commandLines(block).filter((line) => !spec.includes(line));
  return missing.length === 0 ? undefined : `run-by ${target} (line ${block.line}): not in the file: ${missing.join(' | ')}`;
}

/** True for a block of the project's own npm commands whose scripts all exist in package.json. */
function isProjectNpmBlock(block: FencedBlock): boolean {
  const commands = commandLines(block).flatMap((line) => line.split('&&').map((part) => part.trim()));
  return (
    commands.length > 0 &&
    commands.every((command) => {
      if (command === 'npm install' || command === 'npm ci') return true;
      const script = /^npm (?:run ([\w:-]+)|(start|test))(?:\s+--\s.*)?$/.exec(command);
      return script !== null && scripts.includes((script[1] ?? script[2])!);
    })
  );
}

/** What is wrong with one fenced block, or undefined. */
function blockFault(block: FencedBlock): string | undefined {
  if (block.marker?.kind === 'include') return includeFault(block, block.marker.target);
  if (block.marker?.kind === 'run-by') return runByFault(block, block.marker.target);
  if (!COMMAND_OR_CONFIG.has(block.language) || isProjectNpmBlock(block)) return undefined;
  return `a ${block.language || 'plain'} block (line ${block.line}) is neither included nor run by a test`;
}

describe.each(pages)('%s', (page) => {
  const markdown = parsed.get(page)!;

  it('every relative link and #anchor resolves', () => {
    const broken = relativeLinks(markdown)
      .map((target) => brokenLink(page, target))
      .filter((fault) => fault !== undefined);
    expect(broken).toEqual([]);
  });

  it('every path written as inline code exists', () => {
    const missing = inlinePaths(markdown, PATH_ROOTS).filter((path) => !GENERATED.test(path) && !existsSync(join(root, path)));
    expect(missing).toEqual([]);
  });

  it('every command or configuration block is included from its file or run by a test', () => {
    expect(markdown.blocks.map(blockFault).filter((fault) => fault !== undefined)).toEqual([]);
  });
});

describe('the two commands', () => {
  it('README gives `npm install && npm start` and `npm test`, and CI runs `npm test`', () => {
    const commands = parsed.get('README.md')!.blocks.flatMap(commandLines);
    expect(commands).toEqual(expect.arrayContaining(['npm install && npm start', 'npm test']));
    expect(
      readFileSync(join(root, '.ci', 'run'), 'utf8')
        .split('\n')
        .map((line) => line.trim()),
    ).toContain('npm test');
  });
});

describe("the builder's links", () => {
  it('every tracker the builder offers links to its own heading in docs/client.md', () => {
    const links = trackerDocs(TRACKERS).map(({ href }) => href.replace(/^.*\/blob\/main\//, ''));
    expect(links.map((link) => brokenLink('README.md', link)).filter((fault) => fault !== undefined)).toEqual([]);
    expect(links).toHaveLength(TRACKERS.length);
  });
});

describe("the trackers' code is the builder's", () => {
  const host = 'https://optout.example.org';
  /** The builder's choices for one tracker, everything else at its default. */
  const choices = (tracker: string): BuilderChoices => ({ ...parseFrameParams({}), ...parseIntegrationParams({ trackers: tracker }) });

  it.each(TRACKERS)('docs/client.md, %s: the block under its heading is what the builder writes for every page', (tracker) => {
    const blocks = sectionBlocks(parsed.get('docs/client.md')!, TRACKER_INFO[tracker].label).filter((block) => block.language === 'html');
    expect(blocks[0]?.lines.join('\n')).toBe(everyPageCode(host, choices(tracker)));
  });

  it("docs/client.md, Google Analytics: the second block is the builder's tracker-only code (everyPage=0)", () => {
    const blocks = sectionBlocks(parsed.get('docs/client.md')!, 'Google Analytics').filter((block) => block.language === 'html');
    const trackerOnly = { ...choices('google-analytics'), ...parseIntegrationParams({ trackers: 'google-analytics', everyPage: '0' }) };
    expect(blocks[1]?.lines.join('\n')).toBe(everyPageCode(host, trackerOnly));
  });

  it("README's steps 2 and 3 show the builder's code: the privacy page's with the defaults, the client.js tag for Plausible", () => {
    const html = parsed
      .get('README.md')!
      .blocks.filter((block) => block.language === 'html')
      .map((block) => block.lines.join('\n'));
    expect(html).toContain(privacyPageCode(host, choices('none'), en.texts.title));
    expect(html).toContain(clientTag(host, choices('plausible')));
  });
});

describe('the checks themselves', () => {
  const sample = parseMarkdown(
    [
      '# Title',
      '## `GET /optout` parameters',
      '## Google Analytics',
      '## Google Analytics',
      '<!-- run-by: x.ts -->',
      '```sh',
      'npm test   # all',
      '# comment',
      '```',
      '[a](#title)',
    ].join('\n'),
  );

  it('gives GitHub anchors, with -1 for a repeated heading', () => {
    expect([...anchors(sample)]).toEqual(['title', 'get-optout-parameters', 'google-analytics', 'google-analytics-1']);
  });

  it('finds links only in prose, and command lines without comments', () => {
    expect(relativeLinks(sample)).toEqual(['#title']);
    expect(sample.blocks[0]?.marker).toEqual({ kind: 'run-by', target: 'x.ts' });
    expect(commandLines(sample.blocks[0]!)).toEqual(['npm test']);
  });

  it('reports a missing file, a missing anchor, a differing include and an unmarked config block', () => {
    expect(brokenLink('README.md', 'docs/nothing-here.md')).toMatch(/no file/);
    expect(brokenLink('README.md', 'docs/client.md#no-such-heading')).toMatch(/no heading/);
    const block = { language: 'caddy', lines: ['not the file'], marker: { kind: 'include' as const, target: 'deploy/Caddyfile' }, line: 1 };
    expect(blockFault(block)).toMatch(/differs/);
    expect(blockFault({ ...block, marker: undefined })).toMatch(/neither included nor run/);
    expect(blockFault({ language: 'sh', lines: ['npm run no-such-script'], marker: undefined, line: 1 })).toMatch(/neither/);
  });
});
