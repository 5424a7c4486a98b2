// Test support: the shipped proxy configs adapted to this machine by changing only names, ports and certificate paths (each change printed).

/** One exact text replacement in a shipped config. */
export interface ConfigChange {
  readonly from: string;
  readonly to: string;
}

/**
 * The shipped `text` with each change applied everywhere it occurs. A `from` that does not occur
 * fails: the shipped file changed, and the test must not quietly run something else.
 */
export function adaptConfig(label: string, text: string, changes: readonly ConfigChange[]): string {
  let adapted = text;
  for (const { from, to } of changes) {
    if (!adapted.includes(from)) throw new Error(`${label}: ${JSON.stringify(from)} is not in the shipped file`);
    adapted = adapted.split(from).join(to);
  }
  console.log(`${label}, changed for this test: ${changes.map(({ from, to }) => `${from} → ${to}`).join('; ')}`);
  return adapted;
}

/** What a test machine puts in place of the production names, ports and certificates. */
export interface TestSite {
  /** The proxy's host name as browsers reach it, e.g. optout.example.test. */
  readonly name: string;
  /** The HTTPS port browsers use (not 443). */
  readonly httpsPort: number;
  /** A port for plain HTTP (not 80). */
  readonly httpPort: number;
  /** Where the host listens on loopback (in place of 3000); none for a static export. */
  readonly hostPort?: number;
  readonly certFile: string;
  readonly keyFile: string;
}

/** deploy/nginx.conf or the export's nginx.conf: the certificate, the name, both listen ports, the host's port. */
export function nginxChanges(site: TestSite): ConfigChange[] {
  return [
    { from: '/etc/letsencrypt/live/optout.example.org/fullchain.pem', to: site.certFile },
    { from: '/etc/letsencrypt/live/optout.example.org/privkey.pem', to: site.keyFile },
    { from: 'optout.example.org', to: site.name },
    { from: 'listen 443 ', to: `listen 127.0.0.1:${site.httpsPort} ` },
    { from: 'listen 80;', to: `listen 127.0.0.1:${site.httpPort};` },
    ...(site.hostPort === undefined ? [] : [{ from: '127.0.0.1:3000', to: `127.0.0.1:${site.hostPort}` }]),
  ];
}

/**
 * deploy/Caddyfile or the export's: the name with its port in the site address, the test
 * certificate in place of the one Caddy would get from Let's Encrypt, the host's port.
 */
export function caddyChanges(site: TestSite): ConfigChange[] {
  return [
    { from: 'optout.example.org {', to: `${site.name}:${site.httpsPort} {\n\ttls ${site.certFile} ${site.keyFile}` },
    ...(site.hostPort === undefined ? [] : [{ from: '127.0.0.1:3000', to: `127.0.0.1:${site.hostPort}` }]),
  ];
}
