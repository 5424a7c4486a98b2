// Frame entry: upgrades the server-rendered toggle and owns its state, keeps each choice in every layer the browser allows, and tells the page through the messenger.
import './define.js';
import { readBoot } from '../shared/boot.js';
import { openFrameChoice, type ChoiceKeeper } from './choice-layers.js';
import type { OptOutState } from '../shared/choice.js';
import { hasStorageAccessApi, requestStorageAccessThenReload, resumeStorageAccess } from './storage-access.js';
import { allowedParentOrigin, originAllowed, startFrameMessenger } from './frame-messenger.js';
import { startMatomoCompat } from './matomo-compat.js';
import { hostStoreAction, storeChoiceOnHost } from './host-choice.js';

const boot = readBoot(document);
// The layers may hold what the host could not see (frame storage, GPC only in the navigator):
// the keeper's state, not the first HTML's, is what the element shows and `ready` says.
let keeper: ChoiceKeeper = openFrameChoice(window, boot);
const toggle = document.querySelector('optout-toggle');

if (toggle) {
  // Matomo's own messages, for a page whose unmodified matomo.js tracks on this host name.
  const matomo = startMatomoCompat({
    pageOrigin: allowedParentOrigin(boot.allowedOrigins),
    isAllowed: (origin) => originAllowed(origin, boot.allowedOrigins),
    state: keeper.state,
  });
  /** Every new state passes here (a click, a page's opt-out, another tab, a storage grant). */
  const show = (state: OptOutState): void => {
    toggle.optedOut = state.optedOut;
    toggle.reason = state.reason;
    matomo.changed(state);
    // Where nothing can be kept, a toggle would forget the click: the element explains instead.
    toggle.storageBlocked = !keeper.canStore;
    toggle.storageAccess = !keeper.canStore && hasStorageAccessApi(document);
  };
  toggle.texts = boot.texts;
  show(keeper.state);
  // The server-rendered form (left in the light DOM under the element's shadow root) names the host's route for a choice.
  const hostAction = hostStoreAction(toggle);
  /**
   * Every layer the script writes, then the host's cookie by its answer. The request starts in a
   * microtask, after the caller has told the page (the same task), so the page hears at once.
   */
  const choose = (optedOut: boolean): OptOutState => {
    const state = keeper.choose(optedOut);
    if (hostAction !== undefined) queueMicrotask(() => void storeChoiceOnHost(fetch, hostAction, optedOut));
    return state;
  };

  const messenger = startFrameMessenger({
    allowedOrigins: boot.allowedOrigins,
    state: keeper.state,
    // Another tab may have changed the layers where no BroadcastChannel carried the news.
    read: () => keeper.refresh(),
    optOut: () => choose(true),
    // A page's opt-out or another tab: show it (setting properties fires no optout-change).
    onChange: show,
  });
  // element → choice → message: the element only asks; the click is stored in every layer first,
  // then shown (this file owns the element's state), then the page hears of it.
  toggle.addEventListener('optout-change', (event) => {
    const state = choose(event.detail.optedOut);
    show(state);
    messenger.changed(state);
  });
  toggle.addEventListener('optout-storage-access', () => {
    void requestStorageAccessThenReload(window);
  });
  // The page's client sizes the <iframe> to this height, so there is never a scroll bar.
  const root = document.documentElement;
  new ResizeObserver(() => messenger.resized(root.getBoundingClientRect().height)).observe(root);

  // A grant from an earlier visit has to be claimed again by each new document.
  if (!keeper.canStore) {
    void resumeStorageAccess(document, navigator).then((granted) => {
      if (!granted) return;
      keeper = openFrameChoice(window, boot);
      show(keeper.state);
      messenger.changed(keeper.state);
    });
  }
}
