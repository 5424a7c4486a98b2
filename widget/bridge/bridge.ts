// Bridge entry (GET /optout/bridge, no Lit): an invisible frame that only answers a page's messages.
import { readBoot, type MessagingBoot } from '../shared/boot.js';
import { openFrameChoice } from '../frame/choice-layers.js';
import { startFrameMessenger } from '../frame/frame-messenger.js';

const boot = readBoot<MessagingBoot>(document);
// The same layers and rule as the visible frame, so both always tell the page the same state.
const keeper = openFrameChoice(window, boot);

startFrameMessenger({
  allowedOrigins: boot.allowedOrigins,
  state: keeper.state,
  // Another tab may have changed the layers where no BroadcastChannel carried the news.
  read: () => keeper.refresh(),
  optOut: () => keeper.choose(true),
});
