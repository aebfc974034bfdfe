// One line per piece of evidence, in the person's language (keys in _locales).

import type { ProxyFinding } from '../src/diagnosis/proxy-settings';
import type { Evidence } from '../src/diagnosis/types';
import type { Translate } from '../src/shared/i18n';
import { translateCount } from '../src/shared/plural';
import { visibleLine } from '../src/shared/visible-text';
import { formatDate, formatDuration } from './format';

/** The line for one piece of evidence; the names it quotes are strangers' text, so it is shown visibly. */
export function evidenceText(evidence: Evidence, t: Translate, locale: string): string {
  return visibleLine(evidenceWords(evidence, t, locale));
}

function evidenceWords(evidence: Evidence, t: Translate, locale: string): string {
  switch (evidence.kind) {
    case 'code':
      return t('evidenceCode', evidence.code);
    case 'clock':
      return translateCount(t, locale, evidence.skewMs > 0 ? 'evidenceClockAhead' : 'evidenceClockBehind', evidence.hosts, [
        formatDuration(evidence.skewMs, locale),
        String(evidence.hosts),
      ]);
    case 'clock-ok':
      return translateCount(t, locale, 'evidenceClockOk', evidence.hosts, [String(evidence.hosts)]);
    case 'local-host':
      return t('evidenceLocalHost', evidence.host);
    case 'root-not-built-in':
      return t('evidenceRootNotBuiltIn', evidence.root);
    case 'issuer-product':
      return t('evidenceIssuerProduct', [evidence.issuer, evidence.product]);
    case 'product-seen-elsewhere':
      return translateCount(t, locale, 'evidenceProductSeen', evidence.hosts, [evidence.product, String(evidence.hosts)]);
    case 'captive-portal':
      return t('evidenceCaptivePortal');
    case 'names':
      return t('evidenceNames', evidence.names.join(', '));
    case 'www-alternative':
      return t(
        evidence.result === 'works' ? 'evidenceWwwWorks' : evidence.result === 'fails' ? 'evidenceWwwFails' : 'evidenceWwwUnchecked',
        evidence.alternative,
      );
    case 'wildcard-depth':
      return t('evidenceWildcardDepth', evidence.wildcard);
    case 'many-sites':
      return translateCount(t, locale, 'evidenceManySites', evidence.count, [String(evidence.count)]);
    case 'deep-name':
      return t('evidenceDeepName', evidence.host);
    case 'validity':
      return t('evidenceValidity', [formatDate(evidence.notBefore, locale), formatDate(evidence.notAfter, locale)]);
    case 'self-issued':
      return t('evidenceSelfIssued', evidence.subject);
    case 'chain-length':
      return translateCount(t, locale, 'evidenceChainLength', evidence.length, [String(evidence.length)]);
    case 'weak-signature':
      return t('evidenceWeakSignature', evidence.algorithm);
    case 'weak-key':
      return translateCount(t, locale, 'evidenceWeakKey', evidence.bits, [String(evidence.bits)]);
    case 'protocol':
      return t('evidenceProtocol', evidence.version);
    case 'exception':
      return t('evidenceException');
    case 'hsts-seen':
      return t('evidenceHstsSeen');
    case 'last-good':
      return t('evidenceLastGood', [evidence.issuer, formatDate(evidence.lastSeen, locale)]);
    case 'certificate-change':
      return t('evidenceCertificateChange', [evidence.issuer, formatDate(evidence.lastSeen, locale)]);
    case 'https-only-page':
      return t('evidenceHttpsOnlyPage');
    case 'block-page-names':
      return t('evidenceBlockPageNames', evidence.names.join(', '));
    case 'expires-soon':
      return t('evidenceExpiresSoon', formatDate(evidence.notAfter, locale));
    case 'firefox-version':
      return t('evidenceFirefoxVersion', evidence.version);
    case 'proxy':
      return proxyText(evidence.proxy, t);
    case 'state-ca':
      return t('evidenceStateCa', evidence.issuer);
    case 'host-zone':
      return t('evidenceHostZone', [evidence.host, evidence.zone]);
    case 'compromised-root':
      return t('evidenceCompromisedRoot', [evidence.root, evidence.vendor]);
    case 'linux-store':
      return t('evidenceLinuxStore');
    case 'corporate-host':
      return t('evidenceCorporateHost', evidence.host);
    case 'missing-issuer':
      return t('evidenceMissingIssuer', evidence.issuer);
  }
}

function proxyText(proxy: ProxyFinding, t: Translate): string {
  switch (proxy.kind) {
    case 'none':
      return t('evidenceProxyNone');
    case 'system':
      return t('evidenceProxySystem');
    case 'auto-detect':
      return t('evidenceProxyAutoDetect');
    case 'manual':
      return t('evidenceProxyManual', proxy.where || '?');
    case 'script':
      return t('evidenceProxyScript', proxy.where || '?');
    case 'unknown':
      return t('evidenceProxyUnknown');
  }
}
