// The report as JSON for tools, following report.schema.json (its $id is REPORT_SCHEMA_ID;
// a new version of the schema gets a new id and version number).

import type { Report } from './report-model';

export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
