// The builder's one-line change for a site on Matomo's opt-out: the same embed code, with the Matomo host replaced by this one.

/**
 * Matomo's opt-out address in an embed code: the host (and any folder Matomo is installed in) before
 * `index.php?module=CoreAdminHome`. It starts right after the attribute's quote, as Matomo's admin
 * writes it, and cannot cross a quote: each try is bounded by the next one, so the scan is linear.
 */
const MATOMO_OPT_OUT = /(?<=["'])(?:https?:)?\/\/[^\s"'<>?#]+?\/index\.php\?module=CoreAdminHome(?=&(?:amp;)?action=optOut)/g;

/**
 * `code` (Matomo's classic iframe or its optOutJS script, as its admin writes them) with every
 * opt-out address pointing at `hostOrigin`, everything else untouched; `undefined` when `code`
 * holds no Matomo opt-out address.
 */
export function matomoCodeOnHost(code: string, hostOrigin: string): string | undefined {
  if (!code.match(MATOMO_OPT_OUT)) return undefined;
  return code.replace(MATOMO_OPT_OUT, `${hostOrigin}/index.php?module=CoreAdminHome`);
}
