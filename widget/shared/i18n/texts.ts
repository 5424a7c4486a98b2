// The shape of one language's frame texts; every language file exports one of these.

export interface FrameTexts {
  /** `<title>` of the frame document, read by screen readers. */
  readonly title: string;
  /** One or two plain sentences on what opting out does (shown with `showIntro=1`). */
  readonly intro: string;
  readonly optedIn: string;
  readonly optedOut: string;
  readonly optOutButton: string;
  readonly optInButton: string;
  /** Said when the browser's Global Privacy Control signal decides the state. */
  readonly gpcHonoured: string;
  /** Said when the browser lets the frame store nothing, so a choice could not be kept. */
  readonly storageBlocked: string;
  /** Label of the button that asks the browser for storage access. */
  readonly storageAccessButton: string;
}

export interface Language {
  /** BCP 47 tag, e.g. `en`, `pt-BR`. */
  readonly tag: string;
  /** The language's own name for itself (shown in the embed-code builder), e.g. `Deutsch`. */
  readonly name: string;
  /** Other tags that should pick this language, e.g. `no` for Norwegian Bokmål. */
  readonly aliases?: readonly string[];
  readonly dir: 'ltr' | 'rtl';
  readonly texts: FrameTexts;
}
