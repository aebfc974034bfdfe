// The certificate, when Cert Doctor has it: from this load, after an exception, or (for a
// failed load) what the site sends as the companion received it (ServedChain.tsx: the button
// that asks for it first) and the summary of the last good one it remembers. Names, issuer, validity with the
// time left, whether the root is built into Firefox, fingerprints, the names it covers, and a
// button that copies the chain as PEM. Certificate fields are strangers' text: shown as text.

import type { JSX } from 'preact';
import { dnAttribute } from '../src/diagnosis/dn-attribute';
import type { Translate } from '../src/shared/i18n';
import { chainFromElsewhere } from '../src/shared/chain-sender';
import type { CapturedCertificate } from '../src/shared/tab-snapshot';
import { visibleLine } from '../src/shared/visible-text';
import { formatDate, formatRelative } from './format';
import type { ParsedFacts, SnapshotView } from './popup-state';
import { servedChainHelps } from '../src/shared/served-outcome';
import { ServedChain, type ServedRequestState } from './ServedChain';

interface Props {
  readonly view: SnapshotView;
  readonly t: Translate;
  readonly locale: string;
  readonly onCopy?: (text: string) => void;
  /** The popup's own part of the companion request (running, or the permission refused). */
  readonly servedRequest?: ServedRequestState;
  /** Asks the companion for the chain the site sends (absent for a past incident). */
  readonly onGetServedChain?: () => void;
}

export function CertificateDetails({ view, t, locale, onCopy, servedRequest = 'idle', onGetServedChain }: Props): JSX.Element | null {
  const chain = view.snapshot.security?.certificates ?? [];
  const now = view.now;
  // The companion's part: for a certificate or TLS failure of the tab's current load (also after
  // a redirect, whose chain is the redirecting server's, not the failing one's).
  const companion =
    view.snapshot.status === 'failed' &&
    (view.served !== undefined ||
      (onGetServedChain !== undefined && servedChainHelps('failed', view.code?.family ?? null, view.snapshot.url)));
  const served = companion && (
    <ServedChain
      served={view.served}
      request={servedRequest}
      now={now}
      t={t}
      locale={locale}
      {...(onGetServedChain ? { onGetServedChain } : {})}
      {...(onCopy ? { onCopy } : {})}
    />
  );
  if (chain.length === 0) {
    const lastGood = view.lastGood;
    if (view.snapshot.status !== 'failed') return null;
    if (!lastGood && !companion) return null;
    return (
      <details class="certificate" data-testid="certificate-details">
        <summary>{t(companion ? 'certHeading' : 'certLastGoodHeading')}</summary>
        {served}
        {lastGood && companion && <h3>{t('certLastGoodHeading')}</h3>}
        {lastGood && (
          <>
            <p data-testid="last-good">{t('certLastGoodSeen', [formatDate(lastGood.lastSeen, locale), nameOf(lastGood.issuer)])}</p>
            <p>
              {t('certRoot')} <span class="technical">{visibleLine(lastGood.root)}</span> (
              {t(lastGood.rootBuiltIn ? 'factsRootBuiltIn' : 'factsRootAdded')})
            </p>
            <p>{t('certExpires', [formatDate(lastGood.notAfter, locale), formatRelative(lastGood.notAfter - now, locale)])}</p>
          </>
        )}
      </details>
    );
  }
  // Parsed in the background (src/views/certificate-facts.ts): the popup carries no parser.
  const { parsed, pem } = view.certificates;
  const leafNames = parsed[0]?.names ?? [];
  const moreNames = (parsed[0]?.nameCount ?? leafNames.length) - leafNames.length;
  // After a redirect whose last hop failed, the chain is the redirecting server's: say whose.
  const sender = chainFromElsewhere(view.snapshot);
  return (
    <details class="certificate" data-testid="certificate-details" data-chain-sender={sender ?? ''}>
      <summary>{t('certHeading')}</summary>
      {served}
      {sender !== null && <p data-testid="chain-sender">{t('certSentBy', sender)}</p>}
      <ol class="chain">
        {chain.map((certificate, index) => (
          <ChainEntry
            key={certificate.sha256 || String(index)}
            certificate={certificate}
            parsed={parsed[index] ?? null}
            role={index === 0 ? 'certRoleSite' : index === chain.length - 1 ? 'certRoleRoot' : 'certRoleIntermediate'}
            isRoot={index === chain.length - 1 && chain.length > 1}
            now={now}
            t={t}
            locale={locale}
          />
        ))}
      </ol>
      {leafNames.length > 0 && (
        <p>
          {t('factsNames')}{' '}
          <span class="technical" dir="ltr">
            {visibleLine(leafNames.join(', '))}
          </span>
          {moreNames > 0 && ` ${t('factsAndMore', moreNames.toLocaleString(locale))}`}
        </p>
      )}
      {onCopy && pem && (
        <button
          type="button"
          data-action="copy-pem"
          onClick={() => {
            onCopy(pem);
          }}
        >
          {t('certCopyPem')}
        </button>
      )}
    </details>
  );
}

interface EntryProps {
  readonly certificate: CapturedCertificate;
  readonly parsed: ParsedFacts | null;
  readonly role: string;
  readonly isRoot: boolean;
  readonly now: number;
  readonly t: Translate;
  readonly locale: string;
}

function ChainEntry({ certificate: c, parsed, role, isRoot, now, t, locale }: EntryProps): JSX.Element {
  const expired = c.notAfter < now;
  return (
    <li>
      <p class="chain-name">
        <span class="chain-role">{t(role)}:</span> <span class="technical">{nameOf(c.subject)}</span>
      </p>
      <p class="technical subject">{visibleLine(c.subject)}</p>
      <p>
        {t('factsIssuedBy')} <span class="technical">{visibleLine(c.issuer)}</span>
      </p>
      <p class={expired || c.notBefore > now ? 'validity validity-bad' : 'validity'}>
        {t('certValidity', [formatDate(c.notBefore, locale), formatDate(c.notAfter, locale)])} (
        {t(
          expired ? 'certExpiredAgo' : c.notBefore > now ? 'certStartsIn' : 'certExpiresIn',
          formatRelative((expired ? c.notAfter : c.notBefore > now ? c.notBefore : c.notAfter) - now, locale),
        )}
        )
      </p>
      {isRoot && <p>{t(c.isBuiltInRoot ? 'factsRootBuiltIn' : 'factsRootAdded')}</p>}
      {parsed?.key && (
        <p>
          {t('factsKey')} <span class="technical">{parsed.key}</span>
        </p>
      )}
      <p class="technical fingerprint">SHA-256 {visibleLine(c.sha256)}</p>
    </li>
  );
}

/** The name a person knows a certificate by (strangers' text: invisible characters shown). */
function nameOf(dn: string): string {
  return visibleLine(dnAttribute(dn, 'CN') ?? dnAttribute(dn, 'O') ?? dn);
}
