// The key of the settings in storage.local, apart from settings.ts: the popup reads one setting
// (the language) without the table of languages that settings.ts checks values against.

export const SETTINGS_KEY = 'settings';
