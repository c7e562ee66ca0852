import { Button, Heading } from '@utrecht/component-library-react/css-module';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import type { Request } from '../../../api/types.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { storeRequest } from '../queries.ts';
import { useAnnounce } from './RequestStatus.tsx';

/** The regular progress update an ooit answer promises; the submitter sees it on the timeline. */
export function ProgressUpdateForm({ municipality, request }: { municipality: string; request: Request }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [text, setText] = useState('');
  const post = useMutation({
    mutationFn: () => api<Request>(tenantPath(municipality, `/requests/${request.id}/updates`), { method: 'POST', body: { version: request.version, text } }),
    onSuccess: (updated) => {
      setText('');
      storeRequest(queryClient, municipality, updated);
      announce(t('progress.sent'));
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    post.mutate();
  };
  return (
    <section aria-labelledby="progress-heading">
      <Heading level={2} id="progress-heading">
        {t('progress.title')}
      </Heading>
      <ProblemAlert error={post.error} fieldIds={{ 'body.text': 'progress-text' }} />
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <TextField id="progress-text" label={t('progress.text')} multiline value={text} onChange={setText} error={post.error instanceof ApiProblem ? post.error.fieldError('body.text') : undefined} />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={post.isPending}>
            {t('progress.send')}
          </Button>
        </div>
      </form>
    </section>
  );
}
