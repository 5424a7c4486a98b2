// Global Privacy Control as a script sees it: `navigator.globalPrivacyControl` (W3C draft; Firefox and Brave send it).

/** Whether the browser sends the GPC signal; absent in Chrome and Safari, so `false` there. */
export function browserSendsGpc(nav: Navigator): boolean {
  return (nav as Navigator & { globalPrivacyControl?: unknown }).globalPrivacyControl === true;
}

/**
 * Whether a `Sec-GPC` request header says `1`. A proxy may merge repeated headers (`1, 1`) and
 * Node gives repeats as one comma-joined value: any `1` among them is the signal.
 */
export function headerSendsGpc(value: string | readonly string[] | null | undefined): boolean {
  const values = typeof value === 'string' ? [value] : (value ?? []);
  return values.some((item) => item.split(',').some((part) => part.trim() === '1'));
}
