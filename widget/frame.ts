// Frame entry: upgrades the server-rendered toggle, stores each click, and tells the page (and other tabs) through the messenger.
import './define.js';
import { readBoot } from './boot.js';
import { cookieChoiceStore } from './choice-store.js';
import { stateAfterOptOut } from './choice.js';
import { startFrameMessenger } from './frame-messenger.js';

const boot = readBoot(document);
const store = cookieChoiceStore(document, boot.cookieName);
const toggle = document.querySelector('optout-toggle');

if (toggle) {
  toggle.texts = boot.texts;
  const messenger = startFrameMessenger({
    allowedOrigins: boot.allowedOrigins,
    state: boot.state,
    optOut(current) {
      store.write(true);
      return stateAfterOptOut(current);
    },
    // A page's opt-out or another tab: show it (setting properties fires no optout-change).
    onChange(state) {
      toggle.optedOut = state.optedOut;
      toggle.reason = state.reason;
    },
  });
  // element → store → message: a click is stored first, then the page hears of it.
  toggle.addEventListener('optout-change', (event) => {
    store.write(event.detail.optedOut);
    messenger.changed({ optedOut: event.detail.optedOut, reason: 'choice' });
  });
  // The page's client sizes the <iframe> to this height, so there is never a scroll bar.
  const root = document.documentElement;
  new ResizeObserver(() => messenger.resized(root.getBoundingClientRect().height)).observe(root);
}
