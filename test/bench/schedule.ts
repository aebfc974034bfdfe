// Who loads when. Three Firefox instances take three roles in every run: "extension" (the
// extension installed), "baseline" and "control" (no extension in either). The extension
// ratio compares extension with baseline; the control ratio compares control with baseline,
// the same estimator between two instances that differ in nothing, so its spread is the
// noise floor of the method.

export const ROLES = ['extension', 'baseline', 'control'] as const;
export type Role = (typeof ROLES)[number];
export const INSTANCE_COUNT = ROLES.length;

export type RoleAssignment = Readonly<Record<Role, number>>;

/**
 * Instance index of each role in run `run` (0-based). The roles rotate every run, so across
 * runs each instance plays each role and a systematically slower instance cannot pass for
 * the extension's cost.
 */
export function rolesForRun(run: number): RoleAssignment {
  return {
    extension: run % INSTANCE_COUNT,
    baseline: (run + 1) % INSTANCE_COUNT,
    control: (run + 2) % INSTANCE_COUNT,
  };
}

// All six orders of three, so over six rounds each role loads first, second and third twice
// and follows each other role equally often.
const ORDERS: readonly (readonly Role[])[] = [
  ['extension', 'baseline', 'control'],
  ['baseline', 'control', 'extension'],
  ['control', 'extension', 'baseline'],
  ['extension', 'control', 'baseline'],
  ['control', 'baseline', 'extension'],
  ['baseline', 'extension', 'control'],
];

/** The order in which the roles load in round `round` of a run. */
export function orderForRound(round: number): readonly Role[] {
  const order = ORDERS[round % ORDERS.length];
  if (order === undefined) throw new Error(`no order for round ${round}`);
  return order;
}

/** When the next load of an instance may start (ms, same clock as the inputs). */
export function earliestStart(options: {
  readonly instanceLastEnd: number;
  readonly anyLastEnd: number;
  readonly idleBeforeLoadMs: number;
  readonly gapMs: number;
}): number {
  return Math.max(options.instanceLastEnd + options.idleBeforeLoadMs, options.anyLastEnd + options.gapMs);
}
