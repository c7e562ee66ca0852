import { Button, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Paragraph, Textbox } from '@utrecht/component-library-react/css-module';
import { type ChangeEvent, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * A password input with a button that shows what was typed: long passwords and passphrases are hard to type
 * blind, on a phone most of all. The button keeps one label and says whether it is on through aria-pressed,
 * so a screen reader announces "Show password, toggle button, pressed" rather than a label that changes under
 * the user.
 */
export function PasswordField(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  autoComplete: 'current-password' | 'new-password';
  error?: string;
  description?: string;
  required?: boolean;
}) {
  const { t } = useI18n();
  const [isShown, setIsShown] = useState(false);
  const describedBy = [props.description ? `${props.id}-description` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <FormField invalid={Boolean(props.error)}>
      <Paragraph>
        <FormLabel htmlFor={props.id}>
          {props.label}
          {props.required ? ' *' : ''}
        </FormLabel>
      </Paragraph>
      {props.description && <FormFieldDescription id={`${props.id}-description`}>{props.description}</FormFieldDescription>}
      {props.error && <FormFieldErrorMessage id={`${props.id}-error`}>{props.error}</FormFieldErrorMessage>}
      <div className="app-password">
        <Textbox
          id={props.id}
          type={isShown ? 'text' : 'password'}
          value={props.value}
          onChange={(event: ChangeEvent<HTMLInputElement>) => props.onChange(event.target.value)}
          invalid={Boolean(props.error)}
          aria-describedby={describedBy}
          required={props.required}
          autoComplete={props.autoComplete}
          spellCheck={false}
          autoCapitalize="off"
        />
        <Button type="button" appearance="subtle-button" aria-pressed={isShown} aria-controls={props.id} onClick={() => setIsShown((shown) => !shown)}>
          {t('password.show')}
        </Button>
      </div>
    </FormField>
  );
}
