// The messages between the pages and the background (src/shared/messages.ts): every guard with
// what a stranger or a bug could send, the dispatcher and the checked send.

import { dispatcher, isSaveReportReply, send, type Handlers } from '../../src/shared/messages';
import { isSaveReportMessage, type SaveReportMessage } from '../../src/shared/save-report-message';
import { isServedChainMessage } from '../../src/shared/served-chain-message';
import { isViewRequest } from '../../src/shared/view-message';
import { isPopupState, isSnapshotView } from '../../src/views/snapshot-view';
import { expiredTabView } from './support/ready-view';

const GOOD_SAVE: SaveReportMessage = {
  type: 'save-report',
  filename: 'cert-doctor-report-a.test-2026-11-30.md',
  content: '# Report',
  mime: 'text/markdown',
};

describe('isViewRequest', () => {
  test.each([
    [{ type: 'cert-doctor:view', tabId: 3 }, true],
    [{ type: 'cert-doctor:view', tabId: 3, probes: { www: 'works' } }, true],
    [{ type: 'cert-doctor:view', incident: 'abc' }, true],
    [{ type: 'cert-doctor:view', tabId: 1.5 }, false],
    [{ type: 'cert-doctor:view', tabId: '3' }, false],
    [{ type: 'cert-doctor:view' }, false],
    [{ type: 'cert-doctor:view', tabId: 3, probes: null }, false],
    [{ type: 'cert-doctor:view', tabId: 3, probes: 'www' }, false],
    [{ type: 'save-report', tabId: 3 }, false],
    [null, false],
    ['cert-doctor:view', false],
  ])('%j: %s', (message, expected) => {
    expect(isViewRequest(message)).toBe(expected);
  });
});

describe('isServedChainMessage', () => {
  test.each([
    [{ type: 'cert-doctor:served-chain', tabId: 3 }, true],
    [{ type: 'cert-doctor:served-chain', tabId: 0 }, true],
    [{ type: 'cert-doctor:served-chain', tabId: -1 }, false],
    [{ type: 'cert-doctor:served-chain', tabId: 1.5 }, false],
    [{ type: 'cert-doctor:served-chain', tabId: '3' }, false],
    [{ type: 'cert-doctor:served-chain' }, false],
    [{ type: 'cert-doctor:view', tabId: 3 }, false],
    [null, false],
  ])('%j: %s', (message, expected) => {
    expect(isServedChainMessage(message)).toBe(expected);
  });
});

describe('isSaveReportMessage', () => {
  test("the report page's message passes", () => {
    expect(isSaveReportMessage(GOOD_SAVE)).toBe(true);
  });
  test.each([
    ['a path in the file name', { filename: '../../.bashrc' }],
    ['another prefix', { filename: 'evil.md' }],
    ['an extension Firefox would run', { filename: 'cert-doctor-report-a.test.exe' }],
    ['upper case and spaces', { filename: 'cert-doctor-report-A B.md' }],
    ['an unknown type', { mime: 'text/javascript' }],
    ['content that is not text', { content: 42 }],
    ['content over 2 MiB', { content: 'x'.repeat(2 * 1024 * 1024 + 1) }],
    ['another type', { type: 'cert-doctor:view' }],
  ])('refused: %s', (_why, change) => {
    expect(isSaveReportMessage({ ...GOOD_SAVE, ...change })).toBe(false);
  });
});

describe('isSaveReportReply', () => {
  test.each([
    [{ ok: true, filename: 'f.md' }, true],
    [{ ok: false, error: 'denied' }, true],
    [{ ok: true }, false],
    [{ ok: false }, false],
    [{ ok: 'yes', filename: 'f.md' }, false],
    [undefined, false],
  ])('%j: %s', (reply, expected) => {
    expect(isSaveReportReply(reply)).toBe(expected);
  });
});

