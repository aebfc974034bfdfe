// The words `cert-doctor check` adds around the shared report: its verdict, its own findings and
// the note on what it connected to, in English and Russian. The report's own sections use the
// extension's messages and guide (src/report, src/guide); nothing of theirs is repeated here.

import type { CliLanguage } from './arguments';
import type { Certainty, Finding } from '../check/predict';

export interface CheckWords {
  readonly title: (site: string) => string;
  readonly loads: string;
  readonly refused: (code: string) => string;
  readonly unchecked: string;
  readonly certainty: Readonly<Record<Certainty, string>>;
  readonly findingsHeading: string;
  readonly finding: (finding: Finding) => string | null;
  readonly network: (host: string, port: number, connections: number) => string;
}

const list = (items: readonly string[]): string => items.join(', ');

/** How a connection ended before any handshake (ServedFailureKind), in words. */
const NOT_REACHED: Readonly<Record<CliLanguage, Readonly<Record<string, string>>>> = {
  en: {
    dns: 'the name was not found in DNS',
    refused: 'the port refuses connections',
    reset: 'the connection was reset',
    closed: 'the connection was closed',
    timeout: 'no answer in time',
    other: 'an error',
  },
  ru: {
    dns: 'имя не найдено в DNS',
    refused: 'порт не принимает соединения',
    reset: 'соединение сброшено',
    closed: 'соединение закрыто',
    timeout: 'ответа не было вовремя',
    other: 'ошибка',
  },
};

