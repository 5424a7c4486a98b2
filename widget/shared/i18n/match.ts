// Matches one BCP 47 tag against a table of shipped tags: used by the host and by the static export in the browser.

/** Finds `tag` in `table` (keys lower-case): exact match first, then its primary subtag (`pt-BR` → `pt`). */
export function matchLanguageTag<T>(tag: string, table: ReadonlyMap<string, T>): T | undefined {
  const lower = tag.trim().toLowerCase();
  return table.get(lower) ?? table.get(lower.split('-')[0] ?? '');
}
