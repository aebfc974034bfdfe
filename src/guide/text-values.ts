// The values and facts the guide's words are filled with, computed in one place for the popup
// and the report so both say the same. A value that is not known is left out (never a stand-in
// word): the data then chooses a wording that does not need it (fill.ts).

import { isLocalHost } from '../diagnosis/host-kind';
import { dnAttribute } from '../diagnosis/dn-attribute';
import type { Diagnosis } from '../diagnosis/types';
import type { Values } from './fill';
import { hostAndPortOf } from '../shared/url';
import { visibleLine } from '../shared/visible-text';

/**
 * Every value name the words may use; the knowledge-base tests reject any other. `port` is the
 * port of the site's URL (443 when it names none): commands (`openssl s_client -connect
 * {host}:{port}`) and server-config examples (`listen {port} ssl;`, `<VirtualHost *:{port}>`)
 * use it, because the block to change is the one serving the port visitors use. Ports that are
 * not the site's address stay literal (Caddy's ACME validation needs 80 and 443). `hostport` is
 * the host as Firefox's error page names it in its exception button: with the port when it is not
 * the default (BrowserUtils.formatURIForDisplay uses the URI's displayHostPort).
 */
export const VALUE_NAMES = ['host', 'port', 'hostport', 'alternative', 'product', 'issuer', 'since'] as const;

/**
 * Every fact a sentence may depend on ({if:fact}). Each names something the report (or the popup)
 * shows only sometimes, so a sentence that points at it must be conditional on it.
 */
export const FACT_NAMES = [
  'certificates', // the report lists the certificates Firefox received (only pages that loaded)
  'code', // the report names Firefox's error code (only failed loads)
  'lastGood', // the report gives the last valid certificate this browser saw for the site
  'failedParts', // the report lists the parts of the page that failed
  'sslLabs', // the site is public and on port 443, the only port SSL Labs tests
  'clock', // the clock was measured (the popup lists the measurement as evidence, the report as a check)
] as const;

export type FactName = (typeof FACT_NAMES)[number];
export type Facts = Readonly<Record<FactName, boolean>>;

export interface TextSources {
  readonly url: string;
  readonly diagnosis: Diagnosis;
  /** The certificate this site used before (a change) or the last good one, if remembered. */
  readonly previous: { readonly issuer: string; readonly lastSeen: number } | null;
  readonly formatDate: (ms: number) => string;
  readonly facts: Facts;
}

/** The site's host and port from its URL; 443 when the URL names no port. */
export function siteAddress(url: string): { readonly host: string; readonly port: number } | null {
  try {
    const parsed = new URL(url);
    return { host: parsed.hostname.toLowerCase(), port: Number(parsed.port || 443) };
  } catch {
    return null;
  }
}

/** SSL Labs tests public names on port 443 only. */
export function sslLabsCanTest(host: string, port: number): boolean {
  return host !== '' && !isLocalHost(host) && port === 443;
}

export function textValues(sources: TextSources): Values {
  const { diagnosis, previous } = sources;
  const site = siteAddress(sources.url);
  // Every value but the port and the date comes from strangers (the URL, a certificate): shown
  // with any invisible character named, in the popup and the report alike.
  const shown = (value: string | null | undefined): string | undefined => (value ? visibleLine(value) : undefined);
  return {
    host: shown(site?.host ?? sources.url),
    port: String(site?.port ?? 443),
    hostport: shown(hostAndPortOf(sources.url) ?? sources.url),
    alternative: shown(diagnosis.alternativeHost ?? alternativeFromEvidence(diagnosis)),
    product: shown(diagnosis.product?.name),
    issuer: shown(previous ? (dnAttribute(previous.issuer, 'CN') ?? previous.issuer) : undefined),
    since: previous && previous.lastSeen > 0 ? sources.formatDate(previous.lastSeen) : undefined,
    ...sources.facts,
  };
}

/** A page that loaded after an exception has no alternativeHost; the evidence still names the twin. */
function alternativeFromEvidence(diagnosis: Diagnosis): string | null {
  for (const cause of diagnosis.causes) {
    for (const evidence of cause.evidence) if (evidence.kind === 'www-alternative') return evidence.alternative;
  }
  return null;
}
