// Stores a choice through the host: one small same-origin POST to the no-JS form's own action, whose answer sets the host's cookie.
import { encodeChoice } from '../shared/choice.js';

/**
 * Asks `POST /optout` for a `204` instead of the form's `303` (RFC 7240: no body wanted), so the
 * answer is a few headers, never a navigation.
 */
const NO_CONTENT_PREFERENCE = 'return=minimal';

/**
 * Sends the choice to `action` (the server-rendered form's URL, with its query and so its
 * profile). Safari deletes script-written storage after 7 days without a visit but keeps a
 * cookie set by an HTTP answer, so this is the layer that lasts; the script-written layers were
 * written already and stay the fallback when this fails. Resolves whether the host stored it.
 */
export async function storeChoiceOnHost(fetcher: typeof fetch, action: string, optedOut: boolean): Promise<boolean> {
  try {
    const response = await fetcher(action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Prefer: NO_CONTENT_PREFERENCE },
      body: `optedOut=${encodeChoice(optedOut)}`,
      credentials: 'same-origin',
      // A click just before the visitor leaves the page is still stored.
      keepalive: true,
    });
    return response.status === 204;
  } catch {
    return false;
  }
}

/** The form's action in the frame's first HTML, or `undefined` where there is no host (the static export renders no form). */
export function hostStoreAction(toggle: Element): string | undefined {
  return toggle.querySelector('form[method="post"]')?.getAttribute('action') ?? undefined;
}
