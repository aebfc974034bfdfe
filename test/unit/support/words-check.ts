// Checks for rendered words: placeholders or markers left unfilled, "undefined"/"NaN"/"null",
// a count with the wrong noun form, and a sentence that points at something the report (or
// the popup) does not show. Every table here is a Record<Language, …>: a language added to
// src/guide/languages.ts does not compile until its sentences and nouns are written here (from
// its own files, src/guide/text/<lang>/ and _locales/<folder>/messages.json).
// English and Russian counts are judged by their grammar, not by Intl (the tests check
// Intl.PluralRules against it); every other language's by Intl.PluralRules.

import type { Language } from '../../../src/guide/languages';
import type { FactName } from '../../../src/guide/text-values';

/** "one", "few" or "many" for a whole number, by the rule of Russian grammar. */
export function russianForm(n: number): 'one' | 'few' | 'many' {
  const last = n % 10;
  const lastTwo = n % 100;
  if (last === 1 && lastTwo !== 11) return 'one';
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return 'few';
  return 'many';
}

/** Placeholders, conditional markers and empty values that reached the reader. */
export function leftovers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\{(?:if:!?[a-zA-Z]+|\/if|else|[a-zA-Z]+)\}/g)) found.push(m[0]);
  // `</dev/null` in a command is not an empty value.
  for (const m of text.matchAll(/\bundefined\b|\bNaN\b|(?<!\/dev\/)\bnull\b/g)) found.push(m[0]);
  return found;
}

type PluralCategory = Intl.LDMLPluralRule;

/** The plural category of a whole number in a language: English and Russian by their grammar. */
export function pluralCategory(language: Language, n: number): PluralCategory {
  if (language === 'en') return n === 1 ? 'one' : 'other';
  if (language === 'ru') return russianForm(n);
  return new Intl.PluralRules(language).select(n);
}

/** The nouns the guide counts (site, part, certificate, bit), in a language's forms. */
interface CountedNouns {
  /** Each form, and the categories of the numbers it may follow. */
  readonly forms: Readonly<Record<string, readonly PluralCategory[]>>;
  /**
   * Words before a number after which the noun's case is set by them, not by the number
   * ("более 2 сайтов", "poniżej 1024 bitów"): such a count is not checked.
   */
  readonly caseSetBefore?: RegExp;
}

/** Japanese and Chinese nouns have no plural: a count never changes the noun, nothing to check. */
const NO_NOUN_PLURAL = 'no noun plural';

/**
 * Nouns with a singular after "one" and a plural after every other count ("many" is for
 * millions in Spanish, French, Italian and Portuguese: "1 000 000 de sites").
 */
function singularAndPlural(pairs: readonly (readonly [string, string])[]): Record<string, readonly PluralCategory[]> {
  const forms: Record<string, readonly PluralCategory[]> = {};
  for (const [singular, plural] of pairs) {
    forms[singular] = ['one'];
    forms[plural] = ['other', 'many'];
  }
  return forms;
}

