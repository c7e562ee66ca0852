import { Alert, Button, Paragraph } from '@utrecht/component-library-react/css-module';
import type { ReactNode } from 'react';
import { ApiProblem } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { FocusOnChange } from './FocusOnChange.tsx';

/** The outcome of an action; a fresh object each time, so the same words twice are still announced. */
export interface Outcome {
  text: string;
  /** Optional next step, e.g. a link to the record just made. */
  next?: ReactNode;
  /** For changes made in place (a toggle, a role added): announce, but leave focus where the person works. */
  keepsFocus?: boolean;
}

/**
 * What just succeeded. The status region is always on the page, so screen readers announce what appears
 * in it; after a form closes, focus moves to the message so keyboard users continue from there.
 */
export function OutcomeMessage({ outcome }: { outcome: Outcome | null }) {
  return (
    <div role="status" className="admin-outcome">
      {outcome && (
        <FocusOnChange signal={outcome.keepsFocus ? null : outcome}>
          <Alert type="ok">
            <Paragraph>{outcome.text}</Paragraph>
            {outcome.next && <Paragraph>{outcome.next}</Paragraph>}
          </Alert>
        </FocusOnChange>
      )}
    </div>
  );
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiProblem && error.code === 'VERSION_CONFLICT';
}

/**
 * Somebody else saved first: say so plainly and offer the newest version. Nothing of this edit was saved,
 * so the person redoes it on top of the other change instead of silently overwriting it.
 */
export function ConflictAlert({ onReload }: { onReload(): void }) {
  const { t } = useI18n();
  return (
    <Alert type="warning" role="alert">
      <Paragraph>
        <strong>{t('admin.conflict.title')}</strong> {t('admin.conflict.text')}
      </Paragraph>
      <Paragraph>
        <Button appearance="secondary-action-button" onClick={onReload}>
          {t('admin.conflict.reload')}
        </Button>
      </Paragraph>
    </Alert>
  );
}

/** An error summary that takes focus each time a new error arrives; a stale version gets the reload offer. */
export function ErrorSummary({ error, fieldIds, onReload }: { error: unknown; fieldIds?: Record<string, string>; onReload?(): void }) {
  if (!error) return null;
  return (
    <FocusOnChange signal={error}>
      {onReload && isConflict(error) ? <ConflictAlert onReload={onReload} /> : <ProblemAlert error={error} fieldIds={fieldIds} />}
    </FocusOnChange>
  );
}
