// Which service URLs the bot may ever call: a forged or stale conversation reference must never make it send
// data (or its token) elsewhere. Teams' and Bot Framework's hosts over https; anything else is configured.

// Teams public cloud (regional paths /amer/, /emea/, …); GCC, GCC High and DoD are under the suffixes below.
const BUILT_IN_HOSTS = ['smba.trafficmanager.net'];
const BUILT_IN_SUFFIXES = ['.botframework.com', '.teams.microsoft.com', '.teams.microsoft.us'];

export type ServiceUrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * Checks `serviceUrl` against the built-in Teams hosts and the configured extras. An extra is one of:
 * an origin (`http://127.0.0.1:3979`), a host with port (`127.0.0.1:3979`), a bare host (`localhost`, any
 * port) or a wildcard suffix (`*.example.net`).
 */
export function checkServiceUrl(
  serviceUrl: string | undefined,
  extra: readonly string[] = [],
): ServiceUrlCheck {
  if (!serviceUrl) return { ok: false, reason: 'no service URL' };
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.username || url.password) return { ok: false, reason: 'credentials in the URL' };
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, reason: `protocol ${url.protocol}` };
  const host = url.hostname.toLowerCase();

  if (url.protocol === 'https:' && url.port === '') {
    if (BUILT_IN_HOSTS.includes(host)) return { ok: true, url };
    if (BUILT_IN_SUFFIXES.some((s) => host.endsWith(s))) return { ok: true, url };
  }
  for (const raw of extra) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry.includes('://')) {
      try {
        if (new URL(entry).origin === url.origin) return { ok: true, url };
      } catch {
        /* a malformed entry matches nothing */
      }
    } else if (entry.startsWith('*.')) {
      if (host.endsWith(entry.slice(1))) return { ok: true, url };
    } else if (entry.includes(':') && !entry.startsWith('[')) {
      if (url.host.toLowerCase() === entry) return { ok: true, url };
    } else if (host === entry) {
      return { ok: true, url };
    }
  }
  return { ok: false, reason: `host ${url.host} is not on the service URL allowlist` };
}

export function isAllowedServiceUrl(serviceUrl: string | undefined, extra: readonly string[] = []): boolean {
  return checkServiceUrl(serviceUrl, extra).ok;
}
