// The id under which Firefox's CustomizableUI knows the extension's toolbar button, which the
// toolbar e2e test looks up. Expected values follow Firefox 153's makeWidgetId
// (ExtensionCommon.sys.mjs: lower case, [^a-z0-9_-] -> "_") and actionWidgetId
// (ext-browserAction.js: + "-browser-action").

import { browserActionWidgetId, extensionId } from '../firefox/extension';

describe('browserActionWidgetId', () => {
  test("Cert Doctor's id: the @ and the dot become underscores", () => {
    expect(extensionId).toBe('cert-doctor@cert-doctor.net');
    expect(browserActionWidgetId(extensionId)).toBe('cert-doctor_cert-doctor_net-browser-action');
  });

  test('lower case; keeps letters, digits, "_" and "-"; anything else becomes "_"', () => {
    expect(browserActionWidgetId('{8A1B-c2_d}')).toBe('_8a1b-c2_d_-browser-action');
  });
});
