/** @jest-environment jsdom */
// The popup's part on the chain the site sends (popup/ServedChain.tsx inside CertificateDetails):
// the button and one line on what the companion adds, each state's line, the chain as text
// (strangers' names with their invisible characters shown), and no button for a past incident.

import { fireEvent, render, screen } from '@testing-library/preact';
import { CertificateDetails } from '../../popup/CertificateDetails';
import { diagnose } from '../../src/diagnosis/diagnose';
import type { SnapshotView } from '../../src/views/snapshot-view';
import type { ServedView } from '../../src/views/served-facts';
import { decodedFacts } from '../../src/views/build-view';
import { loadMessages, translatorForLocale } from './fakes/messages';
import type { CapturedCertificate } from '../../src/shared/tab-snapshot';
import { environment, failed, history, NOW, security } from './support/snapshots';

function captured(subject: string): CapturedCertificate {
  return {
    subject,
    issuer: subject,
    notBefore: NOW - 86_400_000,
    notAfter: NOW + 86_400_000,
    sha256: 'AA',
    sha1: 'BB',
    serialNumber: '01',
    isBuiltInRoot: false,
    spkiSha256: 'CC',
    derBase64: '',
  };
}

const t = translatorForLocale('en');
const words = loadMessages('en');
const message = (key: string): string => words[key]?.message ?? `?${key}`;

function viewOf(code: string, served?: ServedView): SnapshotView {
  const snapshot = failed('https://shop.example/', code);
  return {
    kind: 'snapshot',
    snapshot,
    clock: null,
    badgeText: '',
    environment: null,
    lastGood: null,
    diagnosis: diagnose(snapshot, environment(), history()),
    ...decodedFacts(snapshot),
    now: NOW,
    ...(served ? { served } : {}),
  };
}

const PEM = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';

const CHAIN: ServedView = {
  kind: 'chain',
  host: 'shop.example',
  port: 443,
  at: NOW - 1000,
  protocol: 'TLSv1.3',
  certificates: [
    {
      subject: 'O=Shop,CN=shop.example\u202e',
      issuer: 'O=Shop CA,CN=Shop Intermediate',
      notBefore: NOW - 120 * 86_400_000,
      notAfter: NOW - 30 * 86_400_000,
      names: ['shop.example', 'www.shop\u200b.example'],
      key: 'EC 256 P-256, ECDSA / SHA-256',
      selfIssued: false,
    },
  ],
  sent: 1,
  pem: PEM,
  missingIssuer: 'O=Shop CA,CN=Shop Intermediate',
  failure: null,
};

