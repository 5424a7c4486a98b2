// Reads what docs/docs.test.ts checks out of a Markdown file: headings (as GitHub's anchors), links, inline paths and fenced blocks with their markers.

/** A fenced code block, with the `<!-- include: … -->` or `<!-- run-by: … -->` marker just above it, if any. */
export interface FencedBlock {
  readonly language: string;
  /** The block's lines, without the fences and without the fence's own indentation. */
  readonly lines: readonly string[];
  readonly marker: { readonly kind: 'include' | 'run-by'; readonly target: string } | undefined;
  /** 1-based line of the opening fence, for messages. */
  readonly line: number;
}

/** A Markdown file split into its prose lines (fenced blocks blanked out) and its fenced blocks. */
export interface ParsedMarkdown {
  readonly prose: readonly string[];
  readonly blocks: readonly FencedBlock[];
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/;
const MARKER = /^\s*<!--\s*(include|run-by):\s*(\S+)\s*-->\s*$/;

/** Splits `text` into prose and fenced blocks; a marker counts when it is the line right above a fence. */
export function parseMarkdown(text: string): ParsedMarkdown {
  const lines = text.split('\n');
  const prose: string[] = [];
  const blocks: FencedBlock[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const open = FENCE.exec(lines[index]!);
    if (!open) {
      prose.push(lines[index]!);
      continue;
    }
    const [, indent = '', fence = '```', language = ''] = open;
    const above = MARKER.exec(lines[index - 1] ?? '');
    const body: string[] = [];
    let end = index + 1;
    while (end < lines.length && !lines[end]!.trim().startsWith(fence)) {
      body.push(lines[end]!.startsWith(indent) ? lines[end]!.slice(indent.length) : lines[end]!.trimStart());
      end += 1;
    }
    const marker = above ? { kind: above[1] as 'include' | 'run-by', target: above[2]! } : undefined;
    blocks.push({ language: language.toLowerCase(), lines: body, marker, line: index + 1 });
    for (let blank = index; blank <= end && blank < lines.length; blank += 1) prose.push('');
    index = end;
  }
  return { prose, blocks };
}

/** The text of a heading as GitHub renders it: no inline code ticks, emphasis or link targets. */
function headingText(raw: string): string {
  return raw
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .replace(/(\*\*|__|\*)/g, '')
    .trim();
}

/** GitHub's anchor for a heading text: lower case, punctuation dropped (letters, digits, `_`, `-` kept), spaces to `-`. */
function slug(text: string): string {
  return headingText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor the file's headings give, with GitHub's `-1`, `-2` … for repeated ones. */
export function anchors(parsed: ParsedMarkdown): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const line of parsed.prose) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = slug(heading[1]!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

/** The prose with inline code spans removed, so a link shown as code is not a link. */
function withoutInlineCode(line: string): string {
  return line.replace(/(`+)[\s\S]*?\1/g, '');
}

/** Relative link and image targets in the prose (`[text](target)`), absolute URLs and `mailto:` left out. */
export function relativeLinks(parsed: ParsedMarkdown): string[] {
  const targets: string[] = [];
  for (const line of parsed.prose) {
    for (const match of withoutInlineCode(line).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = match[1]!;
      if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) targets.push(target);
    }
  }
  return targets;
}

/** Repository paths written as inline code in the prose (`server/app.ts`), placeholders and globs left out. */
export function inlinePaths(parsed: ParsedMarkdown, roots: readonly string[]): string[] {
  const pattern = new RegExp(`^(?:${roots.map((root) => root.replace('.', '\\.')).join('|')})/[\\w./-]*$`);
  const paths: string[] = [];
  for (const line of parsed.prose) {
    for (const match of line.matchAll(/`([^`\s]+)`/g)) {
      if (pattern.test(match[1]!)) paths.push(match[1]!);
    }
  }
  return paths;
}

/** The lines between `#region name` and the next `#endregion` in `text`, or undefined without the region. */
export function region(text: string, name: string): string[] | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => new RegExp(`#region ${name}\\b`).test(line));
  if (start < 0) return undefined;
  const end = lines.findIndex((line, index) => index > start && /#endregion\b/.test(line));
  return end < 0 ? undefined : lines.slice(start + 1, end);
}

/** A block's command lines: blank lines and whole-line comments dropped, a trailing comment or `\` cut. */
export function commandLines(block: FencedBlock): string[] {
  return block.lines
    .map((line) =>
      line
        .replace(/\s+#\s.*$/, '')
        .replace(/\s*\\$/, '')
        .trim(),
    )
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** The fenced blocks of the section under the heading whose text is `title`, up to the next heading. */
export function sectionBlocks(parsed: ParsedMarkdown, title: string): FencedBlock[] {
  const start = parsed.prose.findIndex((line) => /^#{1,6}\s/.test(line) && line.replace(/^#+\s+/, '').trim() === title);
  if (start < 0) return [];
  const next = parsed.prose.findIndex((line, index) => index > start && /^#{1,6}\s/.test(line));
  const end = next < 0 ? Infinity : next;
  return parsed.blocks.filter((block) => block.line - 1 > start && block.line - 1 < end);
}
