import { MAX_MESSAGE_CHARS } from '../../src/shared/text-bounds';
import {
  beginNavigation,
  recordCertificateChange,
  recordCompletion,
  recordFailure,
  recordHttpsOnlyErrorPage,
  recordSecurity,
  startLoad,
} from '../../src/capture/navigation-state';
import { summariseSecurityInfo } from '../../src/capture/security-info';
import { fakeSecurityInfo } from './fakes/security-info';

const URL_A = 'https://expired.example.test/';
const UNKNOWN_ISSUER = 'Error code 2153390067'; // SEC_ERROR_UNKNOWN_ISSUER as Firefox 153 reports it

describe('navigation state transitions', () => {
  test('a new load starts in the loading state with its URL and time', () => {
    expect(startLoad(7, URL_A, 1000)).toEqual({ schema: 2, tabId: 7, url: URL_A, startedAt: 1000, status: 'loading' });
  });

  test('a failure keeps the start time of the same load and records the number and raw text', () => {
    const failed = recordFailure(startLoad(7, URL_A, 1000), 7, URL_A, UNKNOWN_ISSUER, 1200);
    expect(failed).toEqual({
      schema: 2,
      tabId: 7,
      url: URL_A,
      startedAt: 1000,
      status: 'failed',
      failure: { errorNumber: 2153390067, rawError: UNKNOWN_ISSUER, at: 1200 },
    });
  });

  test('a failure with no preceding start (event page woke late) still records a load', () => {
    const failed = recordFailure(undefined, 3, URL_A, UNKNOWN_ISSUER, 50);
    expect(failed?.status).toBe('failed');
    expect(failed?.startedAt).toBe(50);
  });

  test('a cancelled load (NS_BINDING_ABORTED) is not a failure', () => {
    const loading = startLoad(7, URL_A, 1000);
    expect(recordFailure(loading, 7, URL_A, 'Error code 2152398850', 1100)).toBe(loading);
  });

  test('text that is not "Error code N" is kept verbatim with no number', () => {
    const failed = recordFailure(undefined, 1, URL_A, '<b>weird</b>', 5);
    expect(failed?.failure).toEqual({ errorNumber: null, rawError: '<b>weird</b>', at: 5 });
  });

  test('an overlong error text is cut to MAX_MESSAGE_CHARS', () => {
    const failed = recordFailure(undefined, 1, URL_A, 'x'.repeat(10_000), 5);
    expect(failed?.failure?.rawError).toHaveLength(MAX_MESSAGE_CHARS);
  });

  test('completing the error page does not erase the failure', () => {
    const failed = recordFailure(startLoad(7, URL_A, 1000), 7, URL_A, UNKNOWN_ISSUER, 1200);
    expect(recordCompletion(failed, 7, URL_A, 1300)).toBe(failed);
  });

  test('completing a normal load marks it loaded', () => {
    expect(recordCompletion(startLoad(7, URL_A, 1000), 7, URL_A, 1300)).toMatchObject({ status: 'loaded', startedAt: 1000 });
  });

  test('completion of another URL replaces an older failure', () => {
    const failed = recordFailure(startLoad(7, URL_A, 1000), 7, URL_A, UNKNOWN_ISSUER, 1200);
    const next = recordCompletion(failed, 7, 'https://valid.example.test/', 2000);
    expect(next).toEqual({ schema: 2, tabId: 7, url: 'https://valid.example.test/', startedAt: 2000, status: 'loaded' });
  });
});

describe('recordCertificateChange', () => {
  const previous = {
    host: 'a.test',
    issuer: 'CN=Old CA',
    root: 'CN=Root',
    rootBuiltIn: true,
    spkiSha256: 's',
    leafSha256: 'l',
    notAfter: 5,
    firstSeen: 1,
    lastSeen: 2,
  };

  test('notes the change on the load it belongs to', () => {
    const loaded = startLoad(3, 'https://a.test/', 10);
    expect(recordCertificateChange(loaded, 'https://a.test/', { change: 'new-root', previous })?.certificateChange).toEqual({
      change: 'new-root',
      previous,
    });
  });

  test('leaves another load, a failed load, or no load alone', () => {
    const other = startLoad(3, 'https://b.test/', 10);
    expect(recordCertificateChange(other, 'https://a.test/', { change: 'new-root', previous })).toBe(other);
    const failedLoad = recordFailure(startLoad(3, 'https://a.test/', 10), 3, 'https://a.test/', 'Error code 2153390069', 11);
    expect(recordCertificateChange(failedLoad, 'https://a.test/', { change: 'new-root', previous })).toBe(failedLoad);
    expect(recordCertificateChange(undefined, 'https://a.test/', { change: 'new-root', previous })).toBeUndefined();
  });
});

