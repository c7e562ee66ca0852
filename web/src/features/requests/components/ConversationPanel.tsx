import { Button, Checkbox, FormField, FormLabel, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useState } from 'react';
import type { Request } from '../../../api/types.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useRequestStep } from './useRequestStep.ts';

/** A message to the other side, or (staff) an internal note the submitter's side and the public never see. */
export function ConversationPanel({ municipality, request, isStaff }: { municipality: string; request: Request; isStaff: boolean }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [isInternal, setIsInternal] = useState(false);
  const post = useRequestStep(municipality, request, '/messages', { onSuccess: () => setText(''), done: (_updated, body) => (body.isInternal ? t('conversation.noteSaved') : t('conversation.sent')) });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    post.mutate({ text, isInternal });
  };
  return (
    <section aria-labelledby="conversation-heading">
      <Heading level={2} id="conversation-heading">
        {t('conversation.title')}
      </Heading>
      <Paragraph>{isStaff ? t('conversation.introStaff') : t('conversation.introSubmitter')}</Paragraph>
      <ProblemAlert error={post.error} fieldIds={{ 'body.text': 'conversation-text' }} />
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <TextField id="conversation-text" label={t('conversation.text')} multiline value={text} onChange={setText} error={post.fieldError('text')} />
        {isStaff && (
          <FormField type="checkbox">
            <Paragraph>
              <Checkbox id="conversation-internal" checked={isInternal} onChange={(event) => setIsInternal((event.target as HTMLInputElement).checked)} />{' '}
              <FormLabel htmlFor="conversation-internal" type="checkbox">
                {t('conversation.internal')}
              </FormLabel>
            </Paragraph>
          </FormField>
        )}
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={post.isPending}>
            {isInternal ? t('conversation.saveNote') : t('conversation.send')}
          </Button>
        </div>
      </form>
    </section>
  );
}
