// The companion's message schema: what the extension asks the native messaging host, and the
// chain a server sends, as the host (and the `cert-doctor check` command) measured it. Both sides
// check every message with these guards: the host answers a stranger's server's bytes, and the
// extension reads a program outside Firefox.

/** Certificates kept of a served chain, leaf first (a real chain has 2 to 4). */
export const MAX_SERVED_CERTIFICATES = 10;
/** The largest certificate accepted, as base64 of its DER (64 KiB of DER). */
export const MAX_SERVED_CERTIFICATE_BASE64 = Math.ceil((64 * 1024) / 3) * 4;
/** Host names longer than DNS allows are refused. */
export const MAX_HOST_CHARS = 253;
/** Free text (Node's error messages) is cut to this. */
export const MAX_DETAIL_CHARS = 300;

export const SERVED_CHAIN_REQUEST = 'cert-doctor/get-served-chain';
export const SERVED_CHAIN_REPLY = 'cert-doctor/served-chain';
export const COMPANION_ERROR = 'cert-doctor/error';
export const COMPANION_PROTOCOL_VERSION = 1;
/**
 * The native application's name: what the extension passes to runtime.sendNativeMessage, and the
 * host manifest's `name` and file name (`cert-doctor companion install` writes it).
 */
export const COMPANION_APPLICATION = 'cert_doctor_companion';

/** The extension to the host: connect to this host and port once, and say what it sends. */
export interface ServedChainRequest {
  readonly kind: typeof SERVED_CHAIN_REQUEST;
  readonly version: typeof COMPANION_PROTOCOL_VERSION;
  readonly host: string;
  readonly port: number;
}

/**
 * How a connection ended without a finished handshake. `alert` carries the TLS alert's name
 * (e.g. "protocol_version"), the others a short message.
 */
export type ServedFailureKind = 'dns' | 'refused' | 'reset' | 'closed' | 'timeout' | 'not-tls' | 'alert' | 'other';

export interface ServedFailure {
  readonly kind: ServedFailureKind;
  readonly detail: string;
}

/** What one TLS connection to the server showed. */
export interface ServedChain {
  readonly kind: typeof SERVED_CHAIN_REPLY;
  readonly version: typeof COMPANION_PROTOCOL_VERSION;
  readonly host: string;
  readonly port: number;
  /** When the connection was made (ms since the epoch). */
  readonly at: number;
  /** The certificates exactly as the server sent them, in its order, DER as base64. */
  readonly certificates: readonly string[];
  /** The negotiated version ("TLSv1.3") and cipher, null when the handshake did not finish. */
  readonly protocol: string | null;
  readonly cipher: string | null;
  /** Whether the server stapled an OCSP response. */
  readonly ocspStapled: boolean;
  readonly failure: ServedFailure | null;
}

export interface CompanionError {
  readonly kind: typeof COMPANION_ERROR;
  readonly version: typeof COMPANION_PROTOCOL_VERSION;
  readonly error: 'bad-request' | 'failed';
  readonly detail: string;
}

export type CompanionReply = ServedChain | CompanionError;

const FAILURE_KINDS: ReadonlySet<string> = new Set<ServedFailureKind>([
  'dns',
  'refused',
  'reset',
  'closed',
  'timeout',
  'not-tls',
  'alert',
  'other',
]);

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A DNS name or an IP address as a URL's host gives it (no brackets, no port, no spaces). */
export function isConnectableHost(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_HOST_CHARS && /^[A-Za-z0-9._:-]+$/.test(value);
}

export function isPort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

function isShortText(value: unknown, max = MAX_DETAIL_CHARS): value is string {
  return typeof value === 'string' && value.length <= max;
}

function isTextOrNull(value: unknown): value is string | null {
  return value === null || isShortText(value, 100);
}

function isBase64Certificate(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length > 0 && value.length <= MAX_SERVED_CERTIFICATE_BASE64 && /^[A-Za-z0-9+/]+={0,2}$/.test(value)
  );
}

export function isServedChainRequest(value: unknown): value is ServedChainRequest {
  return (
    isObject(value) &&
    value['kind'] === SERVED_CHAIN_REQUEST &&
    value['version'] === COMPANION_PROTOCOL_VERSION &&
    isConnectableHost(value['host']) &&
    isPort(value['port'])
  );
}

function isServedFailure(value: unknown): value is ServedFailure {
  return isObject(value) && typeof value['kind'] === 'string' && FAILURE_KINDS.has(value['kind']) && isShortText(value['detail']);
}

export function isServedChain(value: unknown): value is ServedChain {
  if (!isObject(value)) return false;
  const certificates = value['certificates'];
  return (
    value['kind'] === SERVED_CHAIN_REPLY &&
    value['version'] === COMPANION_PROTOCOL_VERSION &&
    isConnectableHost(value['host']) &&
    isPort(value['port']) &&
    typeof value['at'] === 'number' &&
    Number.isFinite(value['at']) &&
    Array.isArray(certificates) &&
    certificates.length <= MAX_SERVED_CERTIFICATES &&
    certificates.every(isBase64Certificate) &&
    isTextOrNull(value['protocol']) &&
    isTextOrNull(value['cipher']) &&
    typeof value['ocspStapled'] === 'boolean' &&
    (value['failure'] === null || isServedFailure(value['failure']))
  );
}

export function isCompanionError(value: unknown): value is CompanionError {
  return (
    isObject(value) &&
    value['kind'] === COMPANION_ERROR &&
    value['version'] === COMPANION_PROTOCOL_VERSION &&
    (value['error'] === 'bad-request' || value['error'] === 'failed') &&
    isShortText(value['detail'])
  );
}

export function isCompanionReply(value: unknown): value is CompanionReply {
  return isServedChain(value) || isCompanionError(value);
}
