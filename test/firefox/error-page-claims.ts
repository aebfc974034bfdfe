// Which of the popup's quoted labels are claims about a button of Firefox's error page, and
// whether the page in front of the person backs each claim. Pure: the strings come from the
// running Firefox (errorPageStrings), the page's buttons from readErrorPage.
//
// The rule, precisely:
// - A quote is an error-page button claim when it equals, with the host name filled in by
//   anything, one of ERROR_PAGE_BUTTON_IDS as this Firefox words it in the page's language.
//   Labels of other Firefox UI (menus, settings, about: pages) are checked elsewhere.
// - Except the about:config warning's own button: a quote in a block that names `about:config`
//   and equals that page's button (about-config-intro-warning-button, toolkit/about/config.ftl,
//   "Accept the Risk and Continue" in English, the same words as the legacy error page's
//   exception button) speaks of that page.
// - A claim is backed when the page shows exactly that label (before or after "Advanced").
// - An exception-button claim in a block that says what to do when the button is missing
//   (EXCEPTION_HEDGE) is backed on a page without the button too, if it is exactly the label
//   this Firefox would give it for this host: Firefox hides the button on sites with HSTS and
//   when an enterprise policy says so, and the extension cannot tell the policy apart.

import type { Language } from '../../src/guide/languages';

/**
 * The buttons of Firefox 153's error pages: certError.ftl (the redesigned page) and netError.ftl
 * (the legacy page). Every message of those two files whose id names a button, but one:
 * neterror-open-portal-login-page-button, whose Russian words are also those of the captive-portal
 * notification bar's button (browser.properties captivePortal.showLoginPage2), the one the guide
 * quotes; the check of all quoted labels against Firefox's strings covers that one.
 */
export const ERROR_PAGE_BUTTON_IDS = [
  'fp-certerror-advanced-button',
  'fp-certerror-hide-advanced-button',
  'fp-certerror-override-exception-button-2',
  'fp-certerror-return-to-previous-page-recommended-button-2',
  'neterror-advanced-button',
  'neterror-copy-to-clipboard-button',
  'neterror-override-exception-button',
  'neterror-pref-reset-button',
  'neterror-return-to-previous-page-button',
  'neterror-return-to-previous-page-recommended-button',
  'neterror-try-again-button-2',
  'neterror-add-exception-button',
  'neterror-settings-button',
] as const;

export type ErrorPageButtonId = (typeof ERROR_PAGE_BUTTON_IDS)[number];

/** The exception button of each design of the page. */
export const EXCEPTION_BUTTON_IDS: Readonly<Record<'felt-privacy' | 'legacy', ErrorPageButtonId>> = {
  'felt-privacy': 'fp-certerror-override-exception-button-2',
  legacy: 'neterror-override-exception-button',
};

/** How the guide says, in the step itself, what it means when the exception button is missing
 * (lower case: a block is compared in lower case). Every language's guide uses its words eight times. */
export const EXCEPTION_HEDGE: Readonly<Record<Language, string>> = {
  en: 'if that button is missing',
  de: 'fehlt diese schaltfläche',
  'es-ES': 'si falta ese botón',
  fr: 'si ce bouton est absent',
  it: 'se quel pulsante manca',
  ja: 'このボタンがない場合',
  pl: 'jeśli tego przycisku nie ma',
  'pt-BR': 'se esse botão não aparecer',
  ru: 'если этой кнопки нет',
  uk: 'якщо такої кнопки немає',
  'zh-CN': '如果没有这个按钮',
};

/** Stands for the host name when the strings are read with a placeholder host. */
export const HOST_SENTINEL = 'host-sentinel.invalid';

export interface PageButtons {
  readonly design: 'felt-privacy' | 'legacy';
  readonly labels: readonly string[];
}

export interface ClaimCheck {
  readonly quote: string;
  readonly id: ErrorPageButtonId;
  readonly block: string;
  readonly backed: boolean;
}

export interface ClaimInputs {
  /** Each button string with HOST_SENTINEL as the host name. */
  readonly patterns: Readonly<Record<string, string>>;
  /** Each button string with this page's host (as Firefox shows it) as the host name. */
  readonly forThisHost: Readonly<Record<string, string>>;
  /** about:config's warning button, in the same language. */
  readonly aboutConfigButton: string;
  readonly hedge: string;
}

function matcherOf(pattern: string): RegExp {
  const parts = pattern.split(HOST_SENTINEL).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+')}$`);
}

/** The error-page button claims among the popup's quotes, each with whether the page backs it. */
export function checkClaims(
  blocks: readonly { readonly text: string; readonly quotes: readonly string[] }[],
  page: PageButtons,
  inputs: ClaimInputs,
): ClaimCheck[] {
  const matchers = ERROR_PAGE_BUTTON_IDS.map((id) => {
    const pattern = inputs.patterns[id];
    if (pattern === undefined) throw new Error(`No string for ${id}`);
    return { id, matcher: matcherOf(pattern) };
  });
  const exceptionId = EXCEPTION_BUTTON_IDS[page.design];
  const checks: ClaimCheck[] = [];
  for (const block of blocks) {
    for (const quote of block.quotes) {
      const match = matchers.find((m) => m.matcher.test(quote));
      if (!match) continue;
      if (block.text.includes('about:config') && quote === inputs.aboutConfigButton) continue;
      const shown = page.labels.includes(quote);
      const hedgedException =
        match.id === exceptionId && block.text.toLowerCase().includes(inputs.hedge) && quote === inputs.forThisHost[exceptionId];
      checks.push({ quote, id: match.id, block: block.text, backed: shown || hedgedException });
    }
  }
  return checks;
}
