// Which host names may be written into a command or a configuration line for the site's owner
// (openssl, certbot, curl, dig, nginx, Apache). A host comes from the URL of a page a stranger
// controls; a name such as `$(curl evil)x.victim.test` would run code if pasted into a shell.
// Only a DNS name made of LDH labels (letters, digits, hyphens: RFC 1123 section 2.1, which also
// covers IDNA A-labels such as xn--e1afmkfd.xn--p1ai, RFC 5890 section 2.3.2.1) or an IP
// address is written into a command; anything else is shown apart, quoted, as text.

const LDH_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
// As a URL writes it, in brackets: hex groups, colons, and an optional dotted IPv4 tail.
const IPV6 = /^\[[0-9a-f:]*:[0-9a-f:]*(\d{1,3}(\.\d{1,3}){3})?\]$/i;

/** A DNS name of LDH labels (at most 253 characters) or an IPv4 or bracketed IPv6 address. */
export function isCommandHost(host: string): boolean {
  if (IPV4.test(host) || IPV6.test(host)) return true;
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  if (name === '' || name.length > 253) return false;
  return name.split('.').every((label) => LDH_LABEL.test(label));
}

/** A value that may stand inside a command: a host as above, or a port number. */
export function isCommandValue(value: string): boolean {
  return /^\d{1,5}$/.test(value) || isCommandHost(value);
}

/** A host that may not enter a command, quoted for display as text (JSON's quoting: unambiguous). */
export function quotedHost(host: string): string {
  return JSON.stringify(host);
}
