// The extension the companion answers: the id Firefox knows it by (manifest.json's
// browser_specific_settings.gecko.id), the one the host manifest's allowed_extensions names.

import manifest from '../../manifest.json';

export const CERT_DOCTOR_EXTENSION_ID: string = manifest.browser_specific_settings.gecko.id;