export const CHECK_WORDS: Readonly<Record<CliLanguage, CheckWords>> = {
  en: {
    title: (site) => `Cert Doctor check of ${site}`,
    loads: 'Firefox would open this site.',
    refused: (code) => `Firefox would refuse this site with ${code}.`,
    unchecked: 'The site could not be checked.',
    certainty: {
      exact: 'This is what Firefox itself would do.',
      'depends-on-profile':
        'This depends on the Firefox profile: Firefox refuses the root below unless the person (or their company) added it to Firefox.',
      'depends-on-intermediates':
        'This depends on what Firefox already knows: it fills in a missing intermediate only if it is in its list of publicly disclosed ones (security.remote_settings.intermediates.enabled) or was seen before. The owner must send it either way.',
    },
    findingsHeading: 'What the check found',
    finding: (f) => {
      switch (f.kind) {
        case 'not-reached':
          return `No TLS handshake: ${NOT_REACHED.en[f.reason] ?? f.reason} (${f.detail}).`;
        case 'not-tls':
          return 'The server does not answer in TLS on this port (plain HTTP, most likely).';
        case 'alert':
          return `The server ended the handshake with the TLS alert "${f.alert}".`;
        case 'no-common-cipher':
          return 'The server accepts none of the cipher suites Firefox offers (it wants suites Firefox no longer enables, such as DHE).';
        case 'old-tls-only':
          return `The server speaks only ${list(f.accepted.map(versionName))}; Firefox needs TLS 1.2 or 1.3.`;
        case 'client-certificate-required':
          return 'The server demands a client certificate.';
        case 'post-quantum-reset':
          return `A hello with Firefox's post-quantum key share (X25519MLKEM768) was ${f.ending === 'reset' ? 'reset' : 'closed'} without an answer, while an ordinary hello works: something on the path (firewall, proxy, filter) blocks it.`;
        case 'root-not-mozilla':
          return `The chain ends at a root that is not in Mozilla's root store: ${f.root}.`;
        case 'root-added':
          return `The chain ends at a root given with --ca (not one of Mozilla's): ${f.root}.`;
        case 'missing-intermediate':
          return `The server does not send the intermediate certificate that issued its certificate: ${f.issuer}.`;
        case 'names':
          return f.names.length === 0
            ? 'The certificate names no site (no subjectAltName); Firefox ignores the common name.'
            : `${f.covered ? 'The certificate covers this address' : 'The certificate does not cover this address'}; its names: ${list(f.names.slice(0, 20))}${f.names.length > 20 ? ` and ${f.names.length - 20} more` : ''}.`;
        case 'expiry':
          return f.expired ? `The certificate expired on ${iso(f.notAfter)}.` : `The certificate is valid until ${iso(f.notAfter)}.`;
        case 'not-yet-valid':
          return `The certificate becomes valid only on ${iso(f.notBefore)}.`;
        case 'weak-signature':
          return `Signed with ${f.algorithm}, which Firefox refuses: ${f.subject}.`;
        case 'versions':
          return f.accepted.length === 0
            ? 'The server accepted no TLS version.'
            : `TLS versions the server accepts: ${list(f.accepted.map(versionName))}.`;
        case 'staple':
          return null;
        case 'order':
          return (
            [
              f.sendsRoot ? 'The server also sends a root certificate (not needed: Firefox has its roots).' : '',
              f.unused > 0 ? `The server sends ${f.unused} certificate(s) that are not part of the chain Firefox builds.` : '',
            ]
              .filter(Boolean)
              .join(' ') || null
          );
      }
    },
    network: (host, port, connections) =>
      `Network use: only ${connections} TLS connections to ${host} port ${port} (and the system's lookup of that name); nothing was sent after any handshake, and nothing anywhere else.`,
  },
  ru: {
    title: (site) => `Проверка Cert Doctor: ${site}`,
    loads: 'Firefox откроет этот сайт.',
    refused: (code) => `Firefox не откроет этот сайт: ошибка ${code}.`,
    unchecked: 'Сайт проверить не удалось.',
    certainty: {
      exact: 'Так поступит сам Firefox.',
      'depends-on-profile':
        'Это зависит от профиля Firefox: он отвергает корневой сертификат ниже, если только человек (или его компания) не добавил его в Firefox.',
      'depends-on-intermediates':
        'Это зависит от того, что Firefox уже знает: недостающий промежуточный сертификат он подставит, только если тот есть в его списке публично раскрытых (security.remote_settings.intermediates.enabled) или встречался раньше. Владельцу сайта нужно отправлять его в любом случае.',
    },
    findingsHeading: 'Что показала проверка',
    finding: (f) => {
      switch (f.kind) {
        case 'not-reached':
          return `Рукопожатия TLS не было: ${NOT_REACHED.ru[f.reason] ?? f.reason} (${f.detail}).`;
        case 'not-tls':
          return 'Сервер на этом порту отвечает не по TLS (скорее всего, обычным HTTP).';
        case 'alert':
          return `Сервер прервал рукопожатие сигналом TLS «${f.alert}».`;
        case 'no-common-cipher':
          return 'Сервер не принимает ни одного набора шифров, которые предлагает Firefox (ему нужны наборы, которые Firefox больше не включает, например DHE).';
        case 'old-tls-only':
          return `Сервер говорит только на ${list(f.accepted.map(versionName))}; Firefox нужен TLS 1.2 или 1.3.`;
        case 'client-certificate-required':
          return 'Сервер требует сертификат клиента.';
        case 'post-quantum-reset':
          return `Приветствие с постквантовым ключом Firefox (X25519MLKEM768) было ${f.ending === 'reset' ? 'сброшено' : 'закрыто'} без ответа, хотя обычное проходит: что-то по пути (межсетевой экран, прокси, фильтр) его блокирует.`;
        case 'root-not-mozilla':
          return `Цепочка заканчивается корневым сертификатом, которого нет в хранилище Mozilla: ${f.root}.`;
        case 'root-added':
          return `Цепочка заканчивается корневым сертификатом из --ca (не из хранилища Mozilla): ${f.root}.`;
        case 'missing-intermediate':
          return `Сервер не отправляет промежуточный сертификат, которым выдан его сертификат: ${f.issuer}.`;
        case 'names':
          return f.names.length === 0
            ? 'В сертификате не указано ни одного сайта (нет subjectAltName); общее имя (CN) Firefox не учитывает.'
            : `${f.covered ? 'Сертификат подходит для этого адреса' : 'Сертификат не подходит для этого адреса'}; его имена: ${list(f.names.slice(0, 20))}${f.names.length > 20 ? ` и ещё ${f.names.length - 20}` : ''}.`;
        case 'expiry':
          return f.expired ? `Срок действия сертификата истёк ${iso(f.notAfter)}.` : `Сертификат действует до ${iso(f.notAfter)}.`;
        case 'not-yet-valid':
          return `Сертификат начнёт действовать только ${iso(f.notBefore)}.`;
        case 'weak-signature':
          return `Подписан алгоритмом ${f.algorithm}, который Firefox отвергает: ${f.subject}.`;
        case 'versions':
          return f.accepted.length === 0
            ? 'Сервер не принял ни одной версии TLS.'
            : `Версии TLS, которые принимает сервер: ${list(f.accepted.map(versionName))}.`;
        case 'staple':
          return null;
        case 'order':
          return (
            [
              f.sendsRoot ? 'Сервер отправляет и корневой сертификат (это не нужно: корневые сертификаты у Firefox свои).' : '',
              f.unused > 0 ? `Сервер отправляет лишние сертификаты, которые не входят в цепочку, построенную Firefox: ${f.unused}.` : '',
            ]
              .filter(Boolean)
              .join(' ') || null
          );
      }
    },
    network: (host, port, connections) =>
      `Сетевые обращения: только ${connections} соединений TLS с ${host}, порт ${port} (и системный запрос этого имени в DNS); после рукопожатий ничего не отправлялось, и никуда больше обращений не было.`,
  },
};

function iso(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : '?';
}

/** Node's version names as people write them. */
export function versionName(version: string): string {
  return version === 'TLSv1' ? 'TLS 1.0' : version.replace(/^TLSv/, 'TLS ');
}
