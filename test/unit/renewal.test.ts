import { LONGEST_WARNING_MS, renewalOverdue, warningPeriodMs } from '../../src/core/certificate/renewal';
import { DEFAULT_SETTINGS, settingsFrom } from '../../src/shared/settings';

const DAY = 86_400_000;
const NOW = 1_800_000_000_000;

describe('warningPeriodMs: a third of the lifetime, never more than 30 days', () => {
  // Lifetimes from the CA/Browser Forum schedule (SC-081) and short-lived ACME certificates.
  test.each([
    ['6-day certificate', 6, 2],
    ['47-day certificate', 47, 47 / 3],
    ['90-day certificate', 90, 30],
    ['100-day certificate', 100, 30],
    ['200-day certificate', 200, 30],
    ['398-day certificate', 398, 30],
  ])('%s', (_name, lifetimeDays, expectedDays) => {
    expect(warningPeriodMs(NOW, NOW + lifetimeDays * DAY)).toBeCloseTo(expectedDays * DAY, -1);
  });
  test('the cap is 30 days', () => {
    expect(LONGEST_WARNING_MS).toBe(30 * DAY);
  });
  test('a certificate whose end is not after its start has no warning period', () => {
    expect(warningPeriodMs(NOW, NOW)).toBe(0);
    expect(warningPeriodMs(NOW, NOW - DAY)).toBe(0);
  });
});

describe('renewalOverdue', () => {
  test('a 6-day certificate: not with 3 days left, yes with 1 day left', () => {
    expect(renewalOverdue(NOW - 3 * DAY, NOW + 3 * DAY, NOW)).toBe(false);
    expect(renewalOverdue(NOW - 5 * DAY, NOW + 1 * DAY, NOW)).toBe(true);
  });
  test('a 398-day certificate: not with 60 days left (a third would be 132), yes with 29', () => {
    expect(renewalOverdue(NOW - 338 * DAY, NOW + 60 * DAY, NOW)).toBe(false);
    expect(renewalOverdue(NOW - 369 * DAY, NOW + 29 * DAY, NOW)).toBe(true);
  });
  test('an expired certificate is not "expiring soon"', () => {
    expect(renewalOverdue(NOW - 10 * DAY, NOW - 1, NOW)).toBe(false);
  });
});

describe('the expiry setting', () => {
  test('on by default', () => {
    expect(DEFAULT_SETTINGS.warnBeforeExpiry).toBe(true);
    expect(settingsFrom(undefined).warnBeforeExpiry).toBe(true);
  });
  test('a stored choice is kept', () => {
    expect(settingsFrom({ warnBeforeExpiry: false }).warnBeforeExpiry).toBe(false);
  });
  test('the old fixed-days setting still loads: 0 days meant never warn, any other number means warn', () => {
    expect(settingsFrom({ expiryWarningDays: 0 }).warnBeforeExpiry).toBe(false);
    expect(settingsFrom({ expiryWarningDays: 14 }).warnBeforeExpiry).toBe(true);
    expect(settingsFrom({ expiryWarningDays: 30, keepHistory: false })).toMatchObject({ warnBeforeExpiry: true, keepHistory: false });
  });
});
