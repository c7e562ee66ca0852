import { Textarea, Textbox } from '@utrecht/component-library-react/css-module';
import type { ChangeEvent } from 'react';
import { LabelledField, type LabelledFieldProps } from './LabelledField.tsx';

/** A labelled text input with its description and error message wired up for assistive technology. */
export function TextField(
  props: LabelledFieldProps & {
    value: string;
    onChange(value: string): void;
    type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'date';
    multiline?: boolean;
    autoComplete?: string;
    inputMode?: 'numeric' | 'text' | 'email';
  },
) {
  const onChange = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => props.onChange(event.target.value);
  return (
    <LabelledField {...props}>
      {(describedBy) =>
        props.multiline ? (
          <Textarea id={props.id} value={props.value} onChange={onChange} invalid={Boolean(props.error)} aria-describedby={describedBy} required={props.required} rows={5} />
        ) : (
          <Textbox
            id={props.id}
            type={props.type ?? 'text'}
            value={props.value}
            onChange={onChange}
            invalid={Boolean(props.error)}
            aria-describedby={describedBy}
            required={props.required}
            autoComplete={props.autoComplete}
            inputMode={props.inputMode}
          />
        )
      }
    </LabelledField>
  );
}
