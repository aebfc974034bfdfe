// A catalogue string on screen: placeholders filled with plain-text values, `code` parts in
// <code>. Values may come from certificates and URLs; Preact renders them as text nodes.

import type { JSX } from 'preact';
import { toPieces, type Values } from '../src/guide/fill';

export function RichText({ template, values }: { readonly template: string; readonly values: Values }): JSX.Element {
  return (
    <>
      {toPieces(template, values).map((piece, index) => (piece.code ? <code key={index}>{piece.text}</code> : <span key={index}>{piece.text}</span>))}
    </>
  );
}
