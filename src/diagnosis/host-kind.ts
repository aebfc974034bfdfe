// Is a host on the person's own network? Routers, NAS boxes, printers and dev servers live at
// private addresses and under names no public CA will certify, so a self-signed or unknown
// certificate there is normal, not an attack on a public site.

const LOCAL_SUFFIXES = ['.local', '.lan', '.home.arpa', '.internal', '.localhost', '.home', '.localdomain', '.intranet', '.corp'];

export function isLocalHost(hostInput: string): boolean {
  const host = hostInput
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^\[|\]$/g, '');
  if (host === '') return false;
  if (host === 'localhost') return true;
  const ipv4 = parseIpv4(host);
  if (ipv4) return isPrivateIpv4(ipv4);
  if (host.includes(':')) return isPrivateIpv6(host);
  if (!host.includes('.')) return true; // a dotless intranet name ("nas", "printer")
  return LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

function parseIpv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

function isPrivateIpv4([a = 0, b = 0]: number[]): boolean {
  return (
    a === 10 ||
    a === 127 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) || // link-local
    (a === 100 && b >= 64 && b <= 127) // carrier-grade NAT, also used by VPNs such as Tailscale
  );
}

function isPrivateIpv6(host: string): boolean {
  return host === '::1' || /^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host);
}

// Labels companies give their internal names ("intranet.example.com", "jira.corp",
// "wiki.internal.example.org"): a hint that the site's certificate comes from a company root.
const CORPORATE_LABELS: ReadonlySet<string> = new Set(['intranet', 'corp', 'internal', 'intra']);

export function looksCorporate(hostInput: string): boolean {
  const labels = hostInput.toLowerCase().replace(/\.$/, '').split('.');
  return labels.some((label) => CORPORATE_LABELS.has(label));
}
