import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Paragraph } from '@utrecht/component-library-react/css-module';
import type { ReactNode } from 'react';

export interface LabelledFieldProps {
  id: string;
  label: string;
  error?: string;
  description?: string;
  required?: boolean;
}

/**
 * The frame every form field shares: its label (with * when required), its description and its error message,
 * wired to the input through aria-describedby, which the input receives from `children`.
 */
export function LabelledField(props: LabelledFieldProps & { children(describedBy: string | undefined): ReactNode }) {
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
      {props.children(describedBy)}
    </FormField>
  );
}
