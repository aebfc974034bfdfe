// What Firefox let Cert Doctor learn about this load, shown as facts: the connection, the
// certificate chain and its names, failed parts of the page, the clock, the environment.
// Every value from a certificate or a server is rendered as text.

import { MINUTE_MS } from '../src/core/time-units';
import type { JSX } from 'preact';
import type { Translate } from '../src/shared/i18n';
import { translateCount } from '../src/shared/plural';
import type { CapturedSecurity } from '../src/shared/tab-snapshot';
import { visibleLine } from '../src/shared/visible-text';
import { formatDuration } from './format';
import type { SnapshotView } from './popup-state';

interface Props {
  readonly view: SnapshotView;
  readonly t: Translate;
  readonly locale: string;
  /** Opens a URL in a new tab (a failing image's address, to see its exact code). */
  readonly onOpen?: (url: string) => void;
}

/** browser.captivePortal.getState() in words. */
const CAPTIVE_PORTAL_WORDS: Readonly<Record<string, string>> = {
  unknown: 'captivePortalUnknown',
  not_captive: 'captivePortalNone',
  unlocked_portal: 'captivePortalUnlocked',
  locked_portal: 'captivePortalLocked',
};

export function CapturedFacts({ view, t, locale, onOpen }: Props): JSX.Element {
  const { snapshot, clock, environment, lastGood } = view;
  const security = snapshot.security;
  const chain = security?.certificates ?? [];
  const root = chain[chain.length - 1];
  // Parsed in the background (src/views/certificate-facts.ts).
  const leaf = view.certificates.parsed[0] ?? null;
  const names = leaf?.names ?? [];
  const skewMs = clock ? Math.round(clock.skewMs) : null;
  return (
    <section
      class="facts"
      data-testid="captured-facts"
      data-protocol={security?.protocolVersion ?? ''}
      data-hsts={security ? String(security.hsts) : ''}
      data-override={security?.overridableErrorCategory ?? ''}
      data-chain-length={String(chain.length)}
      data-root-built-in={root ? String(root.isBuiltInRoot) : ''}
      data-sans={names.join(',')}
      data-subresource-failures={String(snapshot.subresourceFailureCount ?? 0)}
      data-frame-failures={String(snapshot.frameFailureCount ?? snapshot.frameFailures?.length ?? 0)}
      data-clock-skew-ms={skewMs === null ? '' : String(skewMs)}
      data-clock-hosts={clock ? String(clock.hosts) : '0'}
      data-badge={view.badgeText}
      data-incognito={snapshot.context ? String(snapshot.context.incognito) : ''}
      data-container={snapshot.context?.cookieStoreId ?? ''}
      data-key={leaf?.key ?? ''}
      data-last-good-issuer={lastGood?.issuer ?? ''}
    >
      <h3>{t('factsHeading')}</h3>
      {security && <Connection security={security} t={t} />}
      {(snapshot.subresourceFailures?.length ?? 0) > 0 && (
        <div>
          <h3>
            {translateCount(t, locale, 'factsBrokenParts', snapshot.subresourceFailureCount ?? 0, [
              String(snapshot.subresourceFailureCount ?? 0),
            ])}
          </h3>
          <ul>
            {snapshot.subresourceFailures?.map((f) => (
              <li key={`${f.host}|${f.type}`}>
                <span class="technical">{visibleLine(f.host)}</span> ({visibleLine(f.type)}, ×{f.count}):{' '}
                <span class="technical">{visibleLine(f.error)}</span>{' '}
                {onOpen && (
                  <button
                    type="button"
                    onClick={() => {
                      onOpen(f.exampleUrl);
                    }}
                  >
                    {t('factsOpenInTab')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <AndMore
            listed={(snapshot.subresourceFailures ?? []).reduce((sum, f) => sum + f.count, 0)}
            total={snapshot.subresourceFailureCount ?? 0}
            t={t}
            locale={locale}
          />
        </div>
      )}
      {(snapshot.frameFailures?.length ?? 0) > 0 && (
        <div>
          <h3>{t('factsBrokenFrames')}</h3>
          <ul>
            {snapshot.frameFailures?.map((f, index) => (
              <li key={`${String(index)}|${f.url}`}>
                <span class="technical">{visibleLine(f.url)}</span>: <span class="technical">{view.frameCodes[index] ?? '?'}</span>
              </li>
            ))}
          </ul>
          <AndMore listed={snapshot.frameFailures?.length ?? 0} total={snapshot.frameFailureCount ?? 0} t={t} locale={locale} />
        </div>
      )}
      <dl>
        <dt>{t('factsClock')}</dt>
        <dd>
          {!clock
            ? t('factsClockUnknown')
            : Math.abs(clock.skewMs) < MINUTE_MS
              ? translateCount(t, locale, 'factsClockRight', clock.hosts, [String(clock.hosts)])
              : translateCount(t, locale, clock.skewMs > 0 ? 'factsClockAhead' : 'factsClockBehind', clock.hosts, [
                  formatDuration(clock.skewMs, locale),
                  String(clock.hosts),
                ])}
        </dd>
        {snapshot.context?.incognito && (
          <>
            <dt>{t('factsWindow')}</dt>
            <dd>{t('factsPrivateWindow')}</dd>
          </>
        )}
        {environment && (
          <>
            <dt>{t('factsSystem')}</dt>
            <dd>
              Firefox {environment.firefoxVersion}, {environment.os}
            </dd>
            <dt>{t('factsCaptivePortal')}</dt>
            <dd data-captive-portal={environment.captivePortal}>
              {t(CAPTIVE_PORTAL_WORDS[environment.captivePortal] ?? 'captivePortalUnknown')}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** Failures counted but not listed (the lists keep the first few): "and 9,990 more". */
function AndMore({ listed, total, t, locale }: { listed: number; total: number; t: Translate; locale: string }): JSX.Element | null {
  const more = total - listed;
  return more > 0 ? (
    <p data-testid="and-more" data-more={String(more)}>
      {t('factsAndMore', more.toLocaleString(locale))}
    </p>
  ) : null;
}

function Connection({ security, t }: { security: CapturedSecurity; t: Translate }): JSX.Element {
  return (
    <dl>
      <dt>{t('factsProtocol')}</dt>
      <dd class="technical">
        {visibleLine([security.protocolVersion, security.cipherSuite, security.keaGroupName].filter(Boolean).join(', ')) || '-'}
      </dd>
      <dt>{t('factsHsts')}</dt>
      <dd>{t(security.hsts ? 'yes' : 'no')}</dd>
      {security.overridableErrorCategory && (
        <>
          <dt>{t('factsException')}</dt>
          <dd class="technical">{security.overridableErrorCategory}</dd>
        </>
      )}
    </dl>
  );
}
