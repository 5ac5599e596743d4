import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';

/**
 * Where the ATS client may connect. Vendor hosts come from the adapters (`AtsConnector.allowedHostPatterns`)
 * and are checked when a connection is saved; this guard runs on every connection the client opens: the
 * address a name resolves to *at connect time* (no DNS-rebinding window) must be public, unless the host is
 * one an operator named (ATS_ALLOWED_HOSTS, e.g. the simulator on 127.0.0.1).
 */
export interface OutboundPolicy {
  /** Host patterns exempt from the private-address rule: `host`, `host:port`, `*.domain`. */
  allowedHosts: readonly string[];
}

/** Error code of a refused destination; never retried. */
export const OUTBOUND_BLOCKED = 'ATS_OUTBOUND_BLOCKED';

const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const)
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');

/** IPv4 carried inside an IPv6 address (mapped, compatible, NAT64, 6to4): the IPv4 part decides. */
function embeddedIpv4(ip: string): string | null {
  const lower = ip.toLowerCase();
  const dotted = /^(?:::ffff:(?:0:)?|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:(?:0:)?|::|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const hi = parseInt(hex[1], 16);
    const lo = parseInt(hex[2], 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  const sixToFour = /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4}):/.exec(lower);
  if (sixToFour) {
    const hi = parseInt(sixToFour[1], 16);
    const lo = parseInt(sixToFour[2], 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return null;
}

/** True for a routable public address; false for private, loopback, link-local, reserved or unparsable. */
export function isPublicAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return !NOT_PUBLIC.check(bare, 'ipv4');
  if (family !== 6) return false;
  const v4 = embeddedIpv4(bare);
  if (v4 !== null) return isIP(v4) === 4 && !NOT_PUBLIC.check(v4, 'ipv4');
  return !NOT_PUBLIC.check(bare, 'ipv6');
}

/** `pattern` is `host`, `host:port` or `*.domain` (any depth below `domain`, not `domain` itself). */
export function hostMatches(hostname: string, port: string, pattern: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  let p = pattern.trim().toLowerCase();
  let wantPort: string | null = null;
  const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(p);
  if (withPort) {
    p = withPort[1];
    wantPort = withPort[2];
  }
  p = p.replace(/^\[|\]$/g, '');
  if (wantPort !== null && wantPort !== port) return false;
  if (p.startsWith('*.')) return host.endsWith(p.slice(1)) && host.length > p.length - 1;
  return host === p;
}

export function matchesAny(url: URL, patterns: readonly string[]): boolean {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return patterns.some((p) => hostMatches(url.hostname, port, p));
}

export function blocked(message: string): Error {
  return Object.assign(new Error(message), { code: OUTBOUND_BLOCKED });
}

/** Before a request: http(s) only, and an IP literal must be public unless its host is exempt. */
export function assertOutboundUrl(raw: string, policy: OutboundPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw blocked('not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw blocked(`scheme ${url.protocol} not allowed`);
  if (url.username || url.password) throw blocked('credentials in the URL are not allowed');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !matchesAny(url, policy.allowedHosts) && !isPublicAddress(host)) {
    throw blocked('destination address is not public');
  }
  return url;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for `net.connect`: resolves as usual, then refuses the connection when any address is not public
 * (unless the host is exempt). Runs for every connection the client opens, so a name that resolved to a public
 * address when the connection was saved cannot be switched to an internal one later.
 */
export function guardedLookup(policy: OutboundPolicy) {
  return (hostname: string, options: LookupOptions | number | undefined, callback: LookupCallback): void => {
    const opts: LookupOptions = typeof options === 'number' ? { family: options } : { ...(options ?? {}) };
    const exempt = policy.allowedHosts.some((p) => hostMatches(hostname, '', p.replace(/:\d+$/, '')));
    dnsLookup(hostname, { ...opts, all: true } as LookupAllOptions, (err, addresses) => {
      if (err) return callback(err, []);
      if (!exempt && addresses.some((a) => !isPublicAddress(a.address))) {
        return callback(blocked(`${hostname} resolves to an address that is not public`), []);
      }
      if (opts.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first)
        return callback(Object.assign(new Error(`${hostname} did not resolve`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * Why a connection URL may not be saved, or null when it may: it must be http(s) without credentials and point
 * at the adapter's vendor hosts over https, or at a host the operator named (ATS_ALLOWED_HOSTS). Where a
 * vendor host resolves is checked again on every connection (`guardedLookup`).
 */
export function connectionUrlProblem(
  raw: string,
  vendorHosts: readonly string[],
  operatorHosts: readonly string[],
): string | null {
  let url: URL;
  try {
    url = assertOutboundUrl(raw, { allowedHosts: operatorHosts });
  } catch (err) {
    return err instanceof Error ? err.message : 'not allowed';
  }
  if (matchesAny(url, operatorHosts)) return null;
  if (!matchesAny(url, vendorHosts)) return `host ${url.hostname} is not one of this ATS's hosts`;
  if (url.protocol !== 'https:') return 'the ATS must be reached over https';
  if (isIP(url.hostname.replace(/^\[|\]$/g, ''))) return 'an address is not allowed; use the ATS host name';
  return null;
}
