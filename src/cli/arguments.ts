// `cert-doctor check` arguments, parsed without a library: a target (an https URL or host[:port])
// and a few options. Pure, so every form and every mistake is unit-tested.

import { isConnectableHost, isPort } from '../shared/served-chain';
/**
 * The languages the command speaks: English and Russian, whose words it carries inside its one
 * file (bundled-words.ts, check-words.ts). The extension may speak more (src/guide/languages.ts).
 */
export const CLI_LANGUAGES = ['en', 'ru'] as const;
export type CliLanguage = (typeof CLI_LANGUAGES)[number];

export type OutputFormat = 'text' | 'json' | 'markdown';

export interface CheckArguments {
  readonly host: string;
  readonly port: number;
  readonly format: OutputFormat;
  readonly language: CliLanguage;
  /** PEM files of roots the person's Firefox profile trusts besides Mozilla's. */
  readonly caFiles: readonly string[];
  readonly timeoutMs: number;
  /** Connect to this address instead of looking the host up (the host is still sent as SNI). */
  readonly connectTo: string | null;
}

export type Parsed =
  | { readonly ok: true; readonly help: true }
  | { readonly ok: true; readonly help: false; readonly args: CheckArguments }
  | { readonly ok: false; readonly error: string };

export const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_TIMEOUT_MS = 120_000;

export function parseCheckArguments(argv: readonly string[]): Parsed {
  let format: OutputFormat = 'text';
  let language: CliLanguage = 'en';
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  let connectTo: string | null = null;
  const caFiles: string[] = [];
  const targets: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | null => {
      if (inline !== undefined) return inline;
      i += 1;
      return argv[i] ?? null;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return { ok: true, help: true };
      case '--json':
        format = 'json';
        break;
      case '--markdown':
        format = 'markdown';
        break;
      case '--text':
        format = 'text';
        break;
      case '--lang': {
        const lang = value();
        const known = CLI_LANGUAGES.find((l) => l === lang);
        if (!known) return { ok: false, error: `--lang takes ${CLI_LANGUAGES.join(' or ')}` };
        language = known;
        break;
      }
      case '--ca': {
        const file = value();
        if (!file) return { ok: false, error: '--ca takes a PEM file' };
        caFiles.push(file);
        break;
      }
      case '--timeout': {
        const text = value() ?? '';
        const ms = /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
        if (!Number.isInteger(ms) || ms < 100 || ms > MAX_TIMEOUT_MS)
          return { ok: false, error: `--timeout takes milliseconds, 100 to ${MAX_TIMEOUT_MS}` };
        timeoutMs = ms;
        break;
      }
      case '--connect-to': {
        const address = value();
        if (!address || !isConnectableHost(address)) return { ok: false, error: '--connect-to takes an IP address or a host name' };
        connectTo = address;
        break;
      }
      default:
        if (flag.startsWith('-')) return { ok: false, error: `unknown option ${visibleArg(flag)}` };
        targets.push(arg);
    }
  }
  if (targets.length !== 1) return { ok: false, error: targets.length === 0 ? 'give one https URL or host[:port]' : 'give only one site' };
  const target = parseTarget(targets[0] ?? '');
  if (!target) return { ok: false, error: `not an https URL or host[:port]: ${visibleArg(targets[0] ?? '')}` };
  return { ok: true, help: false, args: { ...target, format, language, caFiles, timeoutMs, connectTo } };
}

/** https://host[:port]/... or host, host:port, [v6], [v6]:port; the host as a URL normalizes it. */
export function parseTarget(text: string): { readonly host: string; readonly port: number } | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  if (withScheme && !/^https:\/\//i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(withScheme ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  // Without a scheme only host[:port] is accepted, nothing after it.
  if (!withScheme && (url.pathname !== '/' || url.search || url.hash || text.includes('/'))) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  const port = url.port === '' ? 443 : Number(url.port);
  if (!isConnectableHost(host) || !isPort(port)) return null;
  return { host, port };
}

/** An argument echoed in an error message, control characters shown, not obeyed by the terminal. */
function visibleArg(text: string): string {
  return JSON.stringify(text.slice(0, 200));
}

export const HELP = `Usage: cert-doctor check <https-url | host[:port]> [options]

Checks a site the way Firefox 153 would: the certificates the server sends, their names,
dates, keys and signatures against Mozilla's root store, the TLS versions and cipher suites
it accepts, its OCSP staple, and whether a hello with Firefox's post-quantum key share gets
an answer. Prints what Firefox would say, why, and what the site's owner should change.

Options:
  --json              the result as JSON
  --markdown          the result as Markdown
  --lang en|ru        language of the explanation (default en)
  --ca <file.pem>     also trust the roots in this file, as a Firefox profile that added
                      them would (may be given more than once)
  --timeout <ms>      per connection (default ${DEFAULT_TIMEOUT_MS})
  --connect-to <ip>   connect to this address instead of looking the name up (the name is
                      still sent to the server), like curl's --resolve
  -h, --help          this help

Exit status:
  0  Firefox would open the site
  1  Firefox would refuse it
  2  it could not be checked (bad arguments, a name that does not resolve, a timeout)

Network use: only TLS connections to the host and port given (about seven short ones, and
the system's lookup of the name); nothing is sent after any handshake.
`;
