import { Button, Checkbox, FormField, FormLabel, Paragraph } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useState } from 'react';
import { ApiProblem } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

export interface FieldDefinition {
  name: string;
  label: string;
  kind: 'text' | 'email' | 'url' | 'tel' | 'date' | 'textarea' | 'json' | 'checkbox' | 'select' | 'number';
  required?: boolean;
  description?: string;
  options?: { value: string; label: string }[];
}

export type FormValues = Record<string, string | boolean>;

/** Invalid JSON goes to the API as it is, so the answer names the field and what is wrong with it. */
function parseJsonOrKeep(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Turns form values into a request body: empty optional text becomes null, numbers become numbers. */
export function bodyFrom(fields: FieldDefinition[], values: FormValues, isNew: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'checkbox') body[field.name] = Boolean(value);
    else if (field.kind === 'number') body[field.name] = value === '' ? undefined : Number(value);
    else if (field.kind === 'json' && typeof value === 'string' && value.trim() !== '') body[field.name] = parseJsonOrKeep(value);
    else if (field.kind === 'textarea' && value === '') body[field.name] = '';
    // Empty and required: leave it out so the API names the field; empty and optional: clear it on change.
    else if (typeof value === 'string' && value.trim() === '') body[field.name] = field.required || isNew ? undefined : null;
    else body[field.name] = value;
  }
  return body;
}

/** A form for one record, with field errors from problem+json beside the fields and a summary on top. */
export function RecordForm(props: { idPrefix: string; fields: FieldDefinition[]; initial: FormValues; submitLabel: string; busy: boolean; error: unknown; onSubmit(values: FormValues): void; onCancel?(): void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<FormValues>(props.initial);
  const problem = props.error instanceof ApiProblem ? props.error : undefined;
  const fieldId = (name: string) => `${props.idPrefix}-${name}`;
  const set = (name: string, value: string | boolean) => setValues((current) => ({ ...current, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit(values);
  };
  return (
    <form className="app-form" onSubmit={submit} noValidate>
      <ProblemAlert error={props.error} fieldIds={Object.fromEntries(props.fields.map((field) => [`body.${field.name}`, fieldId(field.name)]))} />
      {props.fields.map((field) => {
        const error = problem?.fieldError(`body.${field.name}`);
        if (field.kind === 'checkbox') {
          return (
            <FormField key={field.name} type="checkbox">
              <Paragraph>
                <Checkbox id={fieldId(field.name)} checked={Boolean(values[field.name])} onChange={(event) => set(field.name, (event.target as HTMLInputElement).checked)} />{' '}
                <FormLabel htmlFor={fieldId(field.name)} type="checkbox">
                  {field.label}
                </FormLabel>
              </Paragraph>
              {error && <Paragraph>{error}</Paragraph>}
            </FormField>
          );
        }
        if (field.kind === 'select') {
          return (
            <SelectField
              key={field.name}
              id={fieldId(field.name)}
              label={field.label}
              required={field.required}
              value={String(values[field.name] ?? '')}
              onChange={(value) => set(field.name, value)}
              options={[{ value: '', label: t('common.choose') }, ...(field.options ?? [])]}
              error={error}
            />
          );
        }
        return (
          <TextField
            key={field.name}
            id={fieldId(field.name)}
            label={field.label}
            description={field.description}
            type={field.kind === 'textarea' || field.kind === 'json' || field.kind === 'number' ? 'text' : field.kind}
            multiline={field.kind === 'textarea' || field.kind === 'json'}
            required={field.required}
            value={String(values[field.name] ?? '')}
            onChange={(value) => set(field.name, value)}
            error={error}
          />
        );
      })}
      <div>
        <Button type="submit" appearance="primary-action-button" busy={props.busy} disabled={props.busy}>
          {props.submitLabel}
        </Button>{' '}
        {props.onCancel && (
          <Button type="button" appearance="secondary-action-button" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
