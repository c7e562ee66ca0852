import { Button, ButtonGroup, Checkbox, Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Paragraph, Select, SelectOption } from '@utrecht/component-library-react/css-module';
import { type ChangeEvent, type FormEvent, type ReactNode, useState } from 'react';
import { ApiProblem } from '../../../api/client.ts';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { BoundaryField, boundaryFromText } from './BoundaryField.tsx';
import { ErrorSummary } from './Messages.tsx';

export interface FieldDefinition {
  name: string;
  label: string;
  /** `checkboxes`: several of the options, sent as a list of their values. */
  kind: 'text' | 'email' | 'url' | 'tel' | 'date' | 'textarea' | 'checkbox' | 'checkboxes' | 'select' | 'number' | 'boundary';
  required?: boolean;
  description?: string;
  options?: { value: string; label: string }[];
  autoComplete?: string;
  /** Only relevant with some other answer, e.g. a programme manager only for a development area. */
  shownWhen?(values: FormValues): boolean;
}

export type FormValues = Record<string, string | boolean | string[]>;

/** Invalid JSON goes to the API as it is, so the answer names the field and what is wrong with it. */
function parseJsonOrKeep(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const isShown = (field: FieldDefinition, values: FormValues) => !field.shownWhen || field.shownWhen(values);

/** Turns form values into a request body: empty optional text becomes null on a change, numbers become numbers. */
export function bodyFrom(fields: FieldDefinition[], values: FormValues, isNew: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    // A hidden field no longer applies: clear it on a change, leave it out of a new record.
    if (!isShown(field, values)) body[field.name] = isNew ? undefined : null;
    else if (field.kind === 'checkbox') body[field.name] = Boolean(value);
    else if (field.kind === 'checkboxes') body[field.name] = Array.isArray(value) ? value : [];
    else if (field.kind === 'number') body[field.name] = value === '' ? undefined : Number(value);
    else if (field.kind === 'boundary' && typeof value === 'string' && value.trim() !== '') body[field.name] = boundaryFromText(value) ?? parseJsonOrKeep(value);
    else if (field.kind === 'textarea' && value === '' && !field.required) body[field.name] = isNew ? undefined : '';
    // Empty and required: leave it out so the API names the field; empty and optional: clear it on a change.
    else if (typeof value === 'string' && value.trim() === '') body[field.name] = field.required || isNew ? undefined : null;
    else body[field.name] = value;
  }
  return body;
}

/**
 * Which form field a problem belongs to: "body.boundary.coordinates.0" belongs to the boundary field.
 * `fields` pairs the API's field path with the id of the input on the page.
 */
export function fieldIdsFor(error: unknown, fields: [path: string, id: string][]): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  const ids: Record<string, string> = {};
  for (const problem of error.errors) {
    const match = fields.find(([path]) => problem.field === path || problem.field.startsWith(`${path}.`));
    if (match) ids[problem.field] = match[1];
  }
  return ids;
}

/** The message(s) for one field, including those about its parts. */
export function fieldErrorOf(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiProblem)) return undefined;
  const messages = error.errors.filter((problem) => problem.field === path || problem.field.startsWith(`${path}.`)).map((problem) => problem.message);
  return messages.length > 0 ? [...new Set(messages)].join(' ') : undefined;
}

/**
 * A form for one record: labels, descriptions, field errors from problem+json beside the fields and a
 * summary on top that takes focus and links to them. A stale version offers the newest one (`onReload`).
 */
