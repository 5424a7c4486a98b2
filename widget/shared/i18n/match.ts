// Matches one BCP 47 tag against a table of shipped tags: used by the host and by the static export in the browser.

/**
 * Finds `tag` in `table` (keys lower-case) by RFC 4647 lookup: the whole tag first, then the tag
 * cut one subtag at a time from the end, so `sr-Latn-RS` → `sr-latn` → `sr` and `pt-PT` → `pt-pt`
 * before `pt`. A single-letter subtag (`x-` private use, extensions) ends the useful part.
 */
export function matchLanguageTag<T>(tag: string, table: ReadonlyMap<string, T>): T | undefined {
  const subtags = tag.trim().toLowerCase().split('-');
  const singleton = subtags.findIndex((subtag, index) => index > 0 && subtag.length === 1);
  const useful = singleton === -1 ? subtags : subtags.slice(0, singleton);
  for (let length = useful.length; length > 0; length--) {
    const found = table.get(useful.slice(0, length).join('-'));
    if (found !== undefined) return found;
  }
  return undefined;
}
