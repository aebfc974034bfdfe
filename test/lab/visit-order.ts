// The order in which a test visits lab cases in one browser: cases marked runFirst lead, and a
// case that depends on another (`after`) comes right after it.

import type { LabCaseSpec } from './types';

export function orderForVisits<T extends LabCaseSpec>(cases: readonly T[]): T[] {
  const first = cases.filter((c) => c.runFirst);
  const rest = cases.filter((c) => !c.runFirst && !c.after);
  const ordered = [...first, ...rest];
  const dependents = cases.filter((c) => c.after);
  for (const dependent of dependents) {
    const at = ordered.findIndex((c) => c.id === dependent.after);
    if (at < 0) throw new Error(`Lab case ${dependent.id} must come after ${String(dependent.after)}, which does not exist.`);
    ordered.splice(at + 1, 0, dependent);
  }
  return ordered;
}

/**
 * After the case that must come first, pages that load come before pages that fail: a browser
 * that has loaded a few sites has a measured clock, which is what the time cases assume (the
 * clock is right, so an expired certificate is the site's fault).
 */
export function loadedFirst<T extends LabCaseSpec>(cases: readonly T[]): T[] {
  const [first, ...rest] = cases;
  const loads = rest.filter((c) => c.expectedCode === '');
  return [...(first ? [first] : []), ...loads, ...rest.filter((c) => c.expectedCode !== '')];
}
