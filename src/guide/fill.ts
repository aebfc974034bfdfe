// Turns a catalogue string into text pieces for rendering: {placeholders} replaced by values
// (which may come from a certificate or a URL: they stay plain text), and `backticked` parts
// marked as code. Nothing here produces HTML.

export interface TextPiece {
  readonly text: string;
  readonly code: boolean;
}

export type Values = Readonly<Record<string, string>>;

export function fillPlaceholders(template: string, values: Values): string {
  return template.replace(/\{([a-z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The placeholders a template uses, for the tests that keep languages in step. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{([a-z]+)\}/g)].map((m) => m[1] ?? '').sort();
}

export function toPieces(template: string, values: Values): TextPiece[] {
  // Split before filling: a value containing a backtick must not open a code span.
  return template
    .split('`')
    .map((part, index) => ({ text: fillPlaceholders(part, values), code: index % 2 === 1 }))
    .filter((piece) => piece.text !== '');
}
