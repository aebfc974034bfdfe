// The Fluent reader behind the Firefox strings oracle (test/firefox/fluent.ts), on small .ftl
// texts written here from Fluent's syntax: values, attributes, multi-line values, terms,
// message references, variables and select expressions.

import { ANY, FluentBundle, parseFluent, type Reading } from '../firefox/fluent';

function readingsOf(ftl: string): Map<string, Reading[]> {
  const messages = parseFluent(ftl, 'test.ftl');
  const bundle = new FluentBundle(messages);
  return new Map(messages.map((message) => [message.key, bundle.readingsOf(message)]));
}

describe('reading Fluent', () => {
  test('values, attributes and their accesskeys are separate texts', () => {
    const read = readingsOf(['certmgr-tab-servers =', '    .label = Servers', '    .accesskey = S', 'plain = Just text', ''].join('\n'));
    expect(read.get('certmgr-tab-servers.label')).toEqual([['Servers']]);
    expect(read.get('certmgr-tab-servers.accesskey')).toEqual([['S']]);
    expect(read.get('plain')).toEqual([['Just text']]);
  });

  test('terms and message references are resolved, also from an attribute', () => {
    const read = readingsOf(
      ['-brand-short-name = Firefox', 'about = About { -brand-short-name }', 'pane =', '    .title = { about }', ''].join('\n'),
    );
    expect(read.get('about')).toEqual([['About Firefox']]);
    expect(read.get('pane.title')).toEqual([['About Firefox']]);
  });

  test('variables and functions are open stretches; string literals are text', () => {
    const read = readingsOf(['proceed = Proceed to { $hostname } (Risky)', 'size = { NUMBER($n) } items{ "\\u00A0" }here', ''].join('\n'));
    expect(read.get('proceed')).toEqual([['Proceed to ', ANY, ' (Risky)']]);
    expect(read.get('size')).toEqual([[ANY, ' items\u00a0here']]);
  });

  test('a select expression gives one text per variant', () => {
    const ftl = [
      'exit =',
      '    .label =',
      '        { PLATFORM() ->',
      '            [linux] Quit',
      '           *[other] Exit',
      '        }',
      '',
    ].join('\n');
    expect(readingsOf(ftl).get('exit.label')).toEqual([['Quit'], ['Exit']]);
  });

  test('multi-line values keep their lines; comments and blank lines end nothing early', () => {
    const ftl = ['# A comment', 'long =', '    First line', '    second line', '', 'next = Next', ''].join('\n');
    const read = readingsOf(ftl);
    expect(read.get('long')).toEqual([['First line\nsecond line']]);
    expect(read.get('next')).toEqual([['Next']]);
  });
});
