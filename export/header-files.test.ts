// The export's three header files say the same thing: each path's headers in _headers, in nginx's locations and in Caddy's matchers, all from the shared rules.
import { describe, expect, it } from 'vitest';
import { staticPathRules, strictTransportSecurity, type Header } from '../server/header-rules.js';
import { renderCaddyfile, renderHeadersFile, renderNginxConfig } from './header-files.js';

const rules = staticPathRules(['https://www.example.test:8443'], "'sha256-abc='");
const sorted = (headers: readonly Header[]) => headers.map(([name, value]) => `${name}: ${value}`).sort();

/** `_headers`: path → its headers. */
function fromHeadersFile(text: string): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'))) {
    if (!line.startsWith(' ')) paths.set(line, (current = []));
    else current.push(line.trim());
  }
  return new Map([...paths].map(([path, headers]) => [path, headers.sort()]));
}

/** nginx: `location = /x` or `location ^~ /x/` → its add_header lines, as path patterns. */
function fromNginx(text: string): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  for (const [, kind, path, body] of text.matchAll(/location (=|\^~) (\S+) \{([^}]*)\}/g)) {
    const headers = [...body!.matchAll(/add_header (\S+) "([^"]*)" always;/g)].map(([, name, value]) => `${name}: ${value}`);
    paths.set(kind === '^~' ? `${path}*` : path!, headers.sort());
  }
  return paths;
}

/** Caddy: `@ruleN path /x` and `header @ruleN { … }` → path pattern and headers. */
function fromCaddy(text: string): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  for (const [, name, path] of text.matchAll(/@(rule\d+) path (\S+)/g)) {
    const body = new RegExp(`header @${name} \\{([^}]*)\\}`).exec(text)?.[1] ?? '';
    paths.set(path!, [...body.matchAll(/^\s*(\S+) "([^"]*)"$/gm)].map(([, header, value]) => `${header}: ${value}`).sort());
  }
  return paths;
}

describe("the export's header files", () => {
  const expected = new Map(rules.map((rule) => [rule.path, sorted(rule.headers)]));

  it('_headers has every rule, and nothing else', () => {
    expect(fromHeadersFile(renderHeadersFile(rules))).toEqual(expected);
  });

  it("nginx repeats every header in each path's location (an add_header there drops inherited ones), with HSTS", () => {
    const hsts = `${strictTransportSecurity[0]}: ${strictTransportSecurity[1]}`;
    const withHsts = new Map([...expected].map(([path, headers]) => [path, [...headers, hsts].sort()]));
    expect(fromNginx(renderNginxConfig(rules, '/srv/optout'))).toEqual(withHsts);
  });

  it('Caddy sets the same headers per path, and HSTS on every answer', () => {
    const caddyfile = renderCaddyfile(rules, '/srv/optout');
    expect(fromCaddy(caddyfile)).toEqual(expected);
    expect(caddyfile).toContain(`\theader ${strictTransportSecurity[0]} "${strictTransportSecurity[1]}"\n`);
  });

  it("a Content-Type is nginx's default_type (an add_header would send a second one), a header elsewhere", () => {
    const typed = [{ path: '/healthz', headers: [['Content-Type', 'text/plain'] as const] }];
    expect(renderNginxConfig(typed, '/srv')).toMatch(/location = \/healthz \{[^}]*default_type "text\/plain";/);
    expect(renderNginxConfig(typed, '/srv')).not.toContain('add_header Content-Type');
    expect(renderCaddyfile(typed, '/srv')).toContain('\t\tContent-Type "text/plain"');
  });

  it('refuses a header value the config files cannot quote', () => {
    expect(() => renderNginxConfig([{ path: '/x', headers: [['X-Test', 'a"b']] }], '/srv')).toThrow(/cannot quote/);
  });
});
