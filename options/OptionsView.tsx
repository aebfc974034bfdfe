// The options page's view: the settings, and the certificates Cert Doctor remembers. A pure
// function of its props; options/main.tsx wires it to storage.

import type { JSX } from 'preact';
import type { Translate } from '../src/shared/i18n';
import { translateCount } from '../src/shared/plural';
import { isLanguageSetting, type Settings } from '../src/shared/settings';
import type { Incident } from '../src/storage/incident-history';
import { Check, LanguageOptions } from '../popup/controls';
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
  readonly onReportIncident: (id: string) => void;
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
        <Check
          label={t('optionsWatchSubresources')}
          testId="setting-watch-subresources"
          checked={settings.watchSubresources}
          onChange={(value) => {
            onChange({ ...settings, watchSubresources: value });
          }}
        />
        <Check
          label={t('optionsWarnBeforeExpiry')}
          testId="setting-warn-before-expiry"
          checked={settings.warnBeforeExpiry}
          onChange={(value) => {
            onChange({ ...settings, warnBeforeExpiry: value });
          }}
        />
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
              if (isLanguageSetting(value)) onChange({ ...settings, language: value });
            }}
          >
            <option value="auto">{t('optionsLanguageAuto')}</option>
            <LanguageOptions />
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('optionsRememberHeading')}</legend>
        <Check
          label={t('optionsRememberCertificates')}
          testId="setting-remember-certificates"
          checked={settings.rememberCertificates}
          onChange={(value) => {
            onChange({ ...settings, rememberCertificates: value });
          }}
        />
        <p data-testid="remembered-count" data-count={rememberedCount === null ? '' : String(rememberedCount)}>
          {rememberedCount === null
            ? '…'
            : translateCount(t, props.locale, 'optionsRememberedCount', rememberedCount, [String(rememberedCount)])}
        </p>
        <button type="button" data-testid="clear-remembered" onClick={onClearRemembered}>
          {t('optionsClearRemembered')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('optionsHistoryLegend')}</legend>
        <Check
          label={t('optionsKeepHistory')}
          testId="setting-keep-history"
          checked={settings.keepHistory}
          onChange={(value) => {
            onChange({ ...settings, keepHistory: value });
          }}
        />
      </fieldset>
      <fieldset>
        <legend>{t('optionsReportHeading')}</legend>
        <Check
          label={t('optionsReportIncludePath')}
          testId="setting-report-path"
          checked={settings.reportIncludePath}
          onChange={(value) => {
            onChange({ ...settings, reportIncludePath: value });
          }}
        />
        <Check
          label={t('optionsReportIncludeChain')}
          testId="setting-report-chain"
          checked={settings.reportIncludeChain}
          onChange={(value) => {
            onChange({ ...settings, reportIncludeChain: value });
          }}
        />
      </fieldset>
      <HistoryView
        incidents={props.incidents}
        t={t}
        locale={props.locale}
        onView={props.onViewIncident}
        onReport={props.onReportIncident}
        onExport={props.onExportHistory}
        onClear={props.onClearHistory}
      />
    </main>
  );
}
