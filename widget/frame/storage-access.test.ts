// The Storage Access request: asked in the click, reload only after a grant, an earlier grant claimed without a click.
import { describe, expect, it, vi } from 'vitest';
import { requestStorageAccessThenReload, resumeStorageAccess } from './storage-access.js';

function fakeDocument(options: { granted: boolean; hasAccess?: boolean }) {
  return {
    requestStorageAccess: vi.fn(() =>
      options.granted ? Promise.resolve() : Promise.reject(new DOMException('denied', 'NotAllowedError')),
    ),
    hasStorageAccess: vi.fn(() => Promise.resolve(options.hasAccess ?? false)),
  };
}

function fakeNavigator(state: PermissionState): Navigator {
  return { permissions: { query: () => Promise.resolve({ state }) } } as unknown as Navigator;
}

describe('requestStorageAccessThenReload', () => {
  it('reloads after a grant', async () => {
    const reload = vi.fn();
    const win = { document: fakeDocument({ granted: true }), location: { reload } } as unknown as Window;
    expect(await requestStorageAccessThenReload(win)).toBe(true);
    expect(reload).toHaveBeenCalledOnce();
  });

  it('does not reload when refused', async () => {
    const reload = vi.fn();
    const win = { document: fakeDocument({ granted: false }), location: { reload } } as unknown as Window;
    expect(await requestStorageAccessThenReload(win)).toBe(false);
    expect(reload).not.toHaveBeenCalled();
  });
});

describe('resumeStorageAccess', () => {
  it('claims an earlier grant without a click', async () => {
    const doc = fakeDocument({ granted: true });
    expect(await resumeStorageAccess(doc as unknown as Document, fakeNavigator('granted'))).toBe(true);
    expect(doc.requestStorageAccess).toHaveBeenCalledOnce();
  });

  it("asks nothing when the permission was never granted (that takes the visitor's click)", async () => {
    const doc = fakeDocument({ granted: true });
    expect(await resumeStorageAccess(doc as unknown as Document, fakeNavigator('prompt'))).toBe(false);
    expect(doc.requestStorageAccess).not.toHaveBeenCalled();
  });

  it('is false in a browser without the API', async () => {
    expect(await resumeStorageAccess({} as Document, fakeNavigator('granted'))).toBe(false);
  });
});
