// A catalogue string on screen: placeholders filled with plain-text values, `code` parts in
// <code>. Values may come from certificates and URLs; Preact renders them as text nodes.
// With onCopy, each code part gets a small button that copies it (a setting name, a command).

import type { JSX } from 'preact';
import { toPieces, type Values } from '../src/guide/fill';

interface Props {
  readonly template: string;
  readonly values: Values;
  readonly onCopy?: (text: string) => void;
  readonly copyLabel?: string;
}

export function RichText({ template, values, onCopy, copyLabel = 'Copy' }: Props): JSX.Element {
  return (
    <>
      {toPieces(template, values).map((piece, index) =>
        piece.code ? (
          <span key={index} class="code-piece">
            <code dir="ltr">{piece.text}</code>
            {onCopy && (
              <button
                type="button"
                class="copy-button"
                data-action="copy-code"
                aria-label={`${copyLabel}: ${piece.text}`}
                onClick={() => {
                  onCopy(piece.text);
                }}
              >
                {copyLabel}
              </button>
            )}
          </span>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </>
  );
}
