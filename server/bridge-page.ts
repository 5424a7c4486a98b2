// Renders the bridge document: nothing to see, only the boot data and the bridge script inline, so it is one small request.
import { BOOT_ELEMENT_ID, serializeBoot, type MessagingBoot } from '../widget/shared/boot.js';

export interface BridgePageInput {
  readonly boot: MessagingBoot;
  /** The built bridge script's code (no imports), inlined. */
  readonly bridgeCode: string;
}

/**
 * Script text safe inside `<script>`: nothing in it can close the element or open a comment
 * (`<\/` and `<\!` mean the same to JavaScript inside strings and regular expressions).
 */
export function inlineScriptText(code: string): string {
  return code.replace(/<(\/script|!--)/gi, (_all, rest: string) => `<\\${rest}`);
}

/**
 * The bridge inlines its script: the client loads it about once per visit (only when the site's
 * mirror cannot answer) and revalidates it (a 304 while the state is unchanged), so a second request for its small
 * script would only add its own round trip and headers. The boot data comes first,
 * and a module script runs after parsing anyway. The CSP allows the script by its hash.
 */
export function renderBridgePage({ boot, bridgeCode }: BridgePageInput): string {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>optout-frame bridge</title>
<script type="application/json" id="${BOOT_ELEMENT_ID}">${serializeBoot(boot)}</script>
<script type="module">${inlineScriptText(bridgeCode)}</script>
`;
}
