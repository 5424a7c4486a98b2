// The postMessage protocol between a page and the frame: message types and guards that validate untrusted data.
import type { OptOutState, Reason } from './choice.js';

export const PROTOCOL = 'optout-frame/1';

/** Longest request id a page may use; longer ids are not ours and are ignored. */
export const MAX_ID_LENGTH = 128;
const MAX_ERROR_CODE_LENGTH = 64;
const MAX_ERROR_MESSAGE_LENGTH = 500;
/** Tallest content height the frame reports, so a broken page cannot be told to grow without end. */
const MAX_HEIGHT = 100_000;

type Message<Type extends string, Fields> = { readonly protocol: typeof PROTOCOL; readonly type: Type } & Readonly<Fields>;

/** Page → frame: ask for the state. */
export type GetRequest = Message<'get', { id: string }>;
/** Page → frame: opt the visitor out (allowed origins only). */
export type OptOutRequest = Message<'opt-out', { id: string }>;
/**
 * Page → frame: not part of the protocol a page may use. It is recognised only so that an
 * allowed page that tries it is told plainly (`error`, `forbidden`): opting in takes the
 * visitor's own click inside the frame.
 */
export type OptInRequest = Message<'opt-in', { id: string }>;
export type PageMessage = GetRequest | OptOutRequest | OptInRequest;

/** Frame → page: the frame loaded; here is the state. */
export type ReadyMessage = Message<'ready', OptOutState>;
/** Frame → page: the answer to `get` / `opt-out`. */
export type StatusMessage = Message<'status', OptOutState & { id: string }>;
/** Frame → page: the state changed (a click, another tab). */
export type ChangeMessage = Message<'change', OptOutState>;
/** Frame → page: the frame's content height in CSS pixels. */
export type ResizeMessage = Message<'resize', { height: number }>;
/** Frame → page: a request was refused (`code` e.g. `forbidden`). */
export type ErrorMessage = Message<'error', { id: string; code: string; message: string }>;
export type FrameMessage = ReadyMessage | StatusMessage | ChangeMessage | ResizeMessage | ErrorMessage;

/**
 * Reads own data properties only: never a getter (it could run code or throw), never the
 * prototype chain (so `__proto__` or `Object.prototype` pollution cannot answer).
 */
function field(data: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(data, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

function isPlainObject(data: unknown): data is object {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const proto: unknown = Object.getPrototypeOf(data);
  return proto === Object.prototype || proto === null;
}

function boundedString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

function isReason(value: unknown): value is Reason {
  return value === 'choice' || value === 'default' || value === 'gpc';
}

/** The `{ optedOut, reason }` pair of a message, fresh, or undefined. */
function readState(data: object): OptOutState | undefined {
  const optedOut = field(data, 'optedOut');
  const reason = field(data, 'reason');
  return typeof optedOut === 'boolean' && isReason(reason) ? { optedOut, reason } : undefined;
}

/** The message's type when it is a plain object of our protocol, else undefined. */
function protocolType(data: unknown): { type: unknown; data: object } | undefined {
  if (!isPlainObject(data) || field(data, 'protocol') !== PROTOCOL) return undefined;
  return { type: field(data, 'type'), data };
}

/** Validates what a page sent to the frame; returns a fresh message or undefined. Never throws. */
export function parsePageMessage(raw: unknown): PageMessage | undefined {
  try {
    const found = protocolType(raw);
    if (!found) return undefined;
    const { type, data } = found;
    if (type !== 'get' && type !== 'opt-out' && type !== 'opt-in') return undefined;
    const id = field(data, 'id');
    return boundedString(id, MAX_ID_LENGTH) ? { protocol: PROTOCOL, type, id } : undefined;
  } catch {
    // A Proxy or an exotic object may throw from any trap: it is not a message of ours.
    return undefined;
  }
}

/** Validates what the frame sent to a page; returns a fresh message or undefined. Never throws. */
export function parseFrameMessage(raw: unknown): FrameMessage | undefined {
  try {
    const found = protocolType(raw);
    if (!found) return undefined;
    const { type, data } = found;
    switch (type) {
      case 'ready':
      case 'change': {
        const state = readState(data);
        return state && { protocol: PROTOCOL, type, optedOut: state.optedOut, reason: state.reason };
      }
      case 'status': {
        const state = readState(data);
        const id = field(data, 'id');
        if (!state || !boundedString(id, MAX_ID_LENGTH)) return undefined;
        return { protocol: PROTOCOL, type, id, optedOut: state.optedOut, reason: state.reason };
      }
      case 'resize': {
        const height = field(data, 'height');
        if (typeof height !== 'number' || !Number.isFinite(height) || height < 0 || height > MAX_HEIGHT) return undefined;
        return { protocol: PROTOCOL, type, height };
      }
      case 'error': {
        const id = field(data, 'id');
        const code = field(data, 'code');
        const message = field(data, 'message');
        if (!boundedString(id, MAX_ID_LENGTH) || !boundedString(code, MAX_ERROR_CODE_LENGTH)) return undefined;
        if (typeof message !== 'string' || message.length > MAX_ERROR_MESSAGE_LENGTH) return undefined;
        return { protocol: PROTOCOL, type, id, code, message };
      }
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}

/**
 * Validates a `change` only: what the frames of other tabs broadcast. Kept apart from
 * `parseFrameMessage` so the bridge carries no code for messages it never reads.
 */
export function parseChangeMessage(raw: unknown): ChangeMessage | undefined {
  try {
    const found = protocolType(raw);
    const state = found?.type === 'change' ? readState(found.data) : undefined;
    return state && { protocol: PROTOCOL, type: 'change', optedOut: state.optedOut, reason: state.reason };
  } catch {
    return undefined;
  }
}
