// The small surface every engine implements, so each scenario is written once and run in Chromium, Firefox and WebKit.

/** A function shipped into a page or frame: it must not close over anything (it is serialised). */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>;

/** How a browser session is started; each engine says which of these it can honour. */
export interface SessionOptions {
  /** Page scripts off (the frame's no-JavaScript form). Default: on. */
  readonly javaScript?: boolean;
  /** The browser sends Global Privacy Control (`Sec-GPC: 1`, `navigator.globalPrivacyControl`). */
  readonly gpc?: boolean;
  /**
   * Every request through this HTTP proxy (`http://127.0.0.1:PORT`), with TLS certificates
   * unchecked: how made-up HTTPS names (`https://www.gazette.test:PORT`) reach the test's servers.
   */
  readonly proxy?: string;
}

/** A cookie as the browser's own store holds it (what the driver reports for the page's site). */
export interface BrowserCookie {
  readonly name: string;
  readonly value: string;
  readonly domain: string;
  readonly path: string;
  readonly secure: boolean;
  readonly sameSite: string;
}

/** A driver's cookie as `BrowserCookie`: only the attributes the tests compare, with the defaults a cookie has when one is not reported. */
export function browserCookie(cookie: {
  name: string;
  value: string;
  domain?: string;
  path?: string;
  secure?: boolean;
  sameSite?: string;
}): BrowserCookie {
  const { name, value, domain = '', path = '/', secure = false, sameSite = '' } = cookie;
  return { name, value, domain, path, secure, sameSite };
}

/** One tab. A frame is named by a CSS selector for its `<iframe>` in the top document. */
export interface EnginePage {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs `fn` in the top document (the embedding site's page). */
  evaluate<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R>;
  /** Runs `fn` in the document inside the `<iframe>` matched by `iframe`. */
  evaluateInFrame<A, R>(iframe: string, fn: PageFunction<A, R>, arg: A): Promise<R>;
  /** The URL the frame ended up on (after a refused load it is not the host's). */
  frameUrl(iframe: string): Promise<string>;
  /**
   * A real click, as the visitor's pointer makes it (a user gesture), on the visible
   * `<button>` in the frame whose accessible text is `name`, through any open shadow root.
   */
  clickInFrame(iframe: string, name: string): Promise<void>;
  /** The cookies the browser would send to the top document's URL, with their attributes, from its cookie store. */
  cookies(): Promise<BrowserCookie[]>;
  close(): Promise<void>;
}

/** One browser with its own, empty storage (cookies, localStorage) for one test. */
export interface EngineSession {
  newPage(): Promise<EnginePage>;
  close(): Promise<void>;
}

/** What an engine configuration can do here, so a scenario it cannot run says why instead of pretending. */
export interface EngineAbilities {
  /** The browser itself can be told to send GPC (not a script that fakes the property). */
  readonly gpc: boolean;
  /** Page scripts can be turned off while the driver still reads and clicks. */
  readonly javaScriptOff: boolean;
}

export interface Engine {
  /** The configuration's name, e.g. `webkit-itp`. */
  readonly name: string;
  readonly abilities: EngineAbilities;
  startSession(options?: SessionOptions): Promise<EngineSession>;
  /** Stops whatever the engine keeps running between sessions (a driver server, a browser). */
  stop(): Promise<void>;
}

/** A scenario asked for something this engine cannot do (see `EngineAbilities`). */
export class EngineUnsupportedError extends Error {
  constructor(engine: string, what: keyof EngineAbilities) {
    super(`${engine} cannot be driven with ${what} here`);
    this.name = 'EngineUnsupportedError';
  }
}
