import { Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Paragraph, RadioButton } from '@utrecht/component-library-react/css-module';

/** A question with one answer from a short list, as radio buttons in a fieldset with its legend and error. */
export function ChoiceList(props: { id: string; legend: string; description?: string; options: { value: string; label: string }[]; value: string; onChange(value: string): void; error?: string; required?: boolean }) {
  const describedBy = [props.description ? `${props.id}-description` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <Fieldset id={props.id} invalid={Boolean(props.error)} aria-describedby={describedBy}>
      <FieldsetLegend>
        {props.legend}
        {props.required ? ' *' : ''}
      </FieldsetLegend>
      {props.description && <FormFieldDescription id={`${props.id}-description`}>{props.description}</FormFieldDescription>}
      {props.error && <FormFieldErrorMessage id={`${props.id}-error`}>{props.error}</FormFieldErrorMessage>}
      <div className="app-choice-list">
        {props.options.map((option) => (
          <FormField key={option.value} type="radio">
            <Paragraph>
              <RadioButton id={`${props.id}-${option.value}`} name={props.id} value={option.value} checked={props.value === option.value} onChange={() => props.onChange(option.value)} />{' '}
              <FormLabel htmlFor={`${props.id}-${option.value}`} type="radio">
                {option.label}
              </FormLabel>
            </Paragraph>
          </FormField>
        ))}
      </div>
    </Fieldset>
  );
}
