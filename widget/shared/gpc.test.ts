// Sec-GPC as a server reads it: one `1`, or any `1` among repeated or merged values, is the signal; nothing else is.
import { describe, expect, it } from 'vitest';
import { optedOut } from '../../request/opted-out.js';
import { headerSendsGpc } from './gpc.js';

describe('headerSendsGpc', () => {
  it('finds a 1 alone, merged by a proxy, or among repeats', () => {
    for (const value of ['1', ' 1 ', '1, 1', '0,1', '1,1,1', ['1'], ['0', '1'], ['1, 1']])
      expect(headerSendsGpc(value), String(value)).toBe(true);
  });

  it('is not fooled by other values', () => {
    for (const value of [undefined, null, '', '0', '0, 0', '11', '1;', 'true', [], ['0']])
      expect(headerSendsGpc(value), String(value)).toBe(false);
  });
});

describe('optedOut() with repeated Sec-GPC headers', () => {
  it('treats any 1 as GPC in every request shape: a merged value, a Fetch Headers, Node array headers', () => {
    const fetchHeaders = new Headers();
    fetchHeaders.append('Sec-GPC', '1');
    fetchHeaders.append('Sec-GPC', '1');
    expect(fetchHeaders.get('sec-gpc')).toBe('1, 1');
    for (const request of [
      { headers: { 'sec-gpc': '1, 1' } },
      new Request('https://example.org/', { headers: fetchHeaders }),
      { headers: { 'sec-gpc': ['1', '1'] } },
      { 'Sec-GPC': ['0', '1'], cookie: 'optout_state=0:choice:1' },
    ])
      expect(optedOut(request)).toBe(true);
    expect(optedOut({ headers: { 'sec-gpc': '0, 0' } })).toBeUndefined();
  });
});
