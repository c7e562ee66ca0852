import { Button, Textbox } from '@utrecht/component-library-react/css-module';
import { type ChangeEvent, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { LabelledField, type LabelledFieldProps } from './LabelledField.tsx';

/**
 * A password input with a button that shows what was typed: long passwords and passphrases are hard to type
 * blind, on a phone most of all. The button keeps one label and says whether it is on through aria-pressed,
 * so a screen reader announces "Show password, toggle button, pressed" rather than a label that changes under
 * the user.
 */
export function PasswordField(props: LabelledFieldProps & { value: string; onChange(value: string): void; autoComplete: 'current-password' | 'new-password' }) {
  const { t } = useI18n();
  const [isShown, setIsShown] = useState(false);
  return (
    <LabelledField {...props}>
      {(describedBy) => (
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
      )}
    </LabelledField>
  );
}
