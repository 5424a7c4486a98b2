// Storing a click through the host: one POST to the form's action asking for a 204, and false (fallback) when the host refuses or is unreachable.
import { describe, expect, it, vi } from 'vitest';
import { hostStoreAction, storeChoiceOnHost } from './host-choice.js';

const answering = (status: number) => vi.fn<typeof fetch>(() => Promise.resolve(new Response(null, { status })));

describe('storeChoiceOnHost', () => {
  it('posts the choice as the form does, asking for no body', async () => {
    const fetcher = answering(204);
    expect(await storeChoiceOnHost(fetcher, '/optout?site=news', true)).toBe(true);
    expect(fetcher).toHaveBeenCalledOnce();
    const [url, init] = fetcher.mock.calls[0]!;
    expect(url).toBe('/optout?site=news');
    expect(init).toMatchObject({ method: 'POST', body: 'optedOut=1', credentials: 'same-origin' });
    expect(init?.headers).toMatchObject({ Prefer: 'return=minimal', 'Content-Type': 'application/x-www-form-urlencoded' });
  });

  it('an opt-in posts 0', async () => {
    const fetcher = answering(204);
    await storeChoiceOnHost(fetcher, '/optout', false);
    expect(fetcher.mock.calls[0]![1]?.body).toBe('optedOut=0');
  });

  it('a refusal or a failed request is false, never a throw', async () => {
    expect(await storeChoiceOnHost(answering(403), '/optout', true)).toBe(false);
    expect(await storeChoiceOnHost(() => Promise.reject(new TypeError('offline')), '/optout', true)).toBe(false);
  });
});

describe('hostStoreAction', () => {
  const element = (form: { method: string; action: string } | undefined) =>
    ({
      querySelector: (selector: string) =>
        form && selector === `form[method="${form.method}"]`
          ? { getAttribute: (name: string) => (name === 'action' ? form.action : null) }
          : null,
    }) as unknown as Element;

  it("is the server-rendered form's action, query included", () => {
    expect(hostStoreAction(element({ method: 'post', action: '/optout?lang=de' }))).toBe('/optout?lang=de');
  });

  it('is undefined without a form (the static export)', () => {
    expect(hostStoreAction(element(undefined))).toBeUndefined();
  });
});
