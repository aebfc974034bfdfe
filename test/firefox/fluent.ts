// Enough of Fluent (Firefox's .ftl localization format) to list every text a message can show:
// values and attributes (`.label = …`), multi-line values, terms (`{ -brand-short-name }`)
// and message references resolved, `{ $var }` and function calls left open as "any text", and
// select expressions expanded into one text per variant. Not a full Fluent implementation:
// it never formats for a user, it only answers "could Firefox show this exact label?".

/** A stretch of a message that can hold any text (a variable or a function's result). */
export const ANY = Symbol('any text');
export type Part = string | typeof ANY;
/** One way a message can read: literal text and open stretches, in order. */
export type Reading = readonly Part[];

type Expression =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'reference'; readonly id: string }
  | { readonly kind: 'select'; readonly variants: readonly Node[][] };
type Node = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'placeable'; readonly expression: Expression };

export interface FluentMessage {
  /** `id` or `id.attribute`; terms start with "-". */
  readonly key: string;
  readonly source: string;
  readonly pattern: readonly Node[];
}

/** Every value and attribute of a .ftl file, unresolved. */
export function parseFluent(text: string, source: string): FluentMessage[] {
  const messages: FluentMessage[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    const start = /^(-?[a-zA-Z][\w-]*)\s*=\s?(.*)$/.exec(line);
    index++;
    if (!start) continue;
    const id = start[1] ?? '';
    // The entry goes on while lines are indented or blank (blank lines may sit inside a value).
    const body: string[] = [start[2] ?? ''];
    while (index < lines.length && /^(\s|$)/.test(lines[index] ?? '')) {
      body.push(lines[index] ?? '');
      index++;
    }
    for (const [key, pattern] of splitAttributes(id, body)) {
      messages.push({ key, source, pattern: parsePattern(pattern.trim()) });
    }
  }
  return messages;
}

/** The value and each `.attribute = …` of one entry, as pattern source text. */
function splitAttributes(id: string, body: readonly string[]): [string, string][] {
  const parts: [string, string[]][] = [[id, []]];
  let depth = 0;
  for (const [position, raw] of body.entries()) {
    const attribute = position > 0 && depth === 0 ? /^\s+\.([\w-]+)\s*=\s?(.*)$/.exec(raw) : null;
    if (attribute) parts.push([`${id}.${attribute[1] ?? ''}`, [attribute[2] ?? '']]);
    else parts[parts.length - 1]?.[1].push(position === 0 ? raw : raw.trim());
    depth += countOf(raw, '{') - countOf(raw, '}');
  }
  return parts.map(([key, text]) => [key, text.join('\n')]);
}

function countOf(text: string, char: string): number {
  return text.split(char).length - 1;
}

class Cursor {
  at = 0;
  constructor(readonly text: string) {}
  peek(offset = 0): string {
    return this.text[this.at + offset] ?? '';
  }
  done(): boolean {
    return this.at >= this.text.length;
  }
  skipSpace(): void {
    while (/\s/.test(this.peek())) this.at++;
  }
}

function parsePattern(text: string): Node[] {
  return readNodes(new Cursor(text), false);
}

/** Text and placeables up to the end, a closing brace, or (in a variant) the next variant key. */
function readNodes(cursor: Cursor, inVariant: boolean): Node[] {
  const nodes: Node[] = [];
  let text = '';
  const flush = (): void => {
    if (text) nodes.push({ kind: 'text', text });
    text = '';
  };
  while (!cursor.done()) {
    const char = cursor.peek();
    if (char === '}' && inVariant) break;
    if (inVariant && char === '\n' && /^\n\s*\*?\[/.test(cursor.text.slice(cursor.at))) break;
    if (char === '{') {
      flush();
      cursor.at++;
      nodes.push({ kind: 'placeable', expression: readPlaceable(cursor) });
      continue;
    }
    text += char;
    cursor.at++;
  }
  flush();
  return nodes;
}

/** Reads after "{" up to and including the matching "}". */
function readPlaceable(cursor: Cursor): Expression {
  cursor.skipSpace();
  let expression: Expression;
  if (cursor.peek() === '{') {
    cursor.at++;
    expression = readPlaceable(cursor);
  } else if (cursor.peek() === '"') {
    expression = { kind: 'text', text: readStringLiteral(cursor) };
  } else {
    expression = readInlineExpression(cursor);
  }
  cursor.skipSpace();
  if (cursor.peek() === '-' && cursor.peek(1) === '>') {
    cursor.at += 2;
    expression = { kind: 'select', variants: readVariants(cursor) };
    cursor.skipSpace();
  }
  if (cursor.peek() === '}') cursor.at++;
  return expression;
}

function readStringLiteral(cursor: Cursor): string {
  cursor.at++; // opening quote
  let text = '';
  while (!cursor.done() && cursor.peek() !== '"') {
    if (cursor.peek() === '\\') {
      const escaped = /^\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{6}|.)/.exec(cursor.text.slice(cursor.at))?.[1] ?? '';
      text += escaped.length > 1 ? String.fromCodePoint(parseInt(escaped.slice(1), 16)) : escaped;
      cursor.at += 1 + escaped.length;
      continue;
    }
    text += cursor.peek();
    cursor.at++;
  }
  cursor.at++; // closing quote
  return text;
}

