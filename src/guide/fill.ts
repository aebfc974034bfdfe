// Turns a catalogue string into text pieces for rendering: {placeholders} replaced by values
// (which may come from a certificate or a URL: they stay plain text), and `backticked` parts
// marked as code. Nothing here produces HTML.
//
// A string never shows a placeholder it cannot fill. The data says what a sentence depends on:
//   {name}                      a value (host, port, alternative, ...); a string whose own text
//                               needs a missing value cannot be said at all (null)
//   {if:name}…{/if}             said only when the value or fact `name` is present
//   {if:name}…{else}…{/if}      one of two wordings, chosen by whether `name` is present
//   {if:!name}…{/if}            said only when `name` is absent
// A conditional part that needs a missing value of its own is left out, not shown half-filled.
// Facts (booleans such as `certificates`: "the report lists the certificates") let a sentence
// promise something only when the report or the popup really shows it.
// A value inside a `code` part (a command, a configuration line) must be a valid host name, IP
// address or port (command-host.ts): a string that would put anything else into a command
// cannot be said, so a hostile host never reaches a line the owner might paste into a shell.

import { isCommandValue } from '../shared/command-host';

export interface TextPiece {
  readonly text: string;
  readonly code: boolean;
}

/** Text values by name; `true` marks a fact that holds; absent, '' and false mean "not known". */
export type Values = Readonly<Record<string, string | boolean | undefined>>;

type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'value'; readonly name: string }
  | { readonly kind: 'if'; readonly name: string; readonly negated: boolean; readonly then: Node[]; readonly otherwise: Node[] }
  | { readonly kind: 'broken' };

/** A part of the filled string: template text (where backticks mark code) or a value (never code syntax). */
interface Part {
  readonly text: string;
  readonly isValue: boolean;
}

const TOKEN = /\{(if:!?[a-zA-Z]+|else|\/if|[a-zA-Z]+)\}/g;

function parse(template: string): Node[] {
  const root: Node[] = [];
  // Open conditionals, innermost last; `target` is where text goes now.
  const open: { name: string; negated: boolean; then: Node[]; otherwise: Node[]; inElse: boolean }[] = [];
  const target = (): Node[] => {
    const top = open[open.length - 1];
    return top ? (top.inElse ? top.otherwise : top.then) : root;
  };
  let last = 0;
  for (const match of template.matchAll(TOKEN)) {
    const index = match.index;
    if (index > last) target().push({ kind: 'text', text: template.slice(last, index) });
    last = index + match[0].length;
    const token = match[1] ?? '';
    if (token.startsWith('if:')) {
      const negated = token[3] === '!';
      open.push({ name: token.slice(negated ? 4 : 3), negated, then: [], otherwise: [], inElse: false });
    } else if (token === 'else') {
      const top = open[open.length - 1];
      if (!top || top.inElse) target().push({ kind: 'broken' });
      else top.inElse = true;
    } else if (token === '/if') {
      const top = open.pop();
      if (!top) root.push({ kind: 'broken' });
      else target().push({ kind: 'if', name: top.name, negated: top.negated, then: top.then, otherwise: top.otherwise });
    } else {
      target().push({ kind: 'value', name: token });
    }
  }
  if (last < template.length) target().push({ kind: 'text', text: template.slice(last) });
  // An unclosed conditional is a mistake in the data: the string cannot be said.
  if (open.length > 0) root.push({ kind: 'broken' });
  return root;
}

function present(value: string | boolean | undefined): boolean {
  return value !== undefined && value !== '' && value !== false;
}

/** The parts of the filled string, or null when it needs a value that is missing. */
function render(nodes: readonly Node[], values: Values): Part[] | null {
  const parts: Part[] = [];
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        parts.push({ text: node.text, isValue: false });
        break;
      case 'value': {
        const value = values[node.name];
        if (typeof value !== 'string' || value === '') return null;
        parts.push({ text: value, isValue: true });
        break;
      }
      case 'if': {
        const holds = present(values[node.name]) !== node.negated;
        // A conditional part that cannot be filled is left out.
        parts.push(...(render(holds ? node.then : node.otherwise, values) ?? []));
        break;
      }
      case 'broken':
        return null;
    }
  }
  return parts;
}

