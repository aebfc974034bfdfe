// The options page's view: the settings, and the certificates Cert Doctor remembers. A pure
// function of its props; options/main.tsx wires it to storage.

import type { JSX } from 'preact';
import type { Translate } from '../src/shared/i18n';
import type { Settings } from '../src/shared/settings';
import type { Incident } from '../src/storage/incident-history';
import { HistoryView } from './HistoryView';

interface Props {
  readonly settings: Settings;
  readonly rememberedCount: number | null;
  readonly t: Translate;
  readonly onChange: (settings: Settings) => void;
  readonly onClearRemembered: () => void;
  readonly incidents: readonly Incident[] | null;
  readonly locale: string;
  readonly onViewIncident: (id: string) => void;
  readonly onExportHistory: () => void;
  readonly onClearHistory: () => void;
}

export function OptionsView(props: Props): JSX.Element {
  const { settings, rememberedCount, t, onChange, onClearRemembered } = props;
  return (
    <main data-testid="options" data-ready="true">
      <h1 class="app-title">{t('extensionName')}</h1>
      <p>{t('optionsPrivacy')}</p>
      <fieldset>
        <legend>{t('optionsWhatToWatch')}</legend>
        <label>
          <input
            type="checkbox"
            data-testid="setting-watch-subresources"
            checked={settings.watchSubresources}
            onChange={(event) => {
              onChange({ ...settings, watchSubresources: event.currentTarget.checked });
            }}
          />{' '}
          {t('optionsWatchSubresources')}
        </label>
        <label>
          {t('optionsExpiryWarningDays')}{' '}
          <input
            type="number"
            min={0}
            max={365}
            data-testid="setting-expiry-days"
            value={settings.expiryWarningDays}
            onChange={(event) => {
              const days = Number(event.currentTarget.value);
              if (Number.isInteger(days) && days >= 0 && days <= 365) onChange({ ...settings, expiryWarningDays: days });
            }}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('optionsLanguageHeading')}</legend>
        <label>
          {t('optionsLanguage')}{' '}
          <select
            data-testid="setting-language"
            value={settings.language}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (value === 'auto' || value === 'en' || value === 'ru') onChange({ ...settings, language: value });
            }}
          >
            <option value="auto">{t('optionsLanguageAuto')}</option>
            {/* Each language in its own name, so a person can find theirs whatever is shown. */}
            <option value="en" lang="en">
              English
            </option>
            <option value="ru" lang="ru">
              Русский
            </option>
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('optionsRememberHeading')}</legend>
        <label>
          <input
            type="checkbox"
            data-testid="setting-remember-certificates"
            checked={settings.rememberCertificates}
            onChange={(event) => {
              onChange({ ...settings, rememberCertificates: event.currentTarget.checked });
            }}
          />{' '}
          {t('optionsRememberCertificates')}
        </label>
        <p data-testid="remembered-count" data-count={rememberedCount === null ? '' : String(rememberedCount)}>
          {rememberedCount === null ? '…' : t('optionsRememberedCount', [String(rememberedCount)])}
        </p>
        <button type="button" data-testid="clear-remembered" onClick={onClearRemembered}>
          {t('optionsClearRemembered')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('historyHeading')}</legend>
        <label>
          <input
            type="checkbox"
            data-testid="setting-keep-history"
            checked={settings.keepHistory}
            onChange={(event) => {
              onChange({ ...settings, keepHistory: event.currentTarget.checked });
            }}
          />{' '}
          {t('optionsKeepHistory')}
        </label>
      </fieldset>
      <HistoryView
        incidents={props.incidents}
        t={t}
        locale={props.locale}
        onView={props.onViewIncident}
        onExport={props.onExportHistory}
        onClear={props.onClearHistory}
      />
    </main>
  );
}
