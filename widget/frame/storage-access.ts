// The Storage Access API in the frame: where the browser keeps nothing for a third-party frame, the visitor's click can ask for its storage.

/** Whether the browser has the Storage Access API, so the frame can offer to ask for it. */
export function hasStorageAccessApi(doc: Document): boolean {
  return typeof doc.requestStorageAccess === 'function';
}

/**
 * Asks for storage access; must run inside the visitor's click. A grant applies to documents
 * loaded after it, hence the reload. Returns `false` when the browser (or the visitor) refused.
 */
export async function requestStorageAccessThenReload(win: Window): Promise<boolean> {
  try {
    await win.document.requestStorageAccess();
  } catch {
    return false;
  }
  win.location.reload();
  return true;
}

/**
 * After a grant, each new frame document still has to claim its access; where the permission
 * is already granted the browser allows that without a click. Resolves whether access is on.
 */
export async function resumeStorageAccess(doc: Document, nav: Navigator): Promise<boolean> {
  if (!hasStorageAccessApi(doc)) return false;
  try {
    if (await doc.hasStorageAccess()) return true;
    const permission = await nav.permissions.query({ name: 'storage-access' as PermissionName });
    if (permission.state !== 'granted') return false;
    await doc.requestStorageAccess();
    return true;
  } catch {
    return false;
  }
}
