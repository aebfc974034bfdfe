// A translator over a _locales/<lang>/messages.json object, for a language other than
// Firefox's own (browser.i18n only speaks the browser's language). Supports what our message
// files use: $1..$9 substitutions and $$ for a dollar sign.

import type { Translate } from './i18n';

type MessageFile = Readonly<Record<string, { readonly message?: unknown }>>;

export function translatorFromMessages(file: unknown): Translate {
  const messages = (typeof file === 'object' && file !== null ? file : {}) as MessageFile;
  return (key, substitutions) => {
    const message = messages[key]?.message;
    if (typeof message !== 'string') return key;
    const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return message.replace(/\$(\$|[1-9])/g, (_whole, token: string) => (token === '$' ? '$' : (values[Number(token) - 1] ?? '')));
  };
}
