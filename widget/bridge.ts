// Bridge entry (GET /optout/bridge, no Lit): an invisible frame that only answers a page's messages.
import { readBoot, type MessagingBoot } from './boot.js';
import { cookieChoiceStore } from './choice-store.js';
import { stateAfterOptOut } from './choice.js';
import { startFrameMessenger } from './frame-messenger.js';

const boot = readBoot<MessagingBoot>(document);
const store = cookieChoiceStore(document, boot.cookieName);

startFrameMessenger({
  allowedOrigins: boot.allowedOrigins,
  state: boot.state,
  optOut(current) {
    store.write(true);
    return stateAfterOptOut(current);
  },
});
