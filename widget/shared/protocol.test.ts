// The message guards against hostile data: nothing throws, nothing pollutes prototypes, only exact messages pass.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ID_LENGTH, parseChangeMessage, parseFrameMessage, parsePageMessage, PROTOCOL } from './protocol.js';

const guards = { parsePageMessage, parseFrameMessage, parseChangeMessage };

afterEach(() => {
  // A guard that merged `__proto__` into a plain object would leave this behind.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('optedOut');
});

describe('parsePageMessage', () => {
  it('accepts exactly get, opt-out and opt-in with a bounded id, as fresh objects', () => {
    for (const type of ['get', 'opt-out', 'opt-in'] as const) {
      const raw = { protocol: PROTOCOL, type, id: 'a-1', extra: { nested: true } };
      const parsed = parsePageMessage(raw);
      expect(parsed).toEqual({ protocol: PROTOCOL, type, id: 'a-1' });
      expect(parsed).not.toBe(raw);
    }
  });

  it.each([
    ['a string', JSON.stringify({ protocol: PROTOCOL, type: 'get', id: '1' })],
    ['null', null],
    ['a number', 42],
    ['an array', [PROTOCOL, 'get', '1']],
    ['a wrong protocol', { protocol: 'optout-frame/2', type: 'get', id: '1' }],
    ['no protocol', { type: 'get', id: '1' }],
    ['an unknown type', { protocol: PROTOCOL, type: 'opt-everyone-out', id: '1' }],
    ['a frame message', { protocol: PROTOCOL, type: 'status', id: '1', optedOut: true, reason: 'choice' }],
    ['a numeric id', { protocol: PROTOCOL, type: 'get', id: 1 }],
    ['an empty id', { protocol: PROTOCOL, type: 'get', id: '' }],
    ['a huge id', { protocol: PROTOCOL, type: 'get', id: 'x'.repeat(MAX_ID_LENGTH + 1) }],
    ['a class instance', Object.assign(new (class Message {})(), { protocol: PROTOCOL, type: 'get', id: '1' })],
    ['a Date', Object.assign(new Date(), { protocol: PROTOCOL, type: 'get', id: '1' })],
  ])('ignores %s', (_name, raw) => {
    expect(parsePageMessage(raw)).toBeUndefined();
  });

  it('does not read inherited fields (a polluted prototype cannot make a message)', () => {
    const inherited = Object.create({ protocol: PROTOCOL, type: 'get', id: '1' }) as object;
    expect(parsePageMessage(inherited)).toBeUndefined();
  });

  it('never runs a getter', () => {
    let ran = false;
    const raw = {
      protocol: PROTOCOL,
      type: 'get',
      get id() {
        ran = true;
        return '1';
      },
    };
    expect(parsePageMessage(raw)).toBeUndefined();
    expect(ran).toBe(false);
  });
});

describe('parseFrameMessage', () => {
  it.each([
    [{ protocol: PROTOCOL, type: 'ready', optedOut: false, reason: 'default' }],
    [{ protocol: PROTOCOL, type: 'change', optedOut: true, reason: 'choice' }],
    [{ protocol: PROTOCOL, type: 'status', id: 'x', optedOut: true, reason: 'gpc' }],
    [{ protocol: PROTOCOL, type: 'resize', height: 132.5 }],
    [{ protocol: PROTOCOL, type: 'error', id: 'x', code: 'forbidden', message: 'no' }],
  ])('accepts %o', (raw) => {
    expect(parseFrameMessage({ ...raw, extra: 1 })).toEqual(raw);
  });

  it.each([
    ['a reason outside the list', { protocol: PROTOCOL, type: 'change', optedOut: true, reason: 'admin' }],
    ['a truthy non-boolean', { protocol: PROTOCOL, type: 'change', optedOut: 1, reason: 'choice' }],
    ['a status without id', { protocol: PROTOCOL, type: 'status', optedOut: true, reason: 'choice' }],
    ['an infinite height', { protocol: PROTOCOL, type: 'resize', height: Infinity }],
    ['a NaN height', { protocol: PROTOCOL, type: 'resize', height: NaN }],
    ['a negative height', { protocol: PROTOCOL, type: 'resize', height: -1 }],
    ['a giant height', { protocol: PROTOCOL, type: 'resize', height: 1e9 }],
    ['a string height', { protocol: PROTOCOL, type: 'resize', height: '100' }],
    ['a huge error message', { protocol: PROTOCOL, type: 'error', id: 'x', code: 'forbidden', message: 'm'.repeat(100_000) }],
    ['a page request', { protocol: PROTOCOL, type: 'get', id: '1' }],
  ])('ignores %s', (_name, raw) => {
    expect(parseFrameMessage(raw)).toBeUndefined();
  });

  it('parseChangeMessage takes only change', () => {
    expect(parseChangeMessage({ protocol: PROTOCOL, type: 'change', optedOut: true, reason: 'choice' })).toEqual({
      protocol: PROTOCOL,
      type: 'change',
      optedOut: true,
      reason: 'choice',
    });
    expect(parseChangeMessage({ protocol: PROTOCOL, type: 'ready', optedOut: true, reason: 'choice' })).toBeUndefined();
  });
});

