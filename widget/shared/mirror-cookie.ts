// The mirror's cookie (`optout_state`): its name, and how a `Cookie` header or `document.cookie` is read, the same way by the client and by the site's server.

/** The first-party cookie the client keeps beside its localStorage mirror (see widget/client/cookie-mirror.ts). */
export const MIRROR_COOKIE = 'optout_state';

// A host name (letters, digits, hyphens between dots, labels up to 63), optionally with the leading dot cookies allow.
const DOMAIN = /^\.?(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/**
 * The one rule for a cookie-domain setting, for the client's option and the builder's `cookieDomain=`:
 * `auto`, `none`, or a host name — nothing that could add a cookie attribute.
 */
export const isCookieDomain = (domain: string): boolean => domain === 'auto' || domain === 'none' || DOMAIN.test(domain);

/**
 * The values of every cookie named `name`, in order. There may be several: a host-only cookie and
 * a domain cookie of one name are both sent. Names are matched exactly (cookie names are
 * case-sensitive); a value in double quotes loses them; a pair without `=` is no cookie of ours.
 */
export function cookieValues(header: string, name: string): string[] {
  const values: string[] = [];
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name)
      values.push(
        pair
          .slice(eq + 1)
          .trim()
          .replace(/^"(.*)"$/, '$1'),
      );
  }
  return values;
}
