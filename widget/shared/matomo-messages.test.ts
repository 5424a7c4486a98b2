// Unit tests of Matomo's opt-out message format: what the frame sends, and what it accepts from matomo.js.
import { describe, expect, it } from 'vitest';
import { initialValueMessage, optedOutMessage, parseMatomoMessage } from './matomo-messages.js';

const host = 'optout.example.org';
const answer = (fields: Record<string, unknown>) =>
  JSON.stringify({ maq_url: `https://${host}/matomo.php`, maq_optout_by_default: false, ...fields });

describe('messages the frame sends', () => {
  it('are JSON strings in Matomo’s words: opted in = "checked"', () => {
    expect(initialValueMessage(false)).toBe('{"maq_initial_value":true}');
    expect(initialValueMessage(true)).toBe('{"maq_initial_value":false}');
    expect(optedOutMessage(true)).toBe('{"maq_opted_in":false}');
    expect(optedOutMessage(false)).toBe('{"maq_opted_in":true}');
  });
});

describe('parseMatomoMessage', () => {
  it("reads the tracker's answer to maq_initial_value and to maq_opted_in", () => {
    expect(parseMatomoMessage(answer({ maq_opted_in: false }), host)).toEqual({ kind: 'state', optedIn: false, optOutByDefault: false });
    expect(parseMatomoMessage(answer({ maq_confirm_opted_in: true, maq_optout_by_default: true }), host)).toEqual({
      kind: 'confirm',
      optedIn: true,
      optOutByDefault: true,
    });
  });

  it('accepts a tracker URL on the same host name with any port or path, as matomo.js compares host names', () => {
    const raw = JSON.stringify({ maq_opted_in: true, maq_url: `http://${host}:8443/stats/`, maq_optout_by_default: false });
    expect(parseMatomoMessage(raw, host)?.optedIn).toBe(true);
  });

  it.each([
    ['not a string', { maq_opted_in: true, maq_url: `https://${host}/`, maq_optout_by_default: false }],
    ['not JSON', '{maq_opted_in: true'],
    ['a JSON array', '[true]'],
    ['JSON null', 'null'],
    ['too long', answer({ maq_opted_in: true, padding: 'x'.repeat(5000) })],
    [
      'a tracker on another host name',
      JSON.stringify({ maq_opted_in: true, maq_url: 'https://evil.example/', maq_optout_by_default: false }),
    ],
    [
      'a look-alike host name',
      JSON.stringify({ maq_opted_in: true, maq_url: `https://${host}.evil.example/`, maq_optout_by_default: false }),
    ],
    ['a javascript: tracker URL', JSON.stringify({ maq_opted_in: true, maq_url: 'javascript:alert(1)', maq_optout_by_default: false })],
    ['no maq_url', JSON.stringify({ maq_opted_in: true, maq_optout_by_default: false })],
    ['no maq_optout_by_default', JSON.stringify({ maq_opted_in: true, maq_url: `https://${host}/` })],
    ['a string where a boolean belongs', answer({ maq_opted_in: 'true' })],
    ['both kinds at once', answer({ maq_opted_in: true, maq_confirm_opted_in: true })],
    ['neither kind', answer({})],
    ["the frame's own initial value", '{"maq_initial_value":true}'],
    ["the frame's own click message", '{"maq_opted_in":true}'],
    ['a prototype-pollution attempt', `{"__proto__":{"maq_opted_in":true},"maq_url":"https://${host}/","maq_optout_by_default":false}`],
  ])('ignores %s', (_case, raw) => {
    expect(parseMatomoMessage(raw, host)).toBeUndefined();
    expect(({} as Record<string, unknown>).maq_opted_in).toBeUndefined();
  });
});
