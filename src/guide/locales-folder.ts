// Where a language's messages are: _locales/<folder>/messages.json. WebExtensions write a
// region with an underscore (pt_BR) where Cert Doctor's language names use a hyphen (pt-BR).
// Here, not in the table of languages, so that the popup can find a file without that table.

export function localesFolderOf(language: string): string {
  return language.replace('-', '_');
}
