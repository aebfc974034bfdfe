// Who a report is for, from the diagnosis alone (small: the popup imports it for its button's
// label without the report's model).

import type { Diagnosis } from '../diagnosis/types';
import { CAUSES } from '../rules/causes';

export type Audience = 'site-owner' | 'it-department';

/** Who can fix it: the site's owner, or the visitor's IT department when the cause is on their side. */
export function audienceFor(diagnosis: Diagnosis): Audience {
  const top = diagnosis.causes[0];
  return top && CAUSES[top.id].side !== 'site' ? 'it-department' : 'site-owner';
}
