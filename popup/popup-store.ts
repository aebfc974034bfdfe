// The popup's state in one place: what it shows (the view, its words, the language), the checks
// the person ran, and the actions that change them. main.tsx wires it to Firefox and renders
// `state` with DiagnosisView, a pure function of it; the unit tests drive it with in-memory
// fakes (test/unit/popup-store.test.ts).
//
// Where the view comes from, fastest first: the background's memory (popup-handoff.ts, no round
// trip), else storage.session (ready-state.ts). It is read again whenever the background stores
// a new view; of reads that overlap, only the newest may render.

import { Catalogue, type Language } from '../src/guide/catalogue';
import { wordsKey, type WordsNeeded } from '../src/guide/guide-words';
import type { ProbeResult } from '../src/diagnosis/types';
import type { ProxyFinding } from '../src/diagnosis/proxy-settings';
import type { Translate } from '../src/shared/i18n';
import type { HandedWords, PopupHandoff } from '../src/shared/popup-handoff';
import type { UiLanguage } from '../src/shared/ui-translator';
import { schemeOf } from '../src/shared/url';
import type { PopupState, PopupTarget, Probes, SnapshotView } from './popup-state';
import { twinUrl } from './probe';
import type { ServedRequestState } from './ServedChain';
import { readPopupState, readyFromHandoff, STALE_VIEW_MS, type ReadySource } from './ready-state';

export interface PopupPageState {
  readonly view: PopupState;
  readonly language: Language;
  readonly t: Translate;
  /** The words of the shown view; null when none could be loaded (the facts still show). */
  readonly catalogue: Catalogue | null;
  /** The www check is running. */
  readonly probing: boolean;
  /** The person declined the proxy permission. */
  readonly proxyDenied: boolean;
  /** The companion request: running, or the nativeMessaging permission declined. */
  readonly servedRequest: ServedRequestState;
  /** Where the first view and the current words came from (for the end-to-end tests). */
  readonly viewFrom: 'background' | 'storage' | null;
  readonly wordsFrom: 'background' | 'files' | null;
}

/** Everything the store asks of Firefox. */
export interface PopupPorts {
  readonly source: ReadySource;
  /** The background page's handoff, or null (never throws). */
  readonly handoff: () => PopupHandoff | null;
  /** The stored language setting, unchecked ("auto" when none): uiLanguage checks it. */
  readonly languageSetting: () => Promise<string>;
  readonly uiLanguage: (setting: string) => Promise<UiLanguage>;
  readonly loadWords: (language: Language, needed: WordsNeeded) => Promise<Catalogue>;
  /** The www check: does that address answer with a certificate Firefox accepts? */
  readonly probe: (url: string) => Promise<ProbeResult>;
  /** The proxy setting, asked with the permission and given back; null when it was declined. */
  readonly readProxy: () => Promise<ProxyFinding | null>;
  /**
   * Asks for nativeMessaging (first, inside the click), then the background for the chain the
   * tab's site sends: the tab's view made again, or null when the permission was declined.
   */
  readonly askServedChain: (tabId: number) => Promise<PopupState | null>;
  readonly now: () => number;
}

export class PopupStore {
  private current: PopupPageState;
  private readonly listeners: ((state: PopupPageState) => void)[] = [];
  private probes: Probes = {};
  private latestRead = 0;
  private remade = false;
  private shownWordsKey = '';
  private words: Promise<Catalogue | null> = Promise.resolve(null);
  private activeTabQuery: ReturnType<ReadySource['activeTab']> | null = null;

  constructor(
    private readonly target: PopupTarget,
    private readonly ports: PopupPorts,
    /** Firefox's own language and strings, until the settings say otherwise. */
    firefox: UiLanguage,
  ) {
    this.current = {
      view: { kind: 'loading' },
      language: firefox.language,
      t: firefox.t,
      catalogue: null,
      probing: false,
      proxyDenied: false,
      servedRequest: 'idle',
      viewFrom: null,
      wordsFrom: null,
    };
  }

  get state(): PopupPageState {
    return this.current;
  }

  subscribe(listener: (state: PopupPageState) => void): void {
    this.listeners.push(listener);
  }

  /** The first read: the background's memory first, else storage, with the settings' language. */
  async start(): Promise<void> {
    const handedOver = readyFromHandoff(await this.targetTabId(), this.ports.handoff());
    // Otherwise the view and the settings are read at the same time.
    const pending = handedOver
      ? Promise.resolve<PopupState>(handedOver.state)
      : readPopupState(this.target, this.sourceWithOneTabQuery(), 'incident' in this.target ? this.probes : undefined);
    pending.catch(() => undefined);
    try {
      const chosen = await this.ports.uiLanguage(handedOver?.language ?? (await this.ports.languageSetting()));
      this.current = { ...this.current, language: chosen.language, t: chosen.t };
    } catch {
      // Firefox's own language and strings stay in place: never a blank popup.
    }
    this.current = { ...this.current, viewFrom: handedOver ? 'background' : 'storage' };
    if (handedOver) void this.wordsFor(handedOver.state, handedOver.words);
    await this.refresh(pending);
  }

