// The <optout-toggle> element, rendered with lit-html: shows the state and turns a click into an `optout-change` event.
import { html, nothing, render } from 'lit/html.js';
import type { Reason } from '../shared/choice.js';
import type { FrameTexts } from '../shared/i18n/texts.js';

export interface OptOutChangeDetail {
  /** The state the visitor asked for. */
  readonly optedOut: boolean;
}

/**
 * Shows "You are currently opted in." with a button to opt out, and the opposite.
 * Setting `optedOut` from code re-renders but fires nothing: only a visitor's click fires, and a
 * click only asks (`optout-change`): the element's state has one owner, the frame script, which
 * sets what it stored.
 * Under Global Privacy Control (`reason="gpc"`) it says the signal is honoured and offers no
 * button: the signal is the visitor's opt-out, switched off in the browser, not here. Where
 * the browser lets the frame keep nothing (`storage-blocked`) it says so instead of offering
 * a toggle that would forget the click, plus a storage-access button when `storage-access` is set.
 *
 * lit-html without LitElement (about 2 KB less on every first view): the attributes are the
 * element's state, each property reads and writes its attribute, and every change renders at
 * once. Until it has its `texts` (the frame's boot data) it renders nothing, so the server's
 * HTML stays on screen. Its styles are the frame document's one inline `<style>`, which holds
 * the toggle's rules for the no-JS view: the shadow root gets a copy (the same text, so the same
 * CSP hash allows it) instead of the script shipping them a second time.
 *
 * @fires optout-change - the visitor clicked; `detail.optedOut` is the state asked for
 * @fires optout-storage-access - the visitor asked to let the frame remember (a user gesture)
 * @cssproperty --optout-font-color
 * @cssproperty --optout-background-color
 * @cssproperty --optout-font-size
 * @cssproperty --optout-font-family
 * @cssproperty --optout-accent-color
 */
export class OptOutToggle extends HTMLElement {
  static readonly observedAttributes = ['opted-out', 'reason', 'show-intro', 'storage-blocked', 'storage-access'];

  #texts: FrameTexts | undefined;

  /** Whether the visitor is opted out (`opted-out`). */
  get optedOut(): boolean {
    return this.hasAttribute('opted-out');
  }
  set optedOut(value: boolean) {
    this.toggleAttribute('opted-out', value);
  }

  /** Why: `choice`, `default` or `gpc` (`reason`). */
  get reason(): Reason {
    return (this.getAttribute('reason') as Reason | null) ?? 'default';
  }
  set reason(value: Reason) {
    this.setAttribute('reason', value);
  }

  /** Show the intro sentence above the status (`show-intro`). */
  get showIntro(): boolean {
    return this.hasAttribute('show-intro');
  }
  set showIntro(value: boolean) {
    this.toggleAttribute('show-intro', value);
  }

  /** The browser lets the frame keep no choice: explain instead of showing the toggle (`storage-blocked`). */
  get storageBlocked(): boolean {
    return this.hasAttribute('storage-blocked');
  }
  set storageBlocked(value: boolean) {
    this.toggleAttribute('storage-blocked', value);
  }

  /** Offer the button that asks the browser for storage access, only with `storageBlocked` (`storage-access`). */
  get storageAccess(): boolean {
    return this.hasAttribute('storage-access');
  }
  set storageAccess(value: boolean) {
    this.toggleAttribute('storage-access', value);
  }

  /** Texts in the frame's language; nothing is rendered before they are set. */
  get texts(): FrameTexts | undefined {
    return this.#texts;
  }
  set texts(value: FrameTexts) {
    this.#texts = value;
    this.update();
  }

  /** Whether it has rendered, taking over from the server's HTML (named as LitElement names it). */
  get hasUpdated(): boolean {
    return this.shadowRoot !== null;
  }

  attributeChangedCallback(): void {
    this.update();
  }

  private update(): void {
    const t = this.#texts;
    if (!t) return;
    let root = this.shadowRoot;
    if (!root) {
      root = this.attachShadow({ mode: 'open' });
      const styles = document.querySelector('style');
      if (styles) root.append(styles.cloneNode(true));
    }
    render(this.render(t), root, { host: this });
  }

  private render(t: FrameTexts) {
    return html`<div class="optout">
      ${this.showIntro ? html`<p class="intro">${t.intro}</p>` : nothing}
      <p class="status" role="status">${this.optedOut ? t.optedOut : t.optedIn}</p>
      ${this.renderControl(t)}
    </div>`;
  }

  private renderControl(t: FrameTexts) {
    if (this.reason === 'gpc') return html`<p class="note">${t.gpcHonoured}</p>`;
    if (this.storageBlocked) {
      return html`<p class="note">${t.storageBlocked}</p>
        ${this.storageAccess ? html`<button type="button" @click=${this.onStorageAccess}>${t.storageAccessButton}</button>` : nothing}`;
    }
    return html`<button type="button" @click=${this.onClick}>${this.optedOut ? t.optInButton : t.optOutButton}</button>`;
  }

  private onStorageAccess(): void {
    this.dispatchEvent(new CustomEvent('optout-storage-access', { bubbles: true, composed: true }));
  }

  private onClick(): void {
    this.dispatchEvent(
      new CustomEvent<OptOutChangeDetail>('optout-change', {
        detail: { optedOut: !this.optedOut },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'optout-toggle': OptOutToggle;
  }
  interface HTMLElementEventMap {
    'optout-change': CustomEvent<OptOutChangeDetail>;
    'optout-storage-access': CustomEvent<undefined>;
  }
}
