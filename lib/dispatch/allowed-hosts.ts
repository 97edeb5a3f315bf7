import { type DispatchConfig, destinationHosts } from './config';

// Dispatch only ever talks to the hosts of the configured destinations, over https. Plain http
// is allowed only for hosts in DISPATCH_ALLOW_INSECURE_HOSTS, a test-only setting for local
// fake destinations. Anything else is refused before a byte is sent.

/** host[:port] of every configured destination. */
export function allowedHosts(config: DispatchConfig): Set<string> {
  return new Set(destinationHosts(config));
}

/** The origin for a bare host setting (Shopify's store domain). */
export function originFor(host: string, config: DispatchConfig): string {
  const hostname = host.replace(/:\d+$/, '').toLowerCase();
  return `${config.insecureHosts.includes(hostname) ? 'http' : 'https'}://${host.toLowerCase()}`;
}

export function refusalReason(url: string, config: DispatchConfig): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `not a URL: ${url}`;
  }
  if (!allowedHosts(config).has(parsed.host)) return `${parsed.host} is not a configured destination`;
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && config.insecureHosts.includes(parsed.hostname)) return null;
  return `${parsed.protocol}//${parsed.host} is not https`;
}
