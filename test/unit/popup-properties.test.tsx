/** @jest-environment jsdom */
// Property test (fast-check) of the popup over arbitrary snapshots, certificates and URLs: it
// renders every state without throwing, all its sections open, and shows no control, format
// or separator character from a stranger (the one sanitizer, src/shared/visible-text.ts), and
// no element a stranger's text could have made. Fewer runs than the pure properties: each
// renders the whole popup in jsdom.

import { cleanup, render } from '@testing-library/preact';
import fc from 'fast-check';
import { DiagnosisView } from '../../popup/DiagnosisView';
import { diagnose } from '../../src/diagnosis/diagnose';
import { Catalogue } from '../../src/guide/catalogue';
import { CATALOGUES } from '../../src/guide/catalogue-data';
import { hasInvisible } from '../../src/shared/visible-text';
import { decodedFacts } from '../../src/views/build-view';
import { translatorForLocale } from './fakes/messages';
import { memory, snapshot } from './support/arbitraries';
import { environment, history, NOW } from './support/snapshots';

const en = translatorForLocale('en');
const guide = new Catalogue('en', CATALOGUES.en);

/** The elements the popup renders itself; a stranger's `<img>` or `<script>` must stay text. */
const OWN_ELEMENTS = new Set([
  'DIV',
  'SECTION',
  'MAIN',
  'HEADER',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'P',
  'SPAN',
  'STRONG',
  'EM',
  'CODE',
  'UL',
  'OL',
  'LI',
  'DL',
  'DT',
  'DD',
  'DETAILS',
  'SUMMARY',
  'BUTTON',
  'PRE',
  'A',
  'BR',
  'SVG',
  'PATH',
  'SMALL',
  'B',
  'KBD',
  'ABBR',
]);

describe('the popup', () => {
  test('renders any snapshot without throwing; no invisible character and no element from a stranger', () => {
    fc.assert(
      fc.property(
        snapshot.chain((s) => fc.tuple(fc.constant(s), fc.option(memory(s.url)))),
        ([s, lastGood]) => {
          const diagnosis = diagnose(s, environment(), history({ lastGood, remembered: lastGood ? [lastGood] : [] }));
          const { container } = render(
            <DiagnosisView
              catalogue={guide}
              state={{
                kind: 'snapshot',
                snapshot: s,
                clock: null,
                badgeText: '',
                environment: null,
                lastGood,
                diagnosis,
                ...decodedFacts(s),
                now: NOW,
              }}
              t={en}
            />,
          );
          for (const details of container.querySelectorAll('details')) details.open = true;
          // Line breaks and tabs are layout (white-space collapses them), not hidden text.
          expect(hasInvisible(container.textContent.replace(/[\n\t]/g, ''))).toBe(false);
          for (const element of container.querySelectorAll('*')) expect(OWN_ELEMENTS.has(element.tagName.toUpperCase())).toBe(true);
          cleanup();
        },
      ),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 100) },
    );
  });
});
