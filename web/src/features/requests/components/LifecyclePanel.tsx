import { Button, ButtonGroup, Heading } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useState } from 'react';
import type { Request } from '../../../api/types.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useRequestStep } from './useRequestStep.ts';

/** The advisor closes an answered request, or reopens it with a reason; the history stays. */
export function LifecyclePanel({ municipality, request }: { municipality: string; request: Request }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [isReopening, setIsReopening] = useState(false);
  const close = useRequestStep(municipality, request, '/closure', { done: () => t('status.closed') });
  const reopen = useRequestStep(municipality, request, '/reopening', { onSuccess: () => setIsReopening(false), done: () => t('status.reopened') });
  const onReopen = (event: FormEvent) => {
    event.preventDefault();
    reopen.mutate({ reason });
  };
  return (
    <section aria-labelledby="lifecycle-heading">
      <Heading level={2} id="lifecycle-heading">
        {t('lifecycle.title')}
      </Heading>
      <ProblemAlert error={close.error ?? reopen.error} fieldIds={{ 'body.reason': 'reopen-reason' }} />
      {!isReopening && (
        <ButtonGroup>
          {request.state === 'answered' && (
            <Button appearance="secondary-action-button" busy={close.isPending} onClick={() => close.mutate({})}>
              {t('lifecycle.close')}
            </Button>
          )}
          <Button appearance="secondary-action-button" onClick={() => setIsReopening(true)}>
            {t('lifecycle.reopen')}
          </Button>
        </ButtonGroup>
      )}
      {isReopening && (
        <form className="app-form" onSubmit={onReopen} noValidate>
          <TextField id="reopen-reason" label={t('lifecycle.reason')} multiline value={reason} onChange={setReason} error={reopen.fieldError('reason')} />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={reopen.isPending}>
              {t('lifecycle.reopen')}
            </Button>
            <Button appearance="subtle-button" onClick={() => setIsReopening(false)}>
              {t('common.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}