export function RecordForm(props: {
  idPrefix: string;
  fields: FieldDefinition[];
  initial: FormValues;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit(values: FormValues): void;
  onCancel?(): void;
  onReload?(): void;
  /** More inputs of the same form, below the fields (e.g. the roles of a new user). */
  children?: ReactNode;
  /** Extra error paths that belong to inputs in `children`. */
  childFieldIds?: [path: string, id: string][];
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<FormValues>(props.initial);
  const fieldId = (name: string) => `${props.idPrefix}-${name}`;
  const set = (name: string, value: string | boolean | string[]) => setValues((current) => ({ ...current, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The button stays enabled while saving (a disabled button drops keyboard focus); a second press waits.
    if (!props.busy) props.onSubmit(values);
  };
  const fieldIds = fieldIdsFor(props.error, [...props.fields.map((field): [string, string] => [`body.${field.name}`, fieldId(field.name)]), ...(props.childFieldIds ?? [])]);
  const hasRequired = props.fields.some((field) => field.required);

  return (
    <form className="app-form" onSubmit={submit} noValidate>
      <ErrorSummary error={props.error} fieldIds={fieldIds} onReload={props.onReload} />
      {hasRequired && <Paragraph className="admin-hint">{t('admin.form.requiredHint')}</Paragraph>}
      {props.fields.filter((field) => isShown(field, values)).map((field) => {
        const error = fieldErrorOf(props.error, `body.${field.name}`);
        const id = fieldId(field.name);
        if (field.kind === 'checkbox') {
          const describedBy = [field.description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
          return (
            <FormField
              key={field.name}
              type="checkbox"
              invalid={Boolean(error)}
              input={<Checkbox id={id} checked={Boolean(values[field.name])} invalid={Boolean(error)} aria-describedby={describedBy} onChange={(event) => set(field.name, (event.target as HTMLInputElement).checked)} />}
              label={
                <FormLabel htmlFor={id} type="checkbox">
                  {field.label}
                </FormLabel>
              }
              description={field.description && <FormFieldDescription id={`${id}-description`}>{field.description}</FormFieldDescription>}
              errorMessage={error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
            />
          );
        }
        if (field.kind === 'checkboxes') {
          const chosen = Array.isArray(values[field.name]) ? (values[field.name] as string[]) : [];
          return <CheckboxesField key={field.name} id={id} field={field} value={chosen} onChange={(value) => set(field.name, value)} error={error} />;
        }
        if (field.kind === 'select') {
          return <ChoiceField key={field.name} id={id} field={field} value={String(values[field.name] ?? '')} onChange={(value) => set(field.name, value)} error={error} />;
        }
        if (field.kind === 'boundary') {
          return (
            <BoundaryField
              key={field.name}
              id={id}
              label={field.label}
              description={field.description}
              value={String(values[field.name] ?? '')}
              onChange={(value) => set(field.name, value)}
              error={error}
              name={String(values.name ?? '')}
            />
          );
        }
        return (
          <TextField
            key={field.name}
            id={id}
            label={field.label}
            description={field.description}
            type={field.kind === 'textarea' || field.kind === 'number' ? 'text' : field.kind}
            multiline={field.kind === 'textarea'}
            required={field.required}
            autoComplete={field.autoComplete}
            value={String(values[field.name] ?? '')}
            onChange={(value) => set(field.name, value)}
            error={error}
          />
        );
      })}
      {props.children}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={props.busy}>
          {props.submitLabel}
        </Button>
        {props.onCancel && (
          <Button type="button" appearance="secondary-action-button" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </ButtonGroup>
    </form>
  );
}

/** A labelled select with its description and error wired up for assistive technology. */
function ChoiceField({ id, field, value, onChange, error }: { id: string; field: FieldDefinition; value: string; onChange(value: string): void; error?: string }) {
  const { t } = useI18n();
  const describedBy = [field.description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <FormField invalid={Boolean(error)}>
      <Paragraph>
        <FormLabel htmlFor={id}>
          {field.label}
          {field.required ? ' *' : ''}
        </FormLabel>
      </Paragraph>
      {field.description && <FormFieldDescription id={`${id}-description`}>{field.description}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      <Select id={id} value={value} invalid={Boolean(error)} aria-describedby={describedBy} onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)}>
        <SelectOption value="">{t('common.choose')}</SelectOption>
        {(field.options ?? []).map((option) => (
          <SelectOption key={option.value} value={option.value}>
            {option.label}
          </SelectOption>
        ))}
      </Select>
    </FormField>
  );
}


/** Several choices in one fieldset: the legend names the question, each option its own checkbox. */
function CheckboxesField({ id, field, value, onChange, error }: { id: string; field: FieldDefinition; value: string[]; onChange(value: string[]): void; error?: string }) {
  const describedBy = [field.description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <Fieldset id={id} className="admin-fieldset admin-checkboxes" invalid={Boolean(error)} aria-describedby={describedBy} tabIndex={-1}>
      <FieldsetLegend>{field.label}</FieldsetLegend>
      {field.description && <FormFieldDescription id={`${id}-description`}>{field.description}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      <div className="admin-checkbox-columns">
        {(field.options ?? []).map((option, index) => (
          <FormField
            key={option.value}
            type="checkbox"
            input={
              <Checkbox
                id={`${id}-${index}`}
                checked={value.includes(option.value)}
                onChange={(event) => {
                  const isChecked = (event.target as HTMLInputElement).checked;
                  onChange(isChecked ? [...value, option.value] : value.filter((chosen) => chosen !== option.value));
                }}
              />
            }
            label={
              <FormLabel htmlFor={`${id}-${index}`} type="checkbox">
                {option.label}
              </FormLabel>
            }
          />
        ))}
      </div>
    </Fieldset>
  );
}