const COUNTED_NOUNS: Readonly<Record<Language, CountedNouns | typeof NO_NOUN_PLURAL>> = {
  en: {
    forms: singularAndPlural([
      ['site', 'sites'],
      ['website', 'websites'],
      ['part', 'parts'],
      ['certificate', 'certificates'],
      ['bit', 'bits'],
    ]),
  },
  de: {
    forms: {
      ...singularAndPlural([
        ['Website', 'Websites'],
        ['Teil', 'Teile'],
        ['Zertifikat', 'Zertifikate'],
      ]),
      // The dative plural ("mit 2 anderen Teilen").
      Teilen: ['other'],
      Zertifikaten: ['other'],
      // A unit: "2048 Bit", as German writes every count of bits.
      Bit: ['one', 'other'],
    },
  },
  'es-ES': {
    forms: singularAndPlural([
      ['sitio', 'sitios'],
      ['parte', 'partes'],
      ['certificado', 'certificados'],
      ['bit', 'bits'],
    ]),
  },
  // French counts 0 and 1 with the singular ("0 site"): Intl.PluralRules says "one" for both.
  fr: {
    forms: singularAndPlural([
      ['site', 'sites'],
      ['élément', 'éléments'],
      ['certificat', 'certificats'],
      ['bit', 'bits'],
    ]),
  },
  it: {
    forms: {
      ...singularAndPlural([
        ['sito', 'siti'],
        ['parte', 'parti'],
        ['certificato', 'certificati'],
      ]),
      // "2048 bit": Italian does not inflect it.
      bit: ['one', 'other', 'many'],
    },
  },
  ja: NO_NOUN_PLURAL,
  pl: {
    // Nominative and accusative ("1 witryna", "2 witryny", "5 witryn"), instrumental after "z"
    // ("z 2 innymi witrynami"), and the genitive singular, which a single count takes
    // ("certyfikat 1 innej witryny").
    forms: {
      witryna: ['one'],
      witrynę: ['one'],
      witryną: ['one'],
      witryny: ['few'],
      witryn: ['many'],
      witrynami: ['few', 'many'],
      element: ['one'],
      elementu: ['one'],
      elementy: ['few'],
      elementów: ['many'],
      certyfikat: ['one'],
      certyfikatu: ['one'],
      certyfikaty: ['few'],
      certyfikatów: ['many'],
      bit: ['one'],
      bitu: ['one'],
      bity: ['few'],
      bitów: ['many'],
    },
    // Genitive after these whatever the number ("poniżej 1024 bitów", "o długości 2 bitów",
    // "certyfikaty 2 innych witryn"); "z" is left out: with a count it takes the instrumental.
    caseSetBefore: /(?:^|[\s(])(?:od|do|bez|dla|około|poniżej|powyżej|ponad|wśród|spośród|długości(?: zaledwie)?|certyfikat\S*)\s$/iu,
  },
  // Portuguese (Brazil) counts 0 and 1 with the singular, as French does.
  'pt-BR': {
    forms: singularAndPlural([
      ['site', 'sites'],
      ['parte', 'partes'],
      ['certificado', 'certificados'],
      ['bit', 'bits'],
    ]),
  },
  ru: {
    forms: {
      сайт: ['one'],
      сайта: ['few'],
      сайтов: ['many'],
      сайтом: ['one'],
      сайте: ['one'],
      сайтами: ['few', 'many'],
      сайтах: ['few', 'many'],
      часть: ['one'],
      части: ['few'],
      частей: ['many'],
      сертификат: ['one'],
      сертификата: ['few'],
      сертификатов: ['many'],
      // "менее 1024 бит": the genitive plural has no ending, so бит follows any number.
      бит: ['one', 'few', 'many'],
      бита: ['few'],
    },
    // After "из", "более", "около"… every number takes the genitive ("более 2 сайтов").
    caseSetBefore: /(?:^|[\s(«])(?:из|от|до|более|менее|около|свыше|больше|меньше|для|без|кроме)\s$/iu,
  },
  uk: {
    // Nominative ("1 сайт", "2 сайти", "5 сайтів"), instrumental after "з" ("з 2 іншими
    // вебсайтами") and the genitive singular of one count ("сертифікат ще 1 сайту").
    forms: {
      сайт: ['one'],
      сайту: ['one'],
      сайти: ['few'],
      сайтів: ['many'],
      вебсайт: ['one'],
      вебсайту: ['one'],
      вебсайтом: ['one'],
      вебсайти: ['few'],
      вебсайтів: ['many'],
      вебсайтами: ['few', 'many'],
      частина: ['one'],
      частини: ['few'],
      частин: ['many'],
      сертифікат: ['one'],
      сертифіката: ['one'],
      сертифікати: ['few'],
      сертифікатів: ['many'],
      // "2048 біт", "1024 біт": as in Russian, the unit's genitive plural has no ending.
      біт: ['one', 'few', 'many'],
      біти: ['few'],
      бітів: ['many'],
    },
    // Genitive whatever the number: after these prepositions, and after "сертифікати (ще)"
    // ("сертифікати ще 2 сайтів").
    caseSetBefore: /(?:^|[\s(«])(?:від|до|понад|більше|менше|близько|для|без|крім|сертифікат\S*(?: ще)?)\s$/iu,
  },
  'zh-CN': NO_NOUN_PLURAL,
};

/** "RFC 5280", "TLS 1.2", "port 8443", "Firefox 153": numbers that name something, not counts. */
const NAME_BEFORE =
  /(?:RFC|TLS|SSL|SHA|port\S*|puerto|порт\S*|versi\S*|versão|wersj\S*|верс\S*|Firefox\S*|ESR|Windows|macOS|Android|nginx|Apache|OpenSSL)\s$/iu;

/** A number followed (within two words) by a counted noun, and whether the noun's form fits it. */
export interface Count {
  readonly said: string;
  /** 'case' when words before the number set the noun's case ("более 2 сайтов"): not judged. */
  readonly verdict: 'right' | 'wrong' | 'case';
}

/** Every count of a counted noun in the text; none in a language without noun plurals. */
export function counts(text: string, language: Language): Count[] {
  const nouns = COUNTED_NOUNS[language];
  if (nouns === NO_NOUN_PLURAL) return [];
  const formOf = new Map(Object.entries(nouns.forms).map(([form, categories]) => [form.toLowerCase(), categories]));
  const alternatives = [...formOf.keys()].sort((a, b) => b.length - a.length).join('|');
  // The count, at most two words (other, secure, ещё, …) or an elided "d’", then a counted noun.
  const counted = new RegExp(`(?<![\\p{L}\\d.,:-])(\\d+) (?:[\\p{L}'’-]+ ){0,2}?(?:\\p{L}+['’])?(${alternatives})(?![\\p{L}\\d])`, 'giu');
  const found: Count[] = [];
  for (const m of text.matchAll(counted)) {
    const before = text.slice(0, m.index);
    if (NAME_BEFORE.test(before)) continue;
    const right = (formOf.get((m[2] ?? '').toLowerCase()) ?? []).includes(pluralCategory(language, Number(m[1])));
    found.push({ said: m[0], verdict: nouns.caseSetBefore?.test(before) ? 'case' : right ? 'right' : 'wrong' });
  }
  return found;
}

/** "1 other secure sites", "5 сайта", "2 Zertifikat": a count with the wrong noun form. */
export function pluralMistakes(text: string, language: Language): string[] {
  const mistakes = counts(text, language)
    .filter((c) => c.verdict === 'wrong')
    .map((c) => c.said);
  // "2 site(s)": a form that leaves the reader to choose.
  if (language === 'en') for (const m of text.matchAll(/\d+ \w+\(s\)/g)) mistakes.push(m[0]);
  return mistakes;
}

/** Whether the language's nouns change with a count (Japanese and Chinese: no). */
export function hasNounPlurals(language: Language): boolean {
  return COUNTED_NOUNS[language] !== NO_NOUN_PLURAL;
}

/**
 * Sentences that say the report (or the popup) shows a fact, by the fact, in every language.
 * Where the fact does not hold, none of them may be in the rendered words. Each pattern finds
 * every such sentence of its language: the tests hold it to English entry by entry.
 */
export const PROMISES: readonly { readonly fact: FactName; readonly said: Readonly<Record<Language, RegExp>> }[] = [
  {
    fact: 'certificates',
    said: {
      en: /report names the expired one|lists the names the certificate|names the certificate does cover|\(listed in the report\)|certificate in the report|issuer in the Cert Doctor report|report shows the certificate/i,
      de: /nennt (?:auch )?die Namen, die das Zertifikat|\(im Bericht aufgeführt\)|Bericht nennt das abgelaufene|Zertifikat im Bericht|Aussteller im Bericht von Cert Doctor|Bericht zeigt das Zertifikat/i,
      'es-ES':
        /enumera los nombres que (?:sí )?cubre el certificado|\(enumerados en el informe\)|informe indica cuál ha caducado|certificado del informe|emisor del informe de Cert Doctor|informe muestra el certificado/i,
      fr: /liste (?:aussi )?les noms (?:couverts par le|que le) certificat|\(listés dans le rapport\)|rapport nomme celui qui a expiré|certificat du rapport|émetteur indiqué dans le rapport de Cert Doctor|rapport montre le certificat/i,
      it: /elenca (?:anche )?i nomi (?:coperti dal|che il) certificato|\(elencati nel rapporto\)|rapporto indica quello scaduto|certificato nel rapporto|emittente indicato nel rapporto di Cert Doctor|rapporto mostra il certificato/i,
      ja: /証明書が(?:実際に)?対象とする名前の一覧|名前 ?\(レポートに記載\)|期限切れのものはレポートに記載|レポートの証明書|レポートにある新しい発行者|レポートには訪問者が受け取る証明書/,
      pl: /wymienia (?:ono też )?nazwy(?:, które certyfikat obejmuje| objęte certyfikatem)|\(wymienione w zgłoszeniu\)|zgłoszenie wskazuje ten wygasły|certyfikat ze zgłoszenia|wystawcę w zgłoszeniu z Cert Doctor|zgłoszenie pokazuje certyfikat/iu,
      'pt-BR':
        /lista os nomes que o certificado cobre|\(listados no relatório\)|relatório cita o que expirou|certificado do relatório|emissor no relatório do Cert Doctor|relatório mostra o certificado/i,
      ru: /просроченный указан в отчёте|перечислены (?:и )?имена|\(они перечислены в отчёте\)|сертификат из отчёта|издателя в отчёте|в отчёте виден сертификат/i,
      uk: /перелічено (?:також )?імена|\(перелічені у звіті\)|у звіті названо прострочений|сертифікат у звіті|видавця у звіті Cert Doctor|звіт показує сертифікат/iu,
      'zh-CN': /列出了证书(?:实际)?覆盖的名称|（列在报告中）|报告中写明了已过期|报告中的证书|报告中的新签发者|报告显示了访问者收到的证书/,
    },
  },
  {
    fact: 'code',
    said: {
      en: /names the exact rule|error code in the report|error named in the report|error shown in the report|report shows the alert/i,
      de: /nennt genau die Regel|Fehlercode im Bericht|Fehler im Bericht|der im Bericht genannt ist|Bericht zeigt den Alert/i,
      'es-ES':
        /indica la norma exacta|código de error en el informe|error que muestra el informe|de fondo que indica el informe|informe muestra la alerta/i,
      fr: /nomme la règle exacte|code d’erreur dans le rapport|erreur indiquée dans le rapport|sous-jacente nommée dans le rapport|rapport indique l’alerte/i,
      it: /indica la regola precisa|codice di errore nel rapporto|errore indicato nel rapporto|di fondo indicato nel rapporto|rapporto mostra l’avviso/i,
      ja: /違反している規則が正確に|レポートのエラーコード|レポートに表示されたもう 1 つのエラー|エラー ?\(レポートに記載\)|レポートには、サーバーが送ったアラート/,
      pl: /wskazuje ono dokładną regułę|kod błędu w zgłoszeniu|błąd pokazany w zgłoszeniu|błąd certyfikatu wskazany w zgłoszeniu|zgłoszenie pokazuje alert/iu,
      'pt-BR':
        /cita a regra exata|código de erro no relatório|erro mostrado no relatório|de fundo citado no relatório|relatório mostra o alerta/i,
      ru: /указано, какое именно правило|код ошибки в отчёте|, указанн(?:ую|ая) в отчёте|в отчёте видно, какое предупреждение/i,
      uk: /названо точне правило|код помилки у звіті|помилка, показана у звіті|названу у звіті|звіт показує сигнал/iu,
      'zh-CN':
        /报告写明了证书违反的具体规则|在报告中查找错误代码|报告中显示的另一个错误|报告中写明的根本证书错误|报告显示了您的服务器发送的警报/,
    },
  },
  {
    fact: 'failedParts',
    said: {
      en: /report lists the failed parts/i,
      de: /Bericht listet die fehlgeschlagenen Teile/i,
      'es-ES': /informe enumera las partes que fallaron/i,
      fr: /rapport liste les éléments en échec/i,
      it: /rapporto elenca le parti non caricate/i,
      ja: /レポートに読み込めなかった部品の一覧/,
      pl: /zgłoszenie wymienia elementy/iu,
      'pt-BR': /relatório lista as partes que falharam/i,
      ru: /в отчёте перечислены незагруженные части/i,
      uk: /у звіті перелічено частини/iu,
      'zh-CN': /报告列出了加载失败的部分/,
    },
  },
  {
    fact: 'lastGood',
    said: {
      en: /and the one before it/i,
      de: /Besucher erhalten, und das davor/i,
      'es-ES': /visitantes y el anterior/i,
      fr: /visiteurs et le précédent/i,
      it: /visitatori e quello precedente/i,
      ja: /証明書とその前の証明書/,
      pl: /odwiedzający, i poprzedni/iu,
      'pt-BR': /visitantes recebem e o anterior/i,
      ru: /, и прежний/i,
      uk: /відвідувачі, і попередній/iu,
      'zh-CN': /证书及之前的证书/,
    },
  },
  {
    // A name, the same in every language.
    fact: 'sslLabs',
    said: {
      en: /SSL Labs/,
      de: /SSL Labs/,
      'es-ES': /SSL Labs/,
      fr: /SSL Labs/,
      it: /SSL Labs/,
      ja: /SSL Labs/,
      pl: /SSL Labs/,
      'pt-BR': /SSL Labs/,
      ru: /SSL Labs/,
      uk: /SSL Labs/,
      'zh-CN': /SSL Labs/,
    },
  },
  {
    fact: 'clock',
    said: {
      en: /what it measured is listed/i,
      de: /was es gemessen hat, steht unter/i,
      'es-ES': /lo que midió aparece en/i,
      fr: /ce qu’il a mesuré figure sous/i,
      it: /ciò che ha misurato è elencato/i,
      ja: /測った結果は「/,
      pl: /wynik pomiaru znajdziesz/iu,
      'pt-BR': /o que ele mediu aparece em/i,
      ru: /результат измерения приведён/i,
      uk: /виміряне показано/iu,
      'zh-CN': /测得的结果列在/,
    },
  },
];

export function brokenPromises(text: string, language: Language, facts: Readonly<Record<FactName, boolean>>): string[] {
  return PROMISES.filter((p) => !facts[p.fact] && p.said[language].test(text)).map(
    (p) => `${p.fact}: ${String(p.said[language].exec(text)?.[0])}`,
  );
}

/**
 * Any sentence that says what the report contains. Each must be conditional on its fact ({if:…}),
 * or name something every report has (listed in ALWAYS_IN_REPORT).
 */
export const REPORT_CONTENT: Readonly<Record<Language, RegExp>> = {
  en: /[^.;:]*(?:\b(?:in|from) the (?:Cert Doctor )?report\b|\breport (?:names|lists|shows|says|gives|contains)\b)[^.;]*|\breport\b[^.]*?[;:]\s*it (?:also )?(?:names|lists|shows|says|gives)\b[^.;]*/gi,
  de: /[^.;:]*(?:\b(?:im|aus dem) Bericht\b|\bBericht (?:nennt|listet|zeigt|sagt|enthält|gibt)\b|\b(?:nennt|listet|zeigt|sagt|enthält) der Bericht\b)[^.;]*|\bBericht\b[^.]*?[;:]\s*er (?:auch )?(?:nennt|listet|zeigt|sagt|gibt)\b[^.;]*/gi,
  'es-ES':
    /[^.;:]*(?:\b(?:en el|del) informe\b|\binforme (?:indica|enumera|muestra|dice|nombra|contiene)\b|\b(?:indica|enumera|muestra|dice) el informe\b)[^.;]*|\binforme\b[^.]*?[;:]\s*(?:también )?(?:indica|enumera|muestra|dice|nombra)\b[^.;]*/gi,
  fr: /[^.;:]*(?:\b(?:dans le|du) rapport\b|\brapport (?:indique|liste|montre|nomme|contient|dit)\b)[^.;]*|\brapport\b[^.]*?[;:]\s*il (?:aussi )?(?:indique|liste|montre|nomme|dit)\b[^.;]*/gi,
  it: /[^.;:]*(?:\b(?:nel|dal) rapporto\b|\brapporto (?:indica|elenca|mostra|dice|contiene)\b)[^.;]*|\brapporto\b[^.]*?[;:]\s*(?:indica|elenca|mostra|dice)\b[^.;]*/gi,
  // A Japanese sentence ends at 。; the sentences after "send the report" that say it holds something
  // (書かれて, 含まれ) speak of the report without naming it.
  ja: /[^。]*レポート(?:に|の)[^。]*|(?<=レポートを[^。]*送ります。(?:[^。]*。)*?)[^。]*(?:書かれて|含まれ)[^。]*/g,
  pl: /[^.;:]*(?:(?<!\p{L})(?:w|ze) zgłoszeni(?:u|a)(?!\p{L})|(?<!\p{L})zgłoszenie (?:wskazuje|wymienia|pokazuje|mówi|zawiera|podaje)(?!\p{L}))[^.;]*|(?<!\p{L})zgłoszeni\p{L}*[^.]*?[;:]\s*(?:mówi|wymienia|wskazuje|pokazuje)(?!\p{L})[^.;]*/giu,
  'pt-BR':
    /[^.;:]*(?:\b(?:no|do) relatório(?!\p{L})|(?<!\p{L})relatório (?:mostra|lista|cita|diz|disser|contém|indica)(?!\p{L}))[^.;]*|(?<!\p{L})relatório(?!\p{L})[^.]*?[;:]\s*ele (?:também )?(?:diz|lista|cita|mostra|indica)(?!\p{L})[^.;]*/giu,
  ru: /[^.;:]*(?:(?:в|из) отчёт(?:е|а)(?: Cert Doctor)?(?!\p{L})|отчёт\S* (?:указ|перечисл|показ|содерж)|в нём (?:точно )?(?:указ|перечисл|сказано))[^.;]*/giu,
  uk: /[^.;:]*(?:(?<!\p{L})(?:у|в|зі|із|з) звіт(?:і|у)(?!\p{L})|(?<!\p{L})звіт\p{L}* (?:показує|називає|перелічує|містить|каже)|у ньому (?:також |точно )?(?:сказано|перелічено|названо|вказано))[^.;]*/giu,
  // 服务器报告说: the server reported, not Cert Doctor's report.
  'zh-CN': /[^。；：]*(?:报告中|(?<!服务器)报告(?:还|准确)?(?:说明|列出|写明|显示|说))[^。；]*/g,
};

/** What every report contains, so a sentence may point at it unconditionally. */
export const ALWAYS_IN_REPORT: Readonly<Record<Language, readonly RegExp[]>> = {
  en: [
    /it says (?:exactly )?what to change/i, // the fix section
    /owner'?s? instructions in the report/i, // the fix section
    /time given in the report/i, // "Seen: <time>"
    /^\s*If the report says/i, // a condition, not a promise
  ],
  de: [/Er sagt,? (?:genau,? )?was/i, /Anweisungen für Betreiber im Bericht/i, /im Bericht genannten Zeitpunkt/i, /^\s*Sagt der Bericht/i],
  'es-ES': [
    /indica (?:exactamente )?qué cambiar/i,
    /instrucciones (?:para el propietario (?:del|en el) informe|del informe para el propietario)/i,
    /a la hora que indica el informe/i,
    /^\s*Si el informe dice/i,
  ],
  fr: [
    /il indique (?:exactement )?quoi changer/i,
    /instructions pour le propriétaire dans le rapport/i,
    /à l’heure indiquée dans le rapport/i,
    /^\s*Si le rapport indique/i,
  ],
  it: [
    /dice (?:esattamente )?cosa cambiare/i,
    /istruzioni per il proprietario nel rapporto/i,
    /all’ora indicata nel rapporto/i,
    /^\s*Se il rapporto dice/i,
  ],
  ja: [/何を変えればよいかが(?:正確に)?書かれて/, /レポートの管理者向けの説明/, /レポートに書かれた時刻/, /とレポートに書かれていたら/],
  pl: [
    /mówi,? (?:dokładnie,? )?co zmienić/iu,
    /instrukcj\p{L}* dla właściciela (?:zawartych )?w zgłoszeniu/iu,
    /czasu podanego w zgłoszeniu/iu,
    /^\s*Jeśli zgłoszenie mówi/iu,
  ],
  'pt-BR': [
    /ele diz (?:exatamente )?o que mudar/i,
    /instruções para o responsável (?:que estão )?no relatório/i,
    /horário informado no relatório/i,
    /^\s*Se o relatório disser/i,
  ],
  ru: [
    /в нём (?:точно )?сказано, что (?:именно )?изменить/i,
    /инструкци\S* для владельца в отчёте|в отчёте инструкци/i,
    /время,? указанное в отчёте|в указанное в отчёте время|время из отчёта|в момент, указанный в отчёте/i,
    /^\s*Если в отчёте (?:сказано|указано)/i,
  ],
  uk: [
    /у ньому (?:точно )?сказано, що змінити/iu,
    /інструкці\p{L}* для власника у звіті/iu,
    /у час, вказаний у звіті/iu,
    /^\s*Якщо звіт каже/iu,
  ],
  'zh-CN': [/报告(?:准确)?说明了需要(?:在服务器上)?修改什么/, /报告中给所有者的说明/, /报告中所给时间/, /^\s*如果报告说/],
};
