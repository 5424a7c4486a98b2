// OPTOUT_TRUST_PROXY: which proxies may tell the host, through X-Forwarded-Proto, that the browser came over HTTPS.
import { isIP } from 'node:net';
import { ConfigError } from './config-error.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Express's names for address ranges (proxy-addr): 127.0.0.0/8 and ::1, 169.254.0.0/16 and fe80::/10, private ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IP address, or a subnet in CIDR notation with a prefix that fits the address. */
function isAddressOrSubnet(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Reads `OPTOUT_TRUST_PROXY`: empty or unset (the default) trusts no proxy, so `X-Forwarded-*`
 * headers are ignored as any client could send them; otherwise the comma-separated addresses,
 * subnets or range names of the proxies in front of the host, for Express's `trust proxy`.
 * "Trust everyone" is refused: a host reachable directly would then believe any client.
 */
export function readTrustProxy(env: Env, variable: string): string[] {
  const raw = env[variable];
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((part) => {
    const entry = part.trim();
    if (!RANGE_NAMES.has(entry) && !isAddressOrSubnet(entry)) {
      throw new ConfigError(
        variable,
        `${JSON.stringify(entry)} is not a proxy address; expected a comma-separated list of IP addresses, subnets (10.0.0.0/8) or loopback, linklocal, uniquelocal`,
      );
    }
    return entry;
  });
}
