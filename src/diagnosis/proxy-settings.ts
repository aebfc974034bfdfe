// What Firefox's proxy settings (browser.proxy.settings.get) say about how it connects, reduced
// to what the diagnosis and the person need: no proxy, the system's, a manual one (where), or
// a configuration script (from where). Pure; the popup reads the setting only when the person
// asks, with the optional "proxy" permission, and gives the permission back at once.

export type ProxyKind = 'none' | 'system' | 'auto-detect' | 'manual' | 'script' | 'unknown';

export interface ProxyFinding {
  readonly kind: ProxyKind;
  /** "host:port" of a manual proxy, or the script's URL; '' otherwise. */
  readonly where: string;
}

const MAX_WHERE = 200;

export function readProxySettings(value: unknown): ProxyFinding {
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const text = (key: string): string => (typeof v[key] === 'string' ? v[key].slice(0, MAX_WHERE) : '');
  switch (v['proxyType']) {
    case 'none':
      return { kind: 'none', where: '' };
    case 'system':
      return { kind: 'system', where: '' };
    case 'autoDetect':
      return { kind: 'auto-detect', where: '' };
    case 'autoConfig':
      return { kind: 'script', where: text('autoConfigUrl') };
    case 'manual':
      return { kind: 'manual', where: text('ssl') || text('http') || text('socks') };
    default:
      return { kind: 'unknown', where: '' };
  }
}

/** A proxy Firefox itself is told to use: the likeliest place for a refused or cut connection. */
export function proxyInTheWay(finding: ProxyFinding): boolean {
  return finding.kind === 'manual' || finding.kind === 'script';
}