describe('the served chain in the certificate section', () => {
  test('a certificate failure offers the button and says what the companion adds; the click asks', () => {
    let asked = 0;
    render(<CertificateDetails view={viewOf('SEC_ERROR_UNKNOWN_ISSUER')} t={t} locale="en" onGetServedChain={() => (asked += 1)} />);
    expect(screen.getByTestId('served-chain').getAttribute('data-served')).toBe('offer');
    expect(screen.getByTestId('served-chain').textContent).toContain(message('servedOffer'));
    fireEvent.click(screen.getByText(message('servedButton')));
    expect(asked).toBe(1);
  });

  test("after a redirect, whose chain is the redirecting server's, the failing site's chain can still be asked for", () => {
    const base = viewOf('SEC_ERROR_UNKNOWN_ISSUER');
    const redirected: SnapshotView = {
      ...base,
      snapshot: {
        ...base.snapshot,
        security: security('https://sso.example/login', [captured('CN=sso.example')], { host: 'sso.example' }),
      },
    };
    render(<CertificateDetails view={redirected} t={t} locale="en" onGetServedChain={() => undefined} />);
    expect(screen.getByTestId('certificate-details').getAttribute('data-chain-sender')).toBe('sso.example');
    expect(screen.getByTestId('served-chain').getAttribute('data-served')).toBe('offer');
  });

  test('a refused connection (no certificate to get) offers nothing', () => {
    render(<CertificateDetails view={viewOf('NS_ERROR_CONNECTION_REFUSED')} t={t} locale="en" onGetServedChain={() => undefined} />);
    expect(screen.queryByTestId('served-chain')).toBeNull();
  });

  test('a past incident (no handler) offers no button', () => {
    render(<CertificateDetails view={viewOf('SEC_ERROR_UNKNOWN_ISSUER')} t={t} locale="en" />);
    expect(screen.queryByTestId('served-chain')).toBeNull();
  });

  test.each([
    [{ kind: 'not-installed' } as const, message('servedNotInstalled')],
    [{ kind: 'timeout' } as const, message('servedTimeout')],
    [{ kind: 'bad-reply' } as const, message('servedBadReply')],
    [{ kind: 'failed', detail: 'ECONNREFUSED' } as const, message('servedFailed').replace('$1', 'ECONNREFUSED')],
  ])('%j: one line says so, and the button stays', (served, line) => {
    render(<CertificateDetails view={viewOf('SEC_ERROR_UNKNOWN_ISSUER', served)} t={t} locale="en" onGetServedChain={() => undefined} />);
    expect(screen.getByTestId('served-status').textContent).toBe(line);
    expect(screen.getByText(message('servedButton'))).toBeTruthy();
  });

  test('the permission declined: the popup says nothing was sent', () => {
    render(
      <CertificateDetails
        view={viewOf('SEC_ERROR_UNKNOWN_ISSUER')}
        t={t}
        locale="en"
        servedRequest="denied"
        onGetServedChain={() => undefined}
      />,
    );
    expect(screen.getByTestId('served-status').textContent).toBe(message('servedDenied'));
  });

  test('the chain: names, dates, the missing issuer, with invisible characters shown; copy gives the PEM', () => {
    const copied: string[] = [];
    render(
      <CertificateDetails
        view={viewOf('SEC_ERROR_UNKNOWN_ISSUER', CHAIN)}
        t={t}
        locale="en"
        onGetServedChain={() => undefined}
        onCopy={(text) => copied.push(text)}
      />,
    );
    const section = screen.getByTestId('served-chain');
    expect(section.getAttribute('data-served')).toBe('chain');
    expect(section.textContent).toContain('shop.example:443');
    expect(screen.getByTestId('served-names').textContent).toContain('shop.example, www.shop\\u{200b}.example');
    expect(section.textContent).toContain('CN=shop.example\\u{202e}');
    expect(section.textContent).not.toContain('\u202e');
    expect(screen.getByTestId('served-missing-issuer').textContent).toBe(
      message('servedMissingIssuer').replace('$1', 'O=Shop CA,CN=Shop Intermediate'),
    );
    expect(screen.getByTestId('served-certificate').getAttribute('data-not-after')).toBe(String(NOW - 30 * 86_400_000));
    // Once the chain is there, there is nothing more to ask.
    expect(screen.queryByText(message('servedButton'))).toBeNull();
    fireEvent.click(screen.getByText(message('certCopyPem')));
    expect(copied).toEqual([PEM]);
  });
});

describe('the served chain in Russian', () => {
  const ru = translatorForLocale('ru');
  const ruWords = loadMessages('ru');
  test.each([
    ['offer', undefined, 'servedOffer'],
    ['not-installed', { kind: 'not-installed' } as const, 'servedNotInstalled'],
    ['chain', CHAIN, 'servedNote'],
  ])('%s: in Russian words, none missing', (_name, served, key) => {
    render(<CertificateDetails view={viewOf('SEC_ERROR_UNKNOWN_ISSUER', served)} t={ru} locale="ru" onGetServedChain={() => undefined} />);
    const text = screen.getByTestId('served-chain').textContent;
    expect(text).toContain(ruWords[key]?.message ?? '?');
    // Every sentence of the section has its Russian words (an absent key renders as nothing).
    expect(text).not.toMatch(/\$\d/);
    expect(text).toMatch(/[а-я]/);
  });
});
