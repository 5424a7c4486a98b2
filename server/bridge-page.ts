// Renders the bridge document: nothing to see, only the boot data and the bridge script that answers messages.
import { BOOT_ELEMENT_ID, serializeBoot, type MessagingBoot } from '../widget/boot.js';
import { escapeHtml } from './html.js';

export interface BridgePageInput {
  readonly boot: MessagingBoot;
  /** URL path of the hashed bridge script. */
  readonly bridgeScript: string;
}

export function renderBridgePage({ boot, bridgeScript }: BridgePageInput): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>optout-frame bridge</title>
<script type="module" src="${escapeHtml(bridgeScript)}"></script>
</head>
<body>
<script type="application/json" id="${BOOT_ELEMENT_ID}">${serializeBoot(boot)}</script>
</body>
</html>
`;
}