// Measured in Firefox 153 with HTTPS-Only mode on (test/e2e/network-situations.test.ts): the load
// starts as http://, fails as https:// with the https attempt's code, then about:httpsonlyerror.
describe('an upgrade Firefox made by itself', () => {
  const RECORD_TOO_LONG = 'Error code 2153394151';

  test('a failure at the https twin of the http address that started keeps the http address (without its query)', () => {
    const failed = recordFailure(startLoad(5, 'http://plain.test:8080/a?b', 10), 5, 'https://plain.test:8080/a?b', RECORD_TOO_LONG, 11);
    expect(failed).toMatchObject({ url: 'https://plain.test:8080/a', requestedUrl: 'http://plain.test:8080/a', status: 'failed' });
  });

  test('no requested address for an ordinary https failure, nor for a redirect to another host', () => {
    expect(recordFailure(startLoad(5, 'https://a.test/', 10), 5, 'https://a.test/', RECORD_TOO_LONG, 11)).not.toHaveProperty(
      'requestedUrl',
    );
    expect(recordFailure(startLoad(5, 'http://a.test/', 10), 5, 'https://b.test/', RECORD_TOO_LONG, 11)).not.toHaveProperty('requestedUrl');
  });

  test("HTTPS-Only mode's error page marks the failure it explains, and only a failure", () => {
    const failed = recordFailure(startLoad(5, 'http://plain.test/', 10), 5, 'https://plain.test/', RECORD_TOO_LONG, 11);
    expect(recordHttpsOnlyErrorPage(failed)).toEqual({ ...failed, errorPage: 'https-only' });
    const loading = startLoad(5, 'http://plain.test/', 10);
    expect(recordHttpsOnlyErrorPage(loading)).toBe(loading);
    expect(recordHttpsOnlyErrorPage(undefined)).toBeUndefined();
  });
});

describe('the start of a navigation that Firefox reports late', () => {
  // Firefox 153 can deliver webNavigation.onBeforeNavigate after webRequest's events of the same
  // load (measured in a new private window and with tabs opened back to back).
  const NAVIGATION_AT = 5_000;
  const security = summariseSecurityInfo(fakeSecurityInfo(), URL_A, NAVIGATION_AT + 80);
  if (!security) throw new Error('fixture');
  const privateContext = { incognito: true, cookieStoreId: 'firefox-private' };
  const earlyFacts = recordSecurity(undefined, 7, security, privateContext, NAVIGATION_AT + 80);

  test('the facts already recorded for this load are kept: the chain and the private-window mark', () => {
    const kept = beginNavigation(earlyFacts, 7, URL_A, NAVIGATION_AT, NAVIGATION_AT + 100);
    expect(kept).toBe(earlyFacts);
    expect(kept.security?.certificates.length).toBeGreaterThan(0);
    expect(kept.context?.incognito).toBe(true);
  });

  test('the same address with its query is the same stored address', () => {
    expect(beginNavigation(earlyFacts, 7, `${URL_A}?token=x#f`, NAVIGATION_AT, NAVIGATION_AT + 100)).toBe(earlyFacts);
  });

  test('anything else is a new load: an older load of the address, another address, a finished load', () => {
    const fresh = startLoad(7, URL_A, NAVIGATION_AT + 100);
    expect(beginNavigation(earlyFacts, 7, URL_A, NAVIGATION_AT + 81, NAVIGATION_AT + 100)).toEqual(fresh);
    expect(beginNavigation(earlyFacts, 7, 'https://other.example.test/', NAVIGATION_AT, NAVIGATION_AT + 100)).toEqual(
      startLoad(7, 'https://other.example.test/', NAVIGATION_AT + 100),
    );
    const finished = recordCompletion(earlyFacts, 7, URL_A, NAVIGATION_AT + 90);
    expect(beginNavigation(finished, 7, URL_A, NAVIGATION_AT, NAVIGATION_AT + 100)).toEqual(fresh);
    expect(beginNavigation(undefined, 7, URL_A, NAVIGATION_AT, NAVIGATION_AT + 100)).toEqual(fresh);
  });
});
