// @vitest-environment happy-dom
// <optout-toggle> in a DOM: a real button with its text as name, a live status, a click fires optout-change and only its owner changes the state, a property set by code fires nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { de } from '../shared/i18n/de.js';
import { en } from '../shared/i18n/en.js';
import './define.js';
import type { OptOutChangeDetail, OptOutToggle } from './optout-toggle.js';

let toggle: OptOutToggle;
/** Every event the element fired, in order. */
let fired: Array<CustomEvent<OptOutChangeDetail | undefined>>;
let listening: AbortController;

/** The element's rendered parts (it renders each change at once). */
function rendered() {
  const root = toggle.shadowRoot!;
  return {
    status: root.querySelector('[role="status"]'),
    buttons: [...root.querySelectorAll('button')],
    notes: [...root.querySelectorAll('.note')],
  };
}

beforeEach(() => {
  fired = [];
  listening = new AbortController();
  toggle = document.createElement('optout-toggle');
  for (const type of ['optout-change', 'optout-storage-access']) {
    // Listened for on the document: the events must leave the element's shadow root and bubble.
    document.addEventListener(type, (event) => fired.push(event as CustomEvent<OptOutChangeDetail | undefined>), {
      signal: listening.signal,
    });
  }
  document.body.append(toggle);
  // The frame sets them from its boot data.
  toggle.texts = en.texts;
});

afterEach(() => {
  listening.abort();
  toggle.remove();
});

describe('<optout-toggle>', () => {
  it('is accessible: one real button named by its text, the status in a live region', () => {
    const { status, buttons } = rendered();
    expect(status?.tagName).toBe('P');
    expect(status?.getAttribute('role')).toBe('status');
    expect(buttons).toHaveLength(1);
    expect(buttons[0]!.getAttribute('type')).toBe('button');
    expect(buttons[0]!.textContent).toBe(en.texts.optOutButton);
  });

  it('starts opted in, by default, without the intro', () => {
    expect(toggle.optedOut).toBe(false);
    expect(toggle.reason).toBe('default');
    const { status } = rendered();
    expect(status?.textContent).toBe(en.texts.optedIn);
    expect(toggle.shadowRoot!.querySelector('.intro')).toBeNull();
  });

  it('a click fires optout-change with the state asked for, bubbling out of the shadow root, and changes nothing itself', () => {
    rendered().buttons[0]!.click();
    expect(fired).toHaveLength(1);
    const [event] = fired;
    expect(event!.type).toBe('optout-change');
    expect(event!.detail).toEqual({ optedOut: true });
    expect(event!.bubbles && event!.composed).toBe(true);
    // The state has one owner (the frame script): until it sets what it stored, nothing changes.
    expect(toggle.optedOut).toBe(false);
    expect(toggle.reason).toBe('default');
    expect(rendered().status?.textContent).toBe(en.texts.optedIn);
  });

  it('shows the state its owner sets after a click, and the next click asks for the other one', () => {
    // Standing in for frame.ts: it stores the choice, then sets the element's state.
    toggle.addEventListener('optout-change', (event) => {
      toggle.optedOut = event.detail.optedOut;
      toggle.reason = 'choice';
    });
    rendered().buttons[0]!.click();
    const { status, buttons } = rendered();
    expect(status?.textContent).toBe(en.texts.optedOut);
    expect(toggle.hasAttribute('opted-out')).toBe(true);
    expect(toggle.reason).toBe('choice');
    buttons[0]!.click();
    expect(fired.map((e) => e.detail)).toEqual([{ optedOut: true }, { optedOut: false }]);
    expect(rendered().status?.textContent).toBe(en.texts.optedIn);
  });

  it('properties and attributes set by code re-render and fire nothing', () => {
    toggle.optedOut = true;
    toggle.reason = 'choice';
    toggle.texts = de.texts;
    const { status, buttons } = rendered();
    expect(status?.textContent).toBe(de.texts.optedOut);
    expect(buttons[0]!.textContent).toBe(de.texts.optInButton);
    toggle.removeAttribute('opted-out');
    toggle.setAttribute('show-intro', '');
    expect(rendered().status?.textContent).toBe(de.texts.optedIn);
    expect(toggle.shadowRoot!.querySelector('.intro')?.textContent).toBe(de.texts.intro);
    expect(fired).toEqual([]);
  });

  it('renders nothing before it has its texts, so the server-rendered HTML stays on screen', () => {
    const bare = document.createElement('optout-toggle');
    bare.innerHTML = '<form class="optout"><p role="status">server-rendered</p></form>';
    bare.optedOut = true;
    document.body.append(bare);
    expect(bare.shadowRoot).toBeNull();
    expect(bare.hasUpdated).toBe(false);
    bare.texts = en.texts;
    expect(bare.hasUpdated).toBe(true);
    bare.remove();
  });

  it("styles its shadow root with a copy of the document's inline style (the rules ship once)", () => {
    const style = document.createElement('style');
    style.textContent = '.optout{color:red}';
    document.head.append(style);
    const styled = document.createElement('optout-toggle');
    styled.texts = en.texts;
    expect(styled.shadowRoot!.querySelector('style')?.textContent).toBe('.optout{color:red}');
    style.remove();
  });

  it('under GPC: says the signal is honoured and offers no button', () => {
    toggle.optedOut = true;
    toggle.reason = 'gpc';
    const { buttons, notes } = rendered();
    expect(buttons).toEqual([]);
    expect(notes.map((note) => note.textContent)).toEqual([en.texts.gpcHonoured]);
  });

  it('where nothing can be kept: explains, and only with storage-access offers the button that fires optout-storage-access', () => {
    toggle.storageBlocked = true;
    const blocked = rendered();
    expect(blocked.buttons).toEqual([]);
    expect(blocked.notes.map((note) => note.textContent)).toEqual([en.texts.storageBlocked]);
    toggle.storageAccess = true;
    const { buttons } = rendered();
    expect(buttons.map((button) => button.textContent)).toEqual([en.texts.storageAccessButton]);
    buttons[0]!.click();
    expect(fired.map((event) => event.type)).toEqual(['optout-storage-access']);
  });
});
