import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useState } from 'react';
import type { Request } from '../../../api/types.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useRequestStep } from './useRequestStep.ts';

/** Four eyes: the advisor sees the officer's proposed answer and sends it out or returns it with what to change. */
export function ReviewPanel({ municipality, request, canReview }: { municipality: string; request: Request; canReview: boolean }) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const review = useRequestStep(municipality, request, '/answer-review', { done: (_updated, body) => (body.decision === 'approve' ? t('status.approved') : t('status.returned')) });
  const proposal = request.proposedAnswer as { verdict: string; motivation: string; proposedBy?: string } | null;
  if (!proposal) return null;
  return (
    <section aria-labelledby="review-heading" className="app-card">
      <Heading level={2} id="review-heading">
        {t('review.title', { verdict: t(`verdict.${proposal.verdict}`) })}
      </Heading>
      <Paragraph>{t('review.proposedBy', { name: proposal.proposedBy ?? '—' })}</Paragraph>
      <Paragraph>{proposal.motivation}</Paragraph>
      {canReview ? (
        <>
          <ProblemAlert error={review.error} fieldIds={{ 'body.comment': 'review-comment' }} />
          <TextField id="review-comment" label={t('review.comment')} description={t('review.commentDescription')} multiline value={comment} onChange={setComment} error={review.fieldError('comment')} />
          <ButtonGroup>
            <Button appearance="primary-action-button" busy={review.isPending && review.variables?.decision === 'approve'} onClick={() => review.mutate({ decision: 'approve' })}>
              {t('review.approve')}
            </Button>
            <Button appearance="secondary-action-button" busy={review.isPending && review.variables?.decision === 'return'} onClick={() => review.mutate({ decision: 'return', comment })}>
              {t('review.return')}
            </Button>
          </ButtonGroup>
        </>
      ) : (
        <Paragraph>{t('review.waiting')}</Paragraph>
      )}
    </section>
  );
}
