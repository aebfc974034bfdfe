// Entry point of the options page. Settings and the incident history are not built yet; the
// page says what Cert Doctor does and that it keeps nothing beyond this browser session.

import browser from 'webextension-polyfill';
import { render } from 'preact';
import { translatorFrom } from '../src/shared/i18n';

const t = translatorFrom((key, substitutions) => browser.i18n.getMessage(key, substitutions));
const root = document.getElementById('app');
document.documentElement.lang = browser.i18n.getUILanguage();
if (root) {
  render(
    <main data-testid="options">
      <h1 class="app-title">{t('extensionName')}</h1>
      <p>{t('extensionDescription')}</p>
      <p>{t('optionsPrivacy')}</p>
    </main>,
    root,
  );
}
