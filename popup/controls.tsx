// Small form controls shared by the options page and the report page.

import type { JSX } from 'preact';
import { LANGUAGE_TABLE, LANGUAGES } from '../src/guide/languages';

/** The languages Cert Doctor speaks, each in its own name so a person finds theirs. */
export function LanguageOptions(): JSX.Element {
  return (
    <>
      {LANGUAGES.map((language) => (
        <option key={language} value={language} lang={language}>
          {LANGUAGE_TABLE[language].name}
        </option>
      ))}
    </>
  );
}

interface CheckProps {
  readonly label: string;
  readonly testId: string;
  readonly checked: boolean;
  readonly disabled?: boolean;
  readonly onChange: (value: boolean) => void;
}

/** A labelled checkbox. */
export function Check({ label, testId, checked, disabled = false, onChange }: CheckProps): JSX.Element {
  return (
    <label>
      <input
        type="checkbox"
        data-testid={testId}
        checked={checked}
        disabled={disabled}
        onChange={(e) => {
          onChange(e.currentTarget.checked);
        }}
      />{' '}
      {label}
    </label>
  );
}
