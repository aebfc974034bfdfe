// What the check measured about one server, as plain data: the input of the prediction
// (predict.ts), made by check-site.ts over the network or by a test by hand.

import type { ServedChain } from '../shared/served-chain';
import type { HelloEnding } from './raw-hello-probe';
import type { VersionSupport } from './tls-versions';

export interface Measurements {
  readonly host: string;
  readonly port: number;
  /** When the check ran (ms since the epoch); certificates are judged at this time. */
  readonly at: number;
  /** A handshake offering what Firefox offers (TLS 1.2 and 1.3, Firefox's cipher suites). */
  readonly firefoxLike: ServedChain;
  /** One handshake per TLS version, Node's default suites (empty when the server was not reached). */
  readonly versions: readonly VersionSupport[];
  /** How the server answered a hello with Firefox's post-quantum key share; null when not tried. */
  readonly postQuantum: HelloEnding | null;
  /** The certificates in the order the server sent them (TLS 1.2 only), DER base64; null when not seen. */
  readonly wireOrder: readonly string[] | null;
  /** Certificates from a handshake at an older version, when Firefox's own could not finish. */
  readonly fallbackCertificates: readonly string[];
}
