// The <optout-toggle> Lit element: shows the state and turns a click into an `optout-change` event.
import { LitElement, html, nothing, unsafeCSS } from 'lit';
import type { Reason } from '../shared/choice.js';
import { en } from '../shared/i18n/en.js';
import type { FrameTexts } from '../shared/i18n/texts.js';
import { toggleStyles } from '../shared/optout-toggle.styles.js';

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
 * @fires optout-change - the visitor clicked; `detail.optedOut` is the state asked for
 * @fires optout-storage-access - the visitor asked to let the frame remember (a user gesture)
 * @cssproperty --optout-font-color
 * @cssproperty --optout-background-color
 * @cssproperty --optout-font-size
 * @cssproperty --optout-font-family
 * @cssproperty --optout-accent-color
 */
export class OptOutToggle extends LitElement {
  static override styles = unsafeCSS(toggleStyles);

  static override properties = {
    optedOut: { type: Boolean, attribute: 'opted-out', reflect: true },
    reason: { type: String, reflect: true },
    showIntro: { type: Boolean, attribute: 'show-intro' },
    storageBlocked: { type: Boolean, attribute: 'storage-blocked', reflect: true },
    storageAccess: { type: Boolean, attribute: 'storage-access' },
    texts: { attribute: false },
  };

  /** Whether the visitor is opted out. */
  declare optedOut: boolean;
  /** Why: `choice`, `default` or `gpc`. */
  declare reason: Reason;
  /** Show the intro sentence above the status. */
  declare showIntro: boolean;
  /** The browser lets the frame keep no choice: explain instead of showing the toggle. */
  declare storageBlocked: boolean;
  /** Offer the button that asks the browser for storage access (only with `storageBlocked`). */
  declare storageAccess: boolean;
  /** Texts in the frame's language (English when not set). */
  declare texts: FrameTexts;

  constructor() {
    super();
    this.optedOut = false;
    this.reason = 'default';
    this.showIntro = false;
    this.storageBlocked = false;
    this.storageAccess = false;
    this.texts = en.texts;
  }

  override render() {
    const t = this.texts;
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
