// Reads one attribute (CN, O) from a distinguished name as Firefox writes it in
// getSecurityInfo ("CN=R11,O=Let’s Encrypt,C=US") or as RFC 4514 text ("CN=a\, b, O=c").
// Certificate names come from strangers: no regex backtracking on their text, escapes kept.
// NSS quotes a value that holds a comma ('CN="Superfish, Inc."'), so commas inside quotes do
// not split.

export function dnAttribute(dn: string, attribute: string): string | null {
  for (const part of splitUnescaped(dn)) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim().toUpperCase() === attribute.toUpperCase()) return unescape(part.slice(eq + 1).trim());
  }
  return null;
}

function splitUnescaped(dn: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < dn.length; i++) {
    const c = dn[i] ?? '';
    if (c === '\\' && i + 1 < dn.length) {
      current += c + (dn[i + 1] ?? '');
      i++;
    } else if (c === '"') {
      quoted = !quoted;
      current += c;
    } else if (!quoted && (c === ',' || c === '+')) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

function unescape(value: string): string {
  return value.replace(/\\(.)/g, '$1').replace(/^"(.*)"$/, '$1');
}
