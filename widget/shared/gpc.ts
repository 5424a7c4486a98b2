// Global Privacy Control as a script sees it: `navigator.globalPrivacyControl` (W3C draft; Firefox and Brave send it).

/** Whether the browser sends the GPC signal; absent in Chrome and Safari, so `false` there. */
export function browserSendsGpc(nav: Navigator): boolean {
  return (nav as Navigator & { globalPrivacyControl?: unknown }).globalPrivacyControl === true;
}
