// The served-chain section's words in English and Russian (served-chain.ts). Plain sentences for
// a site's administrator; certificate fields arrive already cleaned.

import type { Language } from '../guide/catalogue';
import type { ServedCertificateLine, ServedChainWords } from './served-chain';

function namesText(line: ServedCertificateLine, more: (count: number) => string): string {
  const shown = line.names.join(', ');
  return line.nameCount > line.names.length ? `${shown} ${more(line.nameCount - line.names.length)}` : shown;
}

export const SERVED_CHAIN_WORDS: Readonly<Record<Language, ServedChainWords>> = {
  en: {
    heading: 'The certificates the server sends',
    connection: (protocol, cipher) => `Connection: ${protocol}${cipher ? `, ${cipher}` : ''}`,
    stapled: (yes) => (yes ? 'The server attaches an OCSP response (stapling).' : 'The server attaches no OCSP response (no stapling).'),
    order: (order) =>
      order === 'wire'
        ? 'In the order the server sends them (read from the TLS 1.2 handshake).'
        : 'As linked by issuer: the server’s own order can be read only over TLS 1.2, which this server did not use; certificates that link to nothing are left out.',
    certificate: (index, line) =>
      [
        `Certificate ${index}: ${line.subject || '(no subject)'}`,
        `issued by ${line.issuer || '(no issuer)'}`,
        `valid from ${line.notBefore} to ${line.notAfter}`,
        ...(line.nameCount > 0 ? [`names: ${namesText(line, (n) => `and ${n} more`)}`] : []),
        ...(line.selfIssued ? ['issued by itself'] : []),
        ...(line.ca ? ['a certificate authority'] : []),
      ].join('; '),
    unreadable: (index) => `Certificate ${index}: not a readable certificate`,
    none: 'The server sent no certificate before the connection ended.',
  },
  ru: {
    heading: 'Сертификаты, которые отправляет сервер',
    connection: (protocol, cipher) => `Соединение: ${protocol}${cipher ? `, ${cipher}` : ''}`,
    stapled: (yes) => (yes ? 'Сервер прикладывает ответ OCSP (stapling).' : 'Сервер не прикладывает ответ OCSP (без stapling).'),
    order: (order) =>
      order === 'wire'
        ? 'В том порядке, в каком их отправляет сервер (прочитано из рукопожатия TLS 1.2).'
        : 'Связаны по издателю: собственный порядок сервера виден только по TLS 1.2, а этот сервер его не использовал; сертификаты, ни с чем не связанные, не показаны.',
    certificate: (index, line) =>
      [
        `Сертификат ${index}: ${line.subject || '(без субъекта)'}`,
        `издатель ${line.issuer || '(без издателя)'}`,
        `действует с ${line.notBefore} по ${line.notAfter}`,
        ...(line.nameCount > 0 ? [`имена: ${namesText(line, (n) => `и ещё ${n}`)}`] : []),
        ...(line.selfIssued ? ['выдан сам себе'] : []),
        ...(line.ca ? ['удостоверяющий центр'] : []),
      ].join('; '),
    unreadable: (index) => `Сертификат ${index}: не удалось прочитать`,
    none: 'Сервер не отправил ни одного сертификата до конца соединения.',
  },
};
