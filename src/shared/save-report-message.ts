// The one message between the extension's pages and its background: "save this report as a
// file". The background saves it with the downloads API (a page's own download would be
// cancelled when a popup closes), and only once the person granted the optional permission.

export interface SaveReportMessage {
  readonly type: 'save-report';
  readonly filename: string;
  readonly content: string;
  readonly mime: string;
}

export type SaveReportReply = { readonly ok: true; readonly filename: string } | { readonly ok: false; readonly error: string };

const MIME_TYPES: ReadonlySet<string> = new Set(['text/plain', 'text/markdown', 'text/html', 'application/json']);
const MAX_CONTENT = 2 * 1024 * 1024;

export function isSaveReportMessage(value: unknown): value is SaveReportMessage {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v['type'] === 'save-report' &&
    typeof v['filename'] === 'string' &&
    /^cert-doctor-report-[a-z0-9.-]{1,120}\.(txt|md|html|json)$/.test(v['filename']) &&
    typeof v['content'] === 'string' &&
    v['content'].length <= MAX_CONTENT &&
    typeof v['mime'] === 'string' &&
    MIME_TYPES.has(v['mime'])
  );
}

/** cert-doctor-report-<host>-<yyyy-mm-dd>.<ext>, with only safe characters. */
export function reportFilename(host: string, date: Date, extension: 'txt' | 'md' | 'html' | 'json'): string {
  const safeHost =
    host
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 100) || 'site';
  return `cert-doctor-report-${safeHost}-${date.toISOString().slice(0, 10)}.${extension}`;
}
