import { Button, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useState } from 'react';
import type { Request } from '../../../api/types.ts';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useRequestStep } from './useRequestStep.ts';

/** A nu is a promise: once it is kept, the day goes on the request and the submitter's side hears of it. */
export function CarriedOutForm({ municipality, request }: { municipality: string; request: Request }) {
  const { t } = useI18n();
  const [carriedOutOn, setCarriedOutOn] = useState(new Date().toISOString().slice(0, 10));
  const [text, setText] = useState('');
  const record = useRequestStep(municipality, request, '/carried-out', { done: () => t('carriedOut.saved') });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ carriedOutOn, text: text || null });
  };
  // Once recorded, the panel says so (and stays, so the confirmation is not lost with the form).
  if (request.carriedOutOn) {
    return (
      <section aria-labelledby="carried-out-heading">
        <Heading level={2} id="carried-out-heading">
          {t('carriedOut.title')}
        </Heading>
        <Paragraph>
          {t('carriedOut.done')} <CalendarDate value={request.carriedOutOn} />
        </Paragraph>
      </section>
    );
  }
  return (
    <section aria-labelledby="carried-out-heading">
      <Heading level={2} id="carried-out-heading">
        {t('carriedOut.title')}
      </Heading>
      <Paragraph>{t('carriedOut.intro')}</Paragraph>
      <ProblemAlert error={record.error} fieldIds={{ 'body.carriedOutOn': 'carried-out-on', 'body.text': 'carried-out-text' }} />
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <TextField id="carried-out-on" type="date" label={t('carriedOut.on')} value={carriedOutOn} onChange={setCarriedOutOn} error={record.fieldError('carriedOutOn')} required />
        <TextField id="carried-out-text" label={t('carriedOut.text')} multiline value={text} onChange={setText} error={record.fieldError('text')} />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={record.isPending}>
            {t('carriedOut.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