describe.each(Object.entries(guards))('%s with hostile data', (_name, guard) => {
  it('survives cyclic objects', () => {
    const cyclic: Record<string, unknown> = { protocol: PROTOCOL, type: 'change', reason: 'choice' };
    cyclic.optedOut = cyclic;
    cyclic.id = cyclic;
    cyclic.self = cyclic;
    expect(() => guard(cyclic)).not.toThrow();
    expect(guard(cyclic)).toBeUndefined();
  });

  it('survives getters that throw and Proxies whose traps throw', () => {
    const throwing = Object.defineProperty({ protocol: PROTOCOL, type: 'get' }, 'id', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const trap = () => {
      throw new Error('trap');
    };
    const proxy = new Proxy({}, { get: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap, ownKeys: trap, has: trap });
    for (const raw of [throwing, proxy]) {
      expect(() => guard(raw)).not.toThrow();
      expect(guard(raw)).toBeUndefined();
    }
  });

  it('survives huge strings', () => {
    const huge = 'x'.repeat(10_000_000);
    for (const raw of [huge, { protocol: huge, type: 'get', id: '1' }, { protocol: PROTOCOL, type: huge, id: huge }]) {
      expect(guard(raw)).toBeUndefined();
    }
  });

  it('does not pollute prototypes with __proto__ keys', () => {
    const payloads = [
      JSON.parse(`{"protocol":"${PROTOCOL}","type":"change","optedOut":true,"reason":"choice","__proto__":{"polluted":1,"optedOut":true}}`),
      JSON.parse(`{"__proto__":{"protocol":"${PROTOCOL}","type":"get","id":"1","polluted":1}}`),
      JSON.parse(`{"protocol":"${PROTOCOL}","type":"get","id":"1","constructor":{"prototype":{"polluted":1}}}`),
    ] as unknown[];
    for (const raw of payloads) {
      const parsed = guard(raw) as object | undefined;
      if (parsed) {
        expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
        expect(Object.keys(parsed)).not.toContain('__proto__');
        expect((parsed as Record<string, unknown>).polluted).toBeUndefined();
      }
    }
    // A `__proto__` own key is not an inherited protocol: that message is not ours.
    expect(guard(payloads[1])).toBeUndefined();
  });

  it('never throws on arbitrary values, and what it returns is a fresh plain object of our protocol', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything({ withObjectString: true, withNullPrototype: true, withMap: true, withSet: true, withTypedArray: true }),
          fc.record(
            {
              protocol: fc.oneof(fc.constant(PROTOCOL), fc.string()),
              type: fc.constantFrom('get', 'opt-out', 'opt-in', 'ready', 'status', 'change', 'resize', 'error', '__proto__'),
              id: fc.oneof(fc.string({ maxLength: 200 }), fc.integer(), fc.constant(undefined)),
              optedOut: fc.oneof(fc.boolean(), fc.integer(), fc.string()),
              reason: fc.oneof(fc.constantFrom('choice', 'default', 'gpc'), fc.string()),
              height: fc.oneof(fc.double(), fc.string()),
              code: fc.string({ maxLength: 80 }),
              message: fc.string(),
            },
            { requiredKeys: [] },
          ),
        ),
        (raw) => {
          const parsed = guard(raw) as Record<string, unknown> | undefined;
          if (parsed === undefined) return;
          expect(parsed).not.toBe(raw);
          expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
          expect(parsed.protocol).toBe(PROTOCOL);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
