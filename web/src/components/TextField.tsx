import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Paragraph, Textarea, Textbox } from '@utrecht/component-library-react/css-module';
import type { ChangeEvent } from 'react';

/** A labelled text input with its description and error message wired up for assistive technology. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  description?: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'date';
  required?: boolean;
  multiline?: boolean;
  autoComplete?: string;
}) {
  const describedBy = [props.description ? `${props.id}-description` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const onChange = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => props.onChange(event.target.value);
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
      {props.multiline ? (
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
        />
      )}
    </FormField>
  );
}