describe('isPopupState and isSnapshotView', () => {
  test('a view the background made passes; each part it relies on is checked', async () => {
    const view = (await expiredTabView(2)).views.ready(2);
    expect(isSnapshotView(view)).toBe(true);
    expect(isPopupState(view)).toBe(true);
    const broken = (change: Record<string, unknown>): unknown => ({ ...view, ...change });
    expect(isSnapshotView(broken({ snapshot: { ...view?.snapshot, tabId: '2' } }))).toBe(false);
    expect(isSnapshotView(broken({ diagnosis: { verdict: 'ok' } }))).toBe(false);
    expect(isSnapshotView(broken({ certificates: { parsed: [], pem: null } }))).toBe(false);
    expect(isSnapshotView(broken({ now: '2026' }))).toBe(false);
    expect(isSnapshotView(broken({ frameCodes: undefined }))).toBe(false);
  });
  test.each([
    [{ kind: 'loading' }, true],
    [{ kind: 'no-record', tabId: null }, true],
    [{ kind: 'no-record', tabId: 4 }, true],
    [{ kind: 'no-record', tabId: '4' }, false],
    [{ kind: 'not-https', scheme: 'http', url: 'http://a.test/' }, true],
    [{ kind: 'not-https', scheme: null, url: null }, true],
    [{ kind: 'not-https', scheme: 1, url: null }, false],
    [{ kind: 'broken', message: 'x' }, true],
    [{ kind: 'broken' }, false],
    [{ kind: 'snapshot' }, false],
    [{ kind: 'other' }, false],
    [[], false],
  ])('%j: %s', (state, expected) => {
    expect(isPopupState(state)).toBe(expected);
  });
});

describe('dispatcher and send', () => {
  const handlers = (calls: string[]): Handlers => ({
    'cert-doctor:view': (request) => {
      calls.push(`view ${'tabId' in request ? request.tabId : request.incident}`);
      return Promise.resolve({ kind: 'no-record', tabId: 'tabId' in request ? request.tabId : null });
    },
    'save-report': (request) => {
      calls.push(`save ${request.filename}`);
      return Promise.resolve({ ok: true, filename: request.filename });
    },
    'cert-doctor:served-chain': (request) => {
      calls.push(`served ${request.tabId}`);
      return Promise.resolve({ kind: 'no-record', tabId: request.tabId });
    },
  });

  test("each message goes to its type's handler; anything else gets no answer", async () => {
    const calls: string[] = [];
    const listener = dispatcher(handlers(calls));
    await expect(listener({ type: 'cert-doctor:view', tabId: 5 })).resolves.toEqual({ kind: 'no-record', tabId: 5 });
    await expect(listener(GOOD_SAVE)).resolves.toEqual({ ok: true, filename: GOOD_SAVE.filename });
    expect(listener({ type: 'save-report', filename: '../x' })).toBeUndefined();
    expect(listener({ type: 'unknown' })).toBeUndefined();
    expect(listener('cert-doctor:view')).toBeUndefined();
    await expect(listener({ type: 'cert-doctor:served-chain', tabId: 2 })).resolves.toEqual({ kind: 'no-record', tabId: 2 });
    // A host in the message is not how the background is asked: only the tab id counts.
    expect(listener({ type: 'cert-doctor:served-chain', host: 'evil.test', port: 22 })).toBeUndefined();
    expect(calls).toEqual(['view 5', `save ${GOOD_SAVE.filename}`, 'served 2']);
  });

  test('send returns a reply of the right shape, and throws on any other', async () => {
    const calls: string[] = [];
    const listener = dispatcher(handlers(calls));
    const through = (message: unknown): Promise<unknown> => listener(message) ?? Promise.resolve(undefined);
    await expect(send(through, { type: 'cert-doctor:view', tabId: 7 })).resolves.toEqual({ kind: 'no-record', tabId: 7 });
    await expect(send(through, GOOD_SAVE)).resolves.toMatchObject({ ok: true });
    // A background that answers with something else (an older version, a bug, no listener).
    await expect(send(() => Promise.resolve({ ok: true }), GOOD_SAVE)).rejects.toThrow('"save-report" was not understood');
    await expect(send(() => Promise.resolve(undefined), { type: 'cert-doctor:view', tabId: 1 })).rejects.toThrow('not understood');
  });
});
