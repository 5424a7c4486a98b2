// Frame entry: upgrades the server-rendered toggle, keeps the choice in every layer the browser allows, honours GPC.
import './define.js';
import { readBoot } from './boot.js';
import type { OptOutState } from './choice.js';
import type { ChoiceKeeper } from './choice-keeper.js';
import { hasStorageAccessApi, openFrameChoice, requestStorageAccessThenReload, resumeStorageAccess } from './frame-choice.js';

const boot = readBoot(document);
let keeper = openFrameChoice(window, boot);
const toggle = document.querySelector('optout-toggle');

/** Shows the keeper's view; it may differ from the first HTML when a layer the host cannot see held an opt-out, or GPC is only in the navigator. */
function show(state: OptOutState, current: ChoiceKeeper): void {
  if (!toggle) return;
  toggle.optedOut = state.optedOut;
  toggle.reason = state.reason;
  toggle.storageBlocked = !current.canStore;
  toggle.storageAccess = !current.canStore && hasStorageAccessApi(document);
}

if (toggle) {
  toggle.texts = boot.texts;
  show(keeper.state, keeper);
  toggle.addEventListener('optout-change', (event) => {
    show(keeper.choose(event.detail.optedOut), keeper);
  });
  toggle.addEventListener('optout-storage-access', () => {
    void requestStorageAccessThenReload(window);
  });
}

// A grant from an earlier visit has to be claimed again by each new document.
if (!keeper.canStore) {
  void resumeStorageAccess(document, navigator).then((granted) => {
    if (!granted) return;
    keeper = openFrameChoice(window, boot);
    show(keeper.state, keeper);
  });
}