/** A variable, a function call, a number, or a reference to a message or term. */
function readInlineExpression(cursor: Cursor): Expression {
  const start = cursor.at;
  let parens = 0;
  while (!cursor.done()) {
    const char = cursor.peek();
    if (char === '"') {
      readStringLiteral(cursor);
      continue;
    }
    if (char === '(') parens++;
    if (char === ')') parens--;
    if (parens === 0 && (char === '}' || (char === '-' && cursor.peek(1) === '>') || /\s/.test(char))) break;
    cursor.at++;
  }
  const source = cursor.text.slice(start, cursor.at);
  const reference = /^(-?[a-zA-Z][\w-]*(?:\.[\w-]+)?)(\(|$)/.exec(source);
  if (/^-?\d/.test(source)) return { kind: 'text', text: source };
  if (source.startsWith('$') || !reference || /^[A-Z][A-Z_]*\(/.test(source)) return { kind: 'any' };
  // A term called with arguments (`-brand-name(case: "gen")`) is taken in all its forms.
  return { kind: 'reference', id: reference[1] ?? '' };
}

function readVariants(cursor: Cursor): Node[][] {
  const variants: Node[][] = [];
  for (;;) {
    cursor.skipSpace();
    if (cursor.done() || cursor.peek() === '}') return variants;
    if (cursor.peek() === '*') cursor.at++;
    if (cursor.peek() !== '[') return variants;
    while (!cursor.done() && cursor.peek() !== ']') cursor.at++;
    cursor.at++;
    const nodes = readNodes(cursor, true);
    variants.push(trimNodes(nodes));
  }
}

/** Variant text starts after the key's spaces and ends before the line break. */
function trimNodes(nodes: Node[]): Node[] {
  return nodes.map((node, index) => {
    if (node.kind !== 'text') return node;
    let text = node.text;
    if (index === 0) text = text.trimStart();
    if (index === nodes.length - 1) text = text.trimEnd();
    return { kind: 'text', text };
  });
}

/** How many readings one message may expand into (select expressions multiply). */
const MOST_READINGS = 256;

/** Resolves references and expands selects: every way each message can read. */
export class FluentBundle {
  private readonly patterns = new Map<string, readonly Node[]>();
  private readonly resolved = new Map<string, Reading[]>();

  constructor(messages: readonly FluentMessage[]) {
    for (const message of messages) if (!this.patterns.has(message.key)) this.patterns.set(message.key, message.pattern);
  }

  /** Every way one message of a file can read, references resolved across the bundle. */
  readingsOf(message: FluentMessage): Reading[] {
    return this.expand(message.pattern, new Set([message.key]));
  }

  readings(key: string, visiting: ReadonlySet<string> = new Set()): Reading[] {
    const cached = this.resolved.get(key);
    if (cached) return cached;
    const pattern = this.patterns.get(key);
    if (!pattern || visiting.has(key)) return [[ANY]];
    const result = this.expand(pattern, new Set([...visiting, key]));
    this.resolved.set(key, result);
    return result;
  }

  private expand(nodes: readonly Node[], visiting: ReadonlySet<string>): Reading[] {
    let readings: Reading[] = [[]];
    for (const node of nodes) {
      const options = node.kind === 'text' ? [[node.text]] : this.expression(node.expression, visiting);
      readings = readings.flatMap((reading) => options.map((option) => [...reading, ...option])).slice(0, MOST_READINGS);
    }
    return readings.map(joinText);
  }

  private expression(expression: Expression, visiting: ReadonlySet<string>): Reading[] {
    switch (expression.kind) {
      case 'text':
        return [[expression.text]];
      case 'any':
        return [[ANY]];
      case 'reference':
        return this.readings(expression.id, visiting);
      case 'select':
        return expression.variants.flatMap((variant) => this.expand(variant, visiting));
    }
  }
}

/** Adjacent literal parts merged, so a reading compares as few pieces as possible. */
function joinText(reading: Reading): Reading {
  const out: Part[] = [];
  for (const part of reading) {
    const last = out[out.length - 1];
    if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part;
    else if (part !== '') out.push(part);
  }
  return out;
}
