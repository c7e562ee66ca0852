import { Select, SelectOption } from '@utrecht/component-library-react/css-module';
import type { ChangeEvent } from 'react';
import { LabelledField, type LabelledFieldProps } from './LabelledField.tsx';

/** A labelled select with its description and error message wired up for assistive technology. */
export function SelectField(props: LabelledFieldProps & { value: string; onChange(value: string): void; options: { value: string; label: string }[] }) {
  return (
    <LabelledField {...props}>
      {(describedBy) => (
        <Select id={props.id} value={props.value} invalid={Boolean(props.error)} aria-describedby={describedBy} onChange={(event: ChangeEvent<HTMLSelectElement>) => props.onChange(event.target.value)}>
          {props.options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
      )}
    </LabelledField>
  );
}