/** The parts, or null when a value that is not command-safe would stand inside a `code` part. */
function commandSafe(parts: Part[] | null): Part[] | null {
  if (parts === null) return null;
  let code = false;
  for (const part of parts) {
    if (part.isValue) {
      if (code && !isCommandValue(part.text)) return null;
    } else {
      // Backticks in the template's own text open and close code (as toPieces reads them).
      code = (part.text.split('`').length - 1) % 2 === 1 ? !code : code;
    }
  }
  return parts;
}

/** The filled string, or null when it cannot be said with these values (a step is then left out). */
export function fillTemplate(template: string, values: Values): string | null {
  const parts = commandSafe(render(parse(template), values));
  if (parts === null) return null;
  // A left-out part can leave two spaces behind; inside `code` spacing is the command's own.
  return parts
    .map((p) => p.text)
    .join('')
    .split('`')
    .map((chunk, index) => (index % 2 === 0 ? chunk.replace(/ {2,}/g, ' ') : chunk))
    .join('`')
    .trim();
}

/**
 * For a string that must say something (a title, a summary): the filled string, or '' when the
 * data needs a value that is missing (a test keeps that from happening for every known string).
 */
export function fillPlaceholders(template: string, values: Values): string {
  return fillTemplate(template, values) ?? '';
}

/** A list of steps: each filled, those that cannot be said left out. */
export function fillEach(templates: readonly string[], values: Values): string[] {
  return templates.map((t) => fillTemplate(t, values)).filter((s): s is string => s !== null && s !== '');
}

/** The value names a template uses, wherever they are ({name} only). */
export function valueNamesOf(template: string): string[] {
  return [...template.matchAll(TOKEN)]
    .map((m) => m[1] ?? '')
    .filter((t) => /^[a-zA-Z]+$/.test(t) && t !== 'else')
    .sort();
}

/** The conditions a template uses ("if:name", "if:!name"). */
export function conditionsOf(template: string): string[] {
  return [...template.matchAll(TOKEN)]
    .map((m) => m[1] ?? '')
    .filter((t) => t.startsWith('if:'))
    .sort();
}

/**
 * The placeholders and conditions a template uses, each once, for the tests that keep languages
 * in step (a language may need a value or a condition twice for its grammar).
 */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...valueNamesOf(template), ...conditionsOf(template)])].sort();
}

export function toPieces(template: string, values: Values): TextPiece[] {
  const parts = commandSafe(render(parse(template), values));
  if (parts === null) return [];
  // Backticks in the template's own text open and close code; a value containing a backtick
  // is only text and must not open a code span.
  const pieces: { text: string; code: boolean }[] = [];
  let code = false;
  const add = (text: string): void => {
    const lastPiece = pieces[pieces.length - 1];
    if (lastPiece && lastPiece.code === code) lastPiece.text += text;
    else pieces.push({ text, code });
  };
  for (const part of parts) {
    if (part.isValue) {
      add(part.text);
      continue;
    }
    part.text.split('`').forEach((chunk, index) => {
      if (index > 0) code = !code;
      add(chunk);
    });
  }
  return pieces
    .map((p, i) => ({ text: collapse(p.text, i === 0, i === pieces.length - 1, p.code), code: p.code }))
    .filter((p) => p.text !== '');
}

/** A left-out part leaves double spaces or a leading space behind; code keeps its spacing. */
function collapse(text: string, first: boolean, last: boolean, code: boolean): string {
  if (code) return text;
  let out = text.replace(/ {2,}/g, ' ');
  if (first) out = out.trimStart();
  if (last) out = out.trimEnd();
  return out;
}
