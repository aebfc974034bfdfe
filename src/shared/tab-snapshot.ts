// What the background records about the last top-level load of a tab. Plain data: it is
// stored in storage.session (the event page forgets module state when it unloads) and read
// by the popup. Facts only; meaning (decoded names, diagnosis) is derived where it is shown.

export type LoadStatus = 'loading' | 'failed' | 'loaded';

export interface CapturedFailure {
  /** The number from webNavigation's "Error code N", or null when Firefox gave no number. */
  readonly errorNumber: number | null;
  /** Firefox's text as received, kept for the technical details (never rendered as HTML). */
  readonly rawError: string;
  readonly at: number;
}

export interface TabSnapshot {
  readonly schema: 1;
  readonly tabId: number;
  /** The URL of the top-level load. On a certificate error the tab keeps this https URL. */
  readonly url: string;
  readonly startedAt: number;
  readonly status: LoadStatus;
  readonly failure?: CapturedFailure;
}

export function isTabSnapshot(value: unknown): value is TabSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v['schema'] === 1 &&
    typeof v['tabId'] === 'number' &&
    typeof v['url'] === 'string' &&
    typeof v['startedAt'] === 'number' &&
    (v['status'] === 'loading' || v['status'] === 'failed' || v['status'] === 'loaded')
  );
}
