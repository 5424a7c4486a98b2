// The client's requests in flight: each has an id and a timeout, and settles once: by an answer, a timeout or destroy().
import type { OptOutState } from '../shared/choice.js';
import { destroyedError, OptOutError } from './optout-error.js';

export type RequestType = 'get' | 'opt-out';
export type Outcome = { readonly state: OptOutState } | { readonly error: OptOutError };

export interface PendingRequests {
  /** Sends a request and waits for its answer; rejects with `TIMEOUT` or `DESTROYED`, never hangs. */
  request(type: RequestType): Promise<OptOutState>;
  /** Resolves or rejects the request `id`; an unknown or already settled id is ignored. */
  settle(id: string, outcome: Outcome): void;
  /** Sends every unanswered request again (a frame just loaded or said it is ready). */
  resend(): void;
  /** Rejects every pending request with `DESTROYED`; later requests reject at once. Idempotent. */
  close(): void;
}

interface PendingRequest {
  readonly type: RequestType;
  readonly resolve: (state: OptOutState) => void;
  readonly reject: (error: OptOutError) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

interface RequestOptions {
  /** Names the host in the `TIMEOUT` message. */
  readonly hostOrigin: string;
  readonly timeout: number;
  /** Posts one request to the frame (it may drop it: `resend` tries again). */
  readonly send: (id: string, type: RequestType) => void;
}

export function openPendingRequests({ hostOrigin, timeout, send }: RequestOptions): PendingRequests {
  const idPrefix = Math.random().toString(36).slice(2, 10);
  const pending = new Map<string, PendingRequest>();
  let count = 0;
  let closed = false;

  const settle = (id: string, outcome: Outcome) => {
    const request = pending.get(id);
    if (!request) return;
    pending.delete(id);
    clearTimeout(request.timer);
    if ('state' in outcome) request.resolve(outcome.state);
    else request.reject(outcome.error);
  };

  return {
    request(type) {
      if (closed) return Promise.reject(destroyedError());
      return new Promise((resolve, reject) => {
        const id = `${idPrefix}-${++count}`;
        const timer = setTimeout(
          () => settle(id, { error: new OptOutError('TIMEOUT', `optout-frame: no answer from ${hostOrigin} within ${timeout} ms`) }),
          timeout,
        );
        pending.set(id, { type, resolve, reject, timer });
        send(id, type);
      });
    },
    settle,
    resend() {
      for (const [id, request] of pending) send(id, request.type);
    },
    close() {
      closed = true;
      for (const id of [...pending.keys()]) settle(id, { error: destroyedError() });
    },
  };
}
