// The client's typed error: every failed request rejects with one of these, its `code` saying why.

/** Why a request failed: no answer in time, the client was destroyed, the frame refused, a bad `host`, `site`, `maxAge` or `cookieDomain`. */
export type OptOutErrorCode =
  'TIMEOUT' | 'DESTROYED' | 'FORBIDDEN' | 'REFUSED' | 'INVALID_HOST' | 'INVALID_SITE' | 'INVALID_MAX_AGE' | 'INVALID_COOKIE_DOMAIN';

export class OptOutError extends Error {
  override readonly name = 'OptOutError';
  constructor(
    readonly code: OptOutErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const destroyedError = () => new OptOutError('DESTROYED', 'optout-frame: this client was destroyed');
