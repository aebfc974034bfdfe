// The knowledge base's words in one language: a title and explanation per Firefox code, and a
// guide per cause (summary, explanation, steps per system, fixes for the site owner), plus the
// steps to turn off each interception product's HTTPS scanning. The data is JSON under
// text/<lang>/ (catalogue-data.ts; the build writes one file per language and one per entry);
// tests keep every language complete and in step with English.

import type { ErrorFamily } from '../core/error-codes/decode';
import type { CauseId } from '../rules/cause-ids';
import type { ProductGuide } from '../rules/interception-products';
import type { Language } from './languages';

export type { Language } from './languages';

export type OsKey = 'windows' | 'macos' | 'linux' | 'android';
export type ServerKey = 'nginx' | 'apache' | 'caddy' | 'iis' | 'certbot';

export interface CodeText {
  readonly title: string;
  readonly explanation: string;
}

export interface CauseText {
  readonly title: string;
  readonly summary: string;
  readonly explanation: string;
  /** `default` for every system without a list of its own. */
  readonly steps: { readonly default: readonly string[] } & Partial<Record<OsKey, readonly string[]>>;
  readonly owner: { readonly general: readonly string[] } & Partial<Record<ServerKey, readonly string[]>>;
}

export interface ProductText {
  readonly steps: readonly string[];
}

export interface CatalogueData {
  readonly codes: Readonly<Record<string, CodeText>>;
  /** What each code tells a site's administrator about the server, for reports. */
  readonly codesForOwner: Readonly<Record<string, string>>;
  readonly causes: Readonly<Record<string, CauseText>>;
  readonly products: Readonly<Record<string, ProductText>>;
}

export class Catalogue {
  constructor(
    readonly language: Language,
    /** The entries themselves (plain JSON: the background hands a view's words to the popup). */
    readonly data: CatalogueData,
  ) {}

  /** The entry for a code; an unlisted code gets its family's generic entry, never nothing. */
  code(name: string | null, family: ErrorFamily): CodeText {
    const entry = name === null ? undefined : this.data.codes[name];
    return entry ?? this.data.codes[`generic:${family}`] ?? this.fallbackCode();
  }

  /** The administrator's reading of a code; the family's generic one for an unlisted code. */
  codeForOwner(name: string | null, family: ErrorFamily): string {
    const entry = name === null ? undefined : this.data.codesForOwner[name];
    return entry ?? this.data.codesForOwner[`generic:${family}`] ?? this.code(name, family).explanation;
  }

  cause(id: CauseId): CauseText {
    return this.data.causes[id] ?? this.data.causes['unknown'] ?? this.fallbackCause(id);
  }

  /** The steps for the person's system: its own list where it has one, else the default. */
  steps(id: CauseId, os: OsKey | null): readonly string[] {
    const steps = this.cause(id).steps;
    return (os ? steps[os] : undefined) ?? steps.default;
  }

  /** The entries this catalogue holds ("code:NAME", "cause:id", "product:id"): the popup's holds only what it shows. */
  entries(): string[] {
    return [
      ...Object.keys(this.data.codes).map((id) => `code:${id}`),
      ...Object.keys(this.data.causes).map((id) => `cause:${id}`),
      ...Object.keys(this.data.products).map((id) => `product:${id}`),
    ];
  }

  productSteps(guide: ProductGuide): readonly string[] {
    return this.data.products[guide]?.steps ?? this.data.products['unknown']?.steps ?? [];
  }

  private fallbackCode(): CodeText {
    return { title: 'generic:unknown', explanation: '' };
  }

  private fallbackCause(id: string): CauseText {
    return { title: id, summary: '', explanation: '', steps: { default: [] }, owner: { general: [] } };
  }
}

/** runtime.getPlatformInfo().os to the catalogue's system keys. */
export function osKey(os: string | null): OsKey | null {
  switch (os) {
    case 'win':
      return 'windows';
    case 'mac':
      return 'macos';
    case 'android':
      return 'android';
    case 'linux':
    case 'openbsd':
    case 'cros':
      return 'linux';
    default:
      return null;
  }
}
