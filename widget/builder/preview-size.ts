// The builder's preview sizes itself as a real embed does: from the frame's `resize` messages (asked for with a `get` on each load).
import { parseFrameMessage, PROTOCOL } from '../shared/protocol.js';

/** Follows the preview's content height; the frame answers only pages that spoke to it, so each load starts with a `get`. */
export function followPreviewHeight(preview: HTMLIFrameElement): void {
  window.addEventListener('message', (event) => {
    // The preview is this host's own frame: only its window, only this origin.
    if (event.source !== preview.contentWindow || event.origin !== location.origin) return;
    const message = parseFrameMessage(event.data);
    if (message?.type !== 'resize') return;
    const style = getComputedStyle(preview);
    const borders = (parseFloat(style.borderTopWidth) || 0) + (parseFloat(style.borderBottomWidth) || 0);
    preview.style.height = `${Math.ceil(message.height + borders)}px`;
  });
  const ask = () => preview.contentWindow?.postMessage({ protocol: PROTOCOL, type: 'get', id: 'builder-preview' }, location.origin);
  preview.addEventListener('load', ask);
  ask();
}
