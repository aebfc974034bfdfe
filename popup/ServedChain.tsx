// The chain the site sends, as the companion received it, inside the certificate section of a
// failed load: before the person asks, the button and one line on what the companion adds;
// then either the chain (subject, issuer, dates, names of each certificate, the issuer the site
// leaves out, the PEM to copy) or one short line on why there is none. Strangers' text, as text.

import type { JSX } from 'preact';
import { dnAttribute } from '../src/diagnosis/dn-attribute';
import type { Translate } from '../src/shared/i18n';
import { visibleLine } from '../src/shared/visible-text';
import type { ServedCertificateFacts, ServedView } from '../src/views/served-facts';
import { formatDate, formatRelative } from './format';

/** What the popup itself knows of the request: running, or the permission refused. */
export type ServedRequestState = 'idle' | 'asking' | 'denied';

interface Props {
  readonly served: ServedView | undefined;
  readonly request: ServedRequestState;
  readonly now: number;
  readonly t: Translate;
  readonly locale: string;
  readonly onGetServedChain?: () => void;
  readonly onCopy?: (text: string) => void;
}

export function ServedChain({ served, request, now, t, locale, onGetServedChain, onCopy }: Props): JSX.Element {
  const chain = served?.kind === 'chain' ? served : null;
  return (
    <section class="served-chain" data-testid="served-chain" data-served={served?.kind ?? (request === 'idle' ? 'offer' : request)}>
      {chain ? (
        <ChainShown chain={chain} now={now} t={t} locale={locale} {...(onCopy ? { onCopy } : {})} />
      ) : (
        <>
          {served && served.kind !== 'chain' && (
            <p class="notice" data-testid="served-status">
              {statusLine(served, t)}
            </p>
          )}
          {request === 'denied' && (
            <p class="notice" data-testid="served-status">
              {t('servedDenied')}
            </p>
          )}
          {onGetServedChain && (
            <button type="button" data-action="get-served-chain" disabled={request === 'asking'} onClick={onGetServedChain}>
              {request === 'asking' ? t('servedAsking') : t('servedButton')}
            </button>
          )}
          {!served && <p class="hint">{t('servedOffer')}</p>}
        </>
      )}
    </section>
  );
}

function statusLine(served: Exclude<ServedView, { kind: 'chain' }>, t: Translate): string {
  switch (served.kind) {
    case 'not-installed':
      return t('servedNotInstalled');
    case 'timeout':
      return t('servedTimeout');
    case 'bad-reply':
      return t('servedBadReply');
    case 'failed':
      return t('servedFailed', visibleLine(served.detail));
  }
}

interface ChainProps {
  readonly chain: Extract<ServedView, { kind: 'chain' }>;
  readonly now: number;
  readonly t: Translate;
  readonly locale: string;
  readonly onCopy?: (text: string) => void;
}

function ChainShown({ chain, now, t, locale, onCopy }: ChainProps): JSX.Element {
  const where = `${chain.host.includes(':') ? `[${chain.host}]` : chain.host}:${chain.port}`;
  return (
    <>
      <h3 class="served-heading">{t('servedHeading', [visibleLine(where), formatDate(chain.at, locale)])}</h3>
      <p class="hint">{t('servedNote')}</p>
      {chain.failure && (
        <p class="notice" data-testid="served-status">
          {t('servedConnectionFailed', [visibleLine(where), visibleLine(chain.failure.detail)])}
        </p>
      )}
      {!chain.failure && chain.certificates.length === 0 && (
        <p class="notice" data-testid="served-status">
          {t('servedNoCertificates')}
        </p>
      )}
      {chain.certificates.length > 0 && (
        <ol class="chain" data-testid="served-certificates">
          {chain.certificates.map((certificate, index) => (
            <ServedEntry key={String(index)} certificate={certificate} leaf={index === 0} now={now} t={t} locale={locale} />
          ))}
        </ol>
      )}
      {chain.missingIssuer !== null && (
        <p class="validity-bad" data-testid="served-missing-issuer">
          {t('servedMissingIssuer', visibleLine(chain.missingIssuer))}
        </p>
      )}
      {onCopy && chain.pem && (
        <button
          type="button"
          data-action="copy-served-pem"
          onClick={() => {
            onCopy(chain.pem);
          }}
        >
          {t('certCopyPem')}
        </button>
      )}
    </>
  );
}

interface EntryProps {
  readonly certificate: ServedCertificateFacts;
  readonly leaf: boolean;
  readonly now: number;
  readonly t: Translate;
  readonly locale: string;
}

function ServedEntry({ certificate: c, leaf, now, t, locale }: EntryProps): JSX.Element {
  const expired = c.notAfter < now;
  const early = c.notBefore > now;
  const more = (c.nameCount ?? c.names.length) - c.names.length;
  return (
    <li data-testid="served-certificate" data-not-before={String(c.notBefore)} data-not-after={String(c.notAfter)}>
      <p class="chain-name">
        <span class="chain-role">{t(leaf ? 'certRoleSite' : c.selfIssued ? 'certRoleRoot' : 'certRoleIntermediate')}:</span>{' '}
        <span class="technical">{nameOf(c.subject)}</span>
      </p>
      <p class="technical subject">{visibleLine(c.subject)}</p>
      <p>
        {t('factsIssuedBy')} <span class="technical">{visibleLine(c.issuer)}</span>
      </p>
      <p class={expired || early ? 'validity validity-bad' : 'validity'} data-testid="served-validity">
        {t('certValidity', [formatDate(c.notBefore, locale), formatDate(c.notAfter, locale)])} (
        {t(
          expired ? 'certExpiredAgo' : early ? 'certStartsIn' : 'certExpiresIn',
          formatRelative((expired ? c.notAfter : early ? c.notBefore : c.notAfter) - now, locale),
        )}
        )
      </p>
      {leaf && c.names.length > 0 && (
        <p data-testid="served-names">
          {t('factsNames')}{' '}
          <span class="technical" dir="ltr">
            {visibleLine(c.names.join(', '))}
          </span>
          {more > 0 && ` ${t('factsAndMore', more.toLocaleString(locale))}`}
        </p>
      )}
      {c.key && (
        <p>
          {t('factsKey')} <span class="technical">{c.key}</span>
        </p>
      )}
    </li>
  );
}

/** The name a person knows a certificate by (strangers' text: invisible characters shown). */
function nameOf(dn: string): string {
  return visibleLine(dnAttribute(dn, 'CN') ?? dnAttribute(dn, 'O') ?? dn);
}
