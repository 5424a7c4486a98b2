// The page's visible opt-out frames follow their content's height (the frame posts `resize`).

/** Sizes any iframe on this page whose window is `source` to `height` of content (never `except`, the bridge). */
export function resizeFramesOf(source: MessageEventSource | null, height: number, except: HTMLIFrameElement | undefined): void {
  for (const iframe of document.getElementsByTagName('iframe')) {
    if (iframe !== except && iframe.contentWindow === source) iframe.style.height = frameHeight(iframe, height);
  }
}

/** The iframe's height for a content height, counting its border and padding under `border-box`. */
function frameHeight(iframe: HTMLIFrameElement, contentHeight: number): string {
  const style = getComputedStyle(iframe);
  const px = (value: string) => parseFloat(value) || 0;
  const extra =
    style.boxSizing === 'border-box'
      ? px(style.borderTopWidth) + px(style.borderBottomWidth) + px(style.paddingTop) + px(style.paddingBottom)
      : 0;
  return `${Math.ceil(contentHeight + extra)}px`;
}
