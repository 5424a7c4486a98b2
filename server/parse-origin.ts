// Parses one allowed origin strictly: shared by OPTOUT_ALLOWED_ORIGINS and the OPTOUT_CONFIG file.

/** Parses one origin strictly: scheme, host and optional port, nothing else. */
export function parseOrigin(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // `new URL` normalises; the input must already be the bare origin (no path, query, user).
  return url.origin === raw.replace(/\/$/, '') ? url.origin : undefined;
}
