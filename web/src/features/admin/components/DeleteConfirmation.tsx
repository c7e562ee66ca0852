import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation } from '@tanstack/react-query';
import { ApiProblem } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { FocusOnChange } from './FocusOnChange.tsx';

/**
 * Asks before deleting, says what else goes with it, and explains a refusal: a record that other data
 * still points to (409 IN_USE) stays, with what to do first.
 */
export function DeleteConfirmation(props: {
  name: string;
  /** What else disappears with it, e.g. "the roles of its members". */
  consequence?: string;
  /** What to do when the API answers IN_USE. */
  inUseExplanation?: string;
  /** Other words for a deletion that is called differently, e.g. revoking a token. */
  question?: string;
  confirmLabel?: string;
  remove(): Promise<unknown>;
  onDeleted(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const remove = useMutation({ mutationFn: props.remove, onSuccess: props.onDeleted });
  const isInUse = remove.error instanceof ApiProblem && remove.error.code === 'IN_USE';
  return (
    <FocusOnChange signal={remove.error ?? 'asking'} className="admin-confirm">
      {isInUse ? (
        <Alert type="error" role="alert">
          <Paragraph>
            <strong>{t('admin.delete.inUseTitle', { name: props.name })}</strong> {props.inUseExplanation ?? t('admin.delete.inUseGeneric')}
          </Paragraph>
        </Alert>
      ) : (
        <>
          <ProblemAlert error={remove.error} />
          <Alert type="warning">
            <Paragraph>
              <strong>{props.question ?? t('admin.delete.question', { name: props.name })}</strong> {props.consequence ?? ''} {t('admin.delete.irreversible')}
            </Paragraph>
          </Alert>
        </>
      )}
      <ButtonGroup>
        {!isInUse && (
          <Button appearance="primary-action-button" hint="danger" busy={remove.isPending} onClick={() => !remove.isPending && remove.mutate()}>
            {props.confirmLabel ?? t('admin.delete.confirm', { name: props.name })}
          </Button>
        )}
        <Button appearance="secondary-action-button" onClick={props.onCancel}>
          {isInUse ? t('admin.delete.close') : t('common.cancel')}
        </Button>
      </ButtonGroup>
    </FocusOnChange>
  );
}
