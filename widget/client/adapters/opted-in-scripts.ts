// Tools with no switch (Hotjar, Cloudflare Web Analytics, a site's own beacon): their script tag loads only while opted in.
import { keepInStep, type OptOutSource, type StopAdapter } from './keep-in-step.js';

/** The attribute that marks a held script: `<script type="text/plain" data-optout-src="…">`. */
export const OPTED_IN_SRC_ATTRIBUTE = 'data-optout-src';

const HELD = `script[type="text/plain"][${OPTED_IN_SRC_ATTRIBUTE}]`;

/**
 * Turns each held script into a real one: a new `<script>` with every attribute of the held tag
 * (`data-*`, `defer`, …) but `type` and `data-optout-src`, whose value becomes `src`. The held tag
 * is removed, so each loads at most once per page view.
 */
function activate(root: Document): void {
  for (const held of root.querySelectorAll<HTMLScriptElement>(HELD)) {
    const script = root.createElement('script');
    for (const { name, value } of Array.from(held.attributes)) {
      if (name !== 'type' && name !== OPTED_IN_SRC_ATTRIBUTE) script.setAttribute(name, value);
    }
    script.src = held.getAttribute(OPTED_IN_SRC_ATTRIBUTE) ?? '';
    held.replaceWith(script);
  }
}

/**
 * Loads the page's held scripts once the visitor is known to be opted in: at once for a visitor
 * remembered as opted in, or when they opt in; the tags below client.js when the document has
 * been parsed. A tool with no switch cannot be stopped once loaded: opting out keeps the rest of
 * this page's held scripts held, and the next page view loads none.
 */
export function optedInScripts(source: OptOutSource, root: Document = document): StopAdapter {
  let optedIn = false;
  const whenParsed = () => {
    if (optedIn) activate(root);
  };
  if (root.readyState === 'loading') root.addEventListener('DOMContentLoaded', whenParsed, { once: true });
  const stop = keepInStep(source, {
    tracker: 'held scripts',
    optOut: () => {
      optedIn = false;
    },
    optIn: () => {
      optedIn = true;
      activate(root);
    },
  });
  return () => {
    optedIn = false;
    stop();
    root.removeEventListener('DOMContentLoaded', whenParsed);
  };
}
