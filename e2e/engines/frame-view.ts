// What the visitor sees in the frame, read inside the frame document the same way in every engine.

/** The frame's visible texts: what is on screen, not what sits unrendered in the DOM. */
export interface FrameView {
  /** The visible live region (`role="status"`), or null when none is on screen. */
  readonly status: string | null;
  /** The visible buttons' texts (their accessible names). */
  readonly buttons: readonly string[];
  /** Every visible paragraph: intro, status, notes. */
  readonly paragraphs: readonly string[];
  /** The `<optout-toggle>` element has rendered (its script took over from the server's form). */
  readonly upgraded: boolean;
}

/**
 * Runs inside the frame (serialised: it closes over nothing). The server's form stays in the
 * light DOM once the element renders its shadow root, unrendered, so visibility decides.
 */
export function readFrameView(): FrameView {
  const visible = (el: Element) => (typeof el.checkVisibility === 'function' ? el.checkVisibility() : el.getClientRects().length > 0);
  const roots: ParentNode[] = [document];
  for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  const texts = (selector: string) =>
    roots
      .flatMap((root) => [...root.querySelectorAll(selector)])
      .filter(visible)
      .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
  const toggle = document.querySelector('optout-toggle') as (Element & { hasUpdated?: boolean }) | null;
  return {
    status: texts('[role="status"]')[0] ?? null,
    buttons: texts('button'),
    paragraphs: texts('p'),
    upgraded: toggle?.hasUpdated === true,
  };
}

/** Runs inside the frame: the visible button whose text is `name`, for the driver to click natively. */
export function findVisibleButton(name: string): HTMLButtonElement | null {
  const roots: ParentNode[] = [document];
  for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  const buttons = roots.flatMap((root) => [...root.querySelectorAll('button')]);
  return (
    buttons.find(
      (button) =>
        (button.textContent ?? '').replace(/\s+/g, ' ').trim() === name &&
        (typeof button.checkVisibility === 'function' ? button.checkVisibility() : button.getClientRects().length > 0),
    ) ?? null
  );
}