  /** storage.session changed: a new view (or, for ?url=U, a tab's snapshot) means a new read. */
  storageChanged(keys: readonly string[]): Promise<void> {
    const url = 'url' in this.target;
    return keys.some((key) => key.startsWith('view:') || (url && key.startsWith('tab:'))) ? this.refresh() : Promise.resolve();
  }

  /** The person asked to test the site again: the checks they ran belong to the old load. */
  testAgain(): void {
    this.probes = {};
  }

  /** The www check, when the view offers one. */
  async probeWww(): Promise<void> {
    const view = this.current.view;
    if (view.kind !== 'snapshot' || !view.diagnosis.alternativeHost || this.current.probing) return;
    const url = twinUrl(view.snapshot.url, view.diagnosis.alternativeHost);
    if (!url) return;
    this.update({ probing: true });
    const result = await this.ports.probe(url);
    this.probes = { ...this.probes, www: result };
    this.current = { ...this.current, probing: false };
    await this.refresh(undefined, true);
  }

  /** The proxy check (the permission request must be the first thing the click does: readProxy). */
  async checkProxy(): Promise<void> {
    const finding = await this.ports.readProxy().catch((): ProxyFinding => ({ kind: 'unknown', where: '' }));
    if (finding === null) {
      this.update({ proxyDenied: true });
      return;
    }
    this.probes = { ...this.probes, proxy: finding };
    await this.refresh(undefined, true);
  }

  /** The chain the site sends, from the companion (the permission request must come first: askServedChain). */
  async getServedChain(): Promise<void> {
    const view = this.current.view;
    if (view.kind !== 'snapshot' || view.incidentAt !== undefined || this.current.servedRequest === 'asking') return;
    const asked = this.ports.askServedChain(view.snapshot.tabId);
    this.update({ servedRequest: 'asking' });
    let made: PopupState | null;
    try {
      made = await asked;
    } catch {
      // The background did not answer: the button comes back, everything else stays.
      this.update({ servedRequest: 'idle' });
      return;
    }
    if (made === null) {
      this.update({ servedRequest: 'denied' });
      return;
    }
    this.current = { ...this.current, servedRequest: 'idle' };
    await this.refresh(Promise.resolve(made));
  }

  /** `pending`: a read already started; `withProbes`: the person just ran a check. */
  private async refresh(pending?: Promise<PopupState>, withProbes = false): Promise<void> {
    const read = ++this.latestRead;
    let view: PopupState;
    let catalogue = this.current.catalogue;
    try {
      // A past incident is made on request each time, with the checks; a tab's view holds them.
      view = await (pending ??
        readPopupState(this.target, this.sourceWithOneTabQuery(), withProbes || 'incident' in this.target ? this.probes : undefined));
      if (view.kind === 'snapshot') catalogue = await this.wordsFor(view);
    } catch (error) {
      view = { kind: 'broken', message: error instanceof Error ? error.message : String(error) };
    }
    // Reads can overlap when the background writes in quick succession: an older, slower one
    // must not put a stale state back on screen.
    if (read !== this.latestRead) return;
    this.update({ view, catalogue });
    // Shown at once; a view made long ago is made again (its storage change re-renders).
    if (view.kind === 'snapshot' && view.incidentAt === undefined && this.ports.now() - view.now > STALE_VIEW_MS && !this.remade) {
      this.remade = true;
      this.ports.source.request({ type: 'cert-doctor:view', tabId: view.snapshot.tabId }).catch(() => undefined);
    }
  }

  /**
   * The words of a view, loaded once per language, code, causes and product (a re-render after a
   * storage change usually needs the same ones), or those the background handed over.
   */
  private wordsFor(view: SnapshotView, handed: HandedWords | null = null): Promise<Catalogue | null> {
    const needed = { code: view.code, diagnosis: view.diagnosis };
    const language = this.current.language;
    const key = wordsKey(language, needed);
    if (key !== this.shownWordsKey) {
      this.shownWordsKey = key;
      const fromBackground = handed?.key === key;
      this.current = { ...this.current, wordsFrom: fromBackground ? 'background' : 'files' };
      this.words = fromBackground
        ? Promise.resolve(new Catalogue(handed.language, handed.data))
        : // A missing file leaves the facts on screen without the guide, never a blank popup.
          this.ports.loadWords(language, needed).catch(() => null);
    }
    return this.words;
  }

  /** The tab whose view the popup shows, when that is a web page over https (else null). */
  private async targetTabId(): Promise<number | null> {
    if ('tabId' in this.target) return this.target.tabId;
    if ('url' in this.target || 'incident' in this.target) return null;
    const tab = await this.sourceWithOneTabQuery()
      .activeTab()
      .catch(() => null);
    return tab && schemeOf(tab.url) === 'https' ? tab.id : null;
  }

  /** The toolbar popup opens without a query: its tab is the active one, asked for once. */
  private sourceWithOneTabQuery(): ReadySource {
    return { ...this.ports.source, activeTab: () => (this.activeTabQuery ??= this.ports.source.activeTab()) };
  }

  private update(change: Partial<PopupPageState>): void {
    this.current = { ...this.current, ...change };
    for (const listener of this.listeners) listener(this.current);
  }
}
