// The popup's states without a diagnosis: a failure of the extension itself, a tab Cert Doctor
// has no record of (loaded before it was installed), and pages that are not https websites.

import type { JSX } from 'preact';
import type { Translate } from '../src/shared/i18n';

export function BrokenState({ message, t }: { readonly message: string; readonly t: Translate }): JSX.Element {
  return (
    <section role="alert" class="notice notice-error">
      <p>{t('popupBroken')}</p>
      <p class="technical">{message}</p>
    </section>
  );
}

export function NoRecordState({
  tabId,
  t,
  onReload,
}: {
  readonly tabId: number | null;
  readonly t: Translate;
  readonly onReload?: (tabId: number) => void;
}): JSX.Element {
  return (
    <section class="notice" data-testid="no-record">
      <p>{t('popupNoRecord')}</p>
      {tabId !== null && onReload && (
        <button
          type="button"
          data-action="reload"
          onClick={() => {
            onReload(tabId);
          }}
        >
          {t('popupReload')}
        </button>
      )}
    </section>
  );
}

/** http: pages have no certificate to check; Firefox pages, files and extension pages are not websites. */
export function NotHttpsState({ scheme, t }: { readonly scheme: string | null; readonly t: Translate }): JSX.Element {
  const key = scheme === 'http' ? 'popupNotHttpsHttp' : scheme === 'file' ? 'popupNotHttpsFile' : 'popupNotHttpsInternal';
  return (
    <section class="notice" data-testid="not-https" data-scheme={scheme ?? ''}>
      <p>{t(key)}</p>
    </section>
  );
}
