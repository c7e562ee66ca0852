import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Paragraph, Select, SelectOption } from '@utrecht/component-library-react/css-module';
import type { ChangeEvent } from 'react';

/** A labelled select with its description and error message wired up for assistive technology. */
export function SelectField(props: { id: string; label: string; value: string; onChange(value: string): void; options: { value: string; label: string }[]; error?: string; description?: string; required?: boolean }) {
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
      <Select id={props.id} value={props.value} invalid={Boolean(props.error)} aria-describedby={describedBy} onChange={(event: ChangeEvent<HTMLSelectElement>) => props.onChange(event.target.value)}>
        {props.options.map((option) => (
          <SelectOption key={option.value} value={option.value}>
            {option.label}
          </SelectOption>
        ))}
      </Select>
    </FormField>
  );
}
