import { Alert, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ApiProblem } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function Loading() {
  const { t } = useI18n();
  return (
    <Paragraph role="status" aria-live="polite">
      {t('common.loading')}
    </Paragraph>
  );
}

/**
 * Shows what went wrong; for field problems, a summary with links to the fields (WCAG 3.3.1) that takes the focus
 * when it appears, so keyboard and screen-reader users start from the list of what to correct.
 */
export function ProblemAlert({ error, fieldIds = {} }: { error: unknown; fieldIds?: Record<string, string> }) {
  const { t } = useI18n();
  const summary = useRef<HTMLDivElement>(null);
  const problem = error instanceof ApiProblem ? error : undefined;
  const isFieldSummary = Boolean(problem && problem.errors.length > 0);
  useEffect(() => {
    if (error && isFieldSummary) summary.current?.focus();
  }, [error, isFieldSummary]);
  if (!error) return null;
  return (
    <Alert type="error" role="alert" ref={summary} tabIndex={isFieldSummary ? -1 : undefined}>
      <Paragraph>
        <strong>{problem?.title ?? t('common.error')}</strong> {problem?.detail ?? String((error as Error).message ?? error)}
      </Paragraph>
      {problem && problem.errors.length > 0 && (
        <UnorderedList>
          {problem.errors.map((fieldError) => (
            <UnorderedListItem key={fieldError.field + fieldError.code}>
              {/* A field this form does not show still gets its message, never its place in the schema. */}
              {fieldIds[fieldError.field] ? <FieldLink fieldId={fieldIds[fieldError.field]} message={fieldError.message} /> : fieldError.message}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </Alert>
  );
}

/**
 * A summary item names the field it is about ("Onderwerp: Vul minstens 5 tekens in."), so "at least 5" and
 * "at least 20" are told apart without following the link. The name is the field's label as the page shows it
 * (the legend for a box in a group), without the required-field star.
 */
function FieldLink({ fieldId, message }: { fieldId: string; message: string }) {
  const [name, setName] = useState<string>();
  useLayoutEffect(() => {
    const field = document.getElementById(fieldId);
    const isChoice = field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio');
    const label = field instanceof HTMLFieldSetElement ? field.querySelector('legend') : isChoice ? field.closest('fieldset')?.querySelector('legend') : document.querySelector(`label[for="${CSS.escape(fieldId)}"]`);
    setName(label?.textContent?.replace(/[\s*:]+$/, '').trim() || undefined);
  }, [fieldId]);
  // A label that is a question ("Waarom wordt de vraag heropend?") needs no colon after it.
  return <a href={`#${fieldId}`}>{name ? `${name}${/[?!]$/.test(name) ? ' ' : ': '}${message}` : message}</a>;
}

export function SuccessAlert({ children }: { children: string }) {
  return (
    <Alert type="ok" role="status">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}
