// Frame entry: upgrades the server-rendered toggle and keeps the choice in storage on each click.
import './define.js';
import { readBoot } from './boot.js';
import { cookieChoiceStore } from './choice-store.js';

const boot = readBoot(document);
const store = cookieChoiceStore(document, boot.cookieName);
const toggle = document.querySelector('optout-toggle');

if (toggle) {
  toggle.texts = boot.texts;
  toggle.addEventListener('optout-change', (event) => {
    store.write(event.detail.optedOut);
  });
}
