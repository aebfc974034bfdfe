// After a redirect whose last hop failed, the chain kept is the redirecting host's: the report
// about the failing site must not present it as that site's certificates.

import { buildReport } from '../../src/report/report-model';
import type { TabSnapshot } from '../../src/shared/tab-snapshot';
import { recorded, reportInputFor, type Recorded } from './support/report-input';

const EXPIRED = 2153390069; // SEC_ERROR_EXPIRED_CERTIFICATE, as Firefox 153 reports it ("Error code 2153390069")

/** The lab's valid site as a sign-in server that sent the browser on to a site that failed. */
function redirectedToFailure(valid: Recorded): Recorded {
  const snapshot: TabSnapshot = {
    ...valid.snapshot,
    url: 'https://app.lab.test/',
    status: 'failed',
    failure: { errorNumber: EXPIRED, rawError: `Error code ${EXPIRED}`, at: valid.snapshot.startedAt + 1 },
  };
  return { ...valid, snapshot };
}

describe("the report names only the failing site's own chain", () => {
  const valid = recorded('valid');

  test('the page that sent the chain: its certificates are in its report', () => {
    const report = buildReport(reportInputFor(valid));
    expect(report.certificates.length).toBeGreaterThan(0);
    expect(report.chainPem).not.toBeNull();
  });

  test("the site the chain's sender redirected to: no certificates, no PEM", () => {
    const input = reportInputFor(redirectedToFailure(valid));
    expect(input.snapshot.security?.certificates.length).toBeGreaterThan(0);
    const report = buildReport(input);
    expect(report.site.host).toBe('app.lab.test');
    expect(report.certificates).toEqual([]);
    expect(report.chainPem).toBeNull();
  });
});
