// Parsing of webNavigation's "Error code N", kept apart from the decoding tables: the
// background runs this on every failed load and must not load ~560 table rows to do it.

export const UINT32_MAX = 0xffffffff;

const NAVIGATION_ERROR = /^\s*Error\s+code\s+([0-9]{1,10})\s*$/;
export const MAX_TEXT_LENGTH = 200;

/**
 * Parses webNavigation.onErrorOccurred's `details.error` ("Error code N") into N.
 * Returns null for anything else, including NS_ERROR_* names (see parseErrorName),
 * missing/partial digits, values above 0xFFFFFFFF and non-string input. Never throws.
 */
export function parseNavigationError(text: string): number | null {
  if (typeof text !== 'string' || text.length > MAX_TEXT_LENGTH) return null;
  const match = NAVIGATION_ERROR.exec(text);
  const digits = match?.[1];
  if (digits === undefined) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n <= UINT32_MAX ? n : null;
}

/** nsresult of a load that was cancelled (by the person, a new navigation or a download):
 * not a failure worth explaining. */
export const NS_BINDING_ABORTED = 0x804b0002;
