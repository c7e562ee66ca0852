import { Alert, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
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

/** Shows what went wrong; for field problems, a summary with links to the fields (WCAG 3.3.1). */
export function ProblemAlert({ error, fieldIds = {} }: { error: unknown; fieldIds?: Record<string, string> }) {
  const { t } = useI18n();
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error : undefined;
  return (
    <Alert type="error" role="alert">
      <Paragraph>
        <strong>{problem?.title ?? t('common.error')}</strong> {problem?.detail ?? String((error as Error).message ?? error)}
      </Paragraph>
      {problem && problem.errors.length > 0 && (
        <UnorderedList>
          {problem.errors.map((fieldError) => (
            <UnorderedListItem key={fieldError.field + fieldError.code}>
              {/* A field this form does not show still gets its message, never its place in the schema. */}
              {fieldIds[fieldError.field] ? <a href={`#${fieldIds[fieldError.field]}`}>{fieldError.message}</a> : fieldError.message}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </Alert>
  );
}

export function SuccessAlert({ children }: { children: string }) {
  return (
    <Alert type="ok" role="status">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}
