// HTTPS interception products, recognised by the issuer of the certificate Firefox was shown
// (the MITM software list of Chromium's SSL error assistant, ssl_error_assistant.asciipb in
// the Chromium source, plus products that
// users meet in Russian-speaking countries). Data, matched by diagnosis/chain-facts.ts.
// `guide` names the steps in src/guide/text/<lang>/products.json.

export type ProductKind = 'antivirus' | 'corporate' | 'filter' | 'test';
export type ProductGuide = 'avast' | 'avg' | 'bitdefender' | 'eset' | 'kaspersky' | 'norton' | 'corporate' | 'unknown';

export interface InterceptionProduct {
  readonly id: string;
  /** Brand name, shown as is in every language. */
  readonly name: string;
  readonly kind: ProductKind;
  readonly guide: ProductGuide;
  /** Matched against the issuer's (or the root's) Common Name and Organization. */
  readonly cn?: RegExp;
  readonly o?: RegExp;
}

export const INTERCEPTION_PRODUCTS: readonly InterceptionProduct[] = [
  { id: 'avast', name: 'Avast / AVG', kind: 'antivirus', guide: 'avast', cn: /^avast! Web\/Mail Shield/i, o: /^avast! Web\/Mail Shield/i },
  { id: 'avg', name: 'AVG', kind: 'antivirus', guide: 'avg', cn: /^AVG Web\/Mail Shield/i, o: /^AVG Web\/Mail Shield/i },
  {
    id: 'bitdefender',
    name: 'Bitdefender',
    kind: 'antivirus',
    guide: 'bitdefender',
    cn: /^Bitdefender Personal CA\.Net-Defender/i,
    o: /^Bitdefender/i,
  },
  { id: 'eset', name: 'ESET', kind: 'antivirus', guide: 'eset', cn: /^ESET SSL Filter CA/i },
  { id: 'kaspersky', name: 'Kaspersky', kind: 'antivirus', guide: 'kaspersky', cn: /^Kaspersky Anti-Virus Personal Root/i },
  { id: 'norton', name: 'Norton', kind: 'antivirus', guide: 'norton', cn: /^Norton (Web\/Mail Shield|Security)/i },
  { id: 'drweb', name: 'Dr.Web', kind: 'antivirus', guide: 'unknown', cn: /^Dr\.Web/i },
  { id: 'cisco-umbrella', name: 'Cisco Umbrella', kind: 'corporate', guide: 'corporate', cn: /^Cisco Umbrella (Root CA|Primary SubCA)/i },
  {
    id: 'contentkeeper',
    name: 'ContentKeeper',
    kind: 'filter',
    guide: 'corporate',
    cn: /^ContentKeeper Appliance CA \(\d+\)/i,
    o: /^ContentKeeper Technologies/i,
  },
  { id: 'cyberoam', name: 'Cyberoam', kind: 'corporate', guide: 'corporate', o: /^Cyberoam Certificate Authority/i },
  { id: 'forcepoint', name: 'Forcepoint', kind: 'corporate', guide: 'corporate', cn: /^Forcepoint Cloud CA/i, o: /^Forcepoint LLC/i },
  { id: 'fortigate', name: 'FortiGate', kind: 'corporate', guide: 'corporate', cn: /^FortiGate CA/i },
  { id: 'fortinet', name: 'Fortinet', kind: 'corporate', guide: 'corporate', o: /^Fortinet( Ltd\.)?$/i },
  { id: 'mcafee-web-gateway', name: 'McAfee Web Gateway', kind: 'corporate', guide: 'corporate', cn: /^McAfee Web Gateway/i },
  { id: 'netspark', name: 'NetSpark', kind: 'filter', guide: 'corporate', cn: /^www\.netspark\.com/i, o: /^NetSpark/i },
  { id: 'smoothwall', name: 'Smoothwall', kind: 'filter', guide: 'corporate', cn: /^Smoothwall-default-root-certificate-authority/i },
  { id: 'sonicwall', name: 'SonicWall', kind: 'corporate', guide: 'corporate', o: /^HTTPS Management Certificate for SonicWALL/i },
  { id: 'sophos-utm', name: 'Sophos UTM', kind: 'corporate', guide: 'corporate', cn: /^sophosutm Proxy CA/i, o: /^sophosutm/i },
  {
    id: 'sophos-web-appliance',
    name: 'Sophos Web Appliance',
    kind: 'corporate',
    guide: 'corporate',
    cn: /^Sophos Web Appliance/i,
    o: /^Sophos Plc/i,
  },
  {
    id: 'sophos',
    name: 'Sophos',
    kind: 'corporate',
    guide: 'corporate',
    cn: /^(Sophos SSL CA_[A-Z0-9-]+|Sophos_CA_[A-Z0-9]+)/i,
    o: /^Sophos$/i,
  },
  { id: 'blue-coat', name: 'Blue Coat', kind: 'corporate', guide: 'corporate', o: /^Blue Coat/i },
  { id: 'trend-micro-iwss', name: 'Trend Micro IWSS', kind: 'corporate', guide: 'corporate', cn: /^IWSS\.TREND/i },
  { id: 'zscaler', name: 'Zscaler', kind: 'corporate', guide: 'corporate', o: /^Zscaler Inc\./i },
  { id: 'badssl-test', name: 'BadSSL MITM Software Test', kind: 'test', guide: 'unknown', cn: /^BadSSL MITM Software Test/i },
];
