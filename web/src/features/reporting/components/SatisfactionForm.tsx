import { Button, Heading } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ChoiceList } from './ChoiceList.tsx';

interface SatisfactionReasons {
  items: { code: string; name: string; reopens: boolean }[];
}

/**
 * "Bent u tevreden?" once a report is done. The link in the e-mail (?tevreden=ja|nee) only pre-selects the answer:
 * mail scanners open links, so nothing is sent until the reporter presses the button.
 */
export interface SatisfactionResult {
  reference: string;
  isReopened: boolean;
}

export function SatisfactionForm({ municipality, token, onAnswered }: { municipality: string; token: string; onAnswered(result: SatisfactionResult): void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const fromLink = searchParams.get('tevreden');
  const [answer, setAnswer] = useState(fromLink === 'ja' ? 'yes' : fromLink === 'nee' ? 'no' : '');
  const [reasonCode, setReasonCode] = useState('');
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const reasons = useQuery({ queryKey: ['report-satisfaction-reasons', municipality], staleTime: 10 * 60_000, queryFn: () => api<SatisfactionReasons>(tenantPath(municipality, '/report-satisfaction-reasons')) });
  const send = useMutation({
    mutationFn: () =>
      api<SatisfactionResult>(tenantPath(municipality, `/report-status/${encodeURIComponent(token)}/satisfaction`), {
        method: 'POST',
        body: { isSatisfied: answer === 'yes', reasonCode: answer === 'no' && reasonCode ? reasonCode : undefined, comment: comment.trim() },
      }),
    onSuccess: (result) => {
      onAnswered(result);
      // The status (reopened) and its history change: show them as they are now.
      return queryClient.invalidateQueries({ queryKey: ['report-status', municipality, token] });
    },
  });
  const problem = send.error instanceof ApiProblem ? send.error : undefined;
  if (problem?.code === 'REPORT_NOT_DONE') return null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!answer) problems.answer = t('reporting.satisfaction.answerMissing');
    setMissing(problems);
    if (Object.keys(problems).length > 0) return document.getElementById('satisfaction-answer')?.focus();
    send.mutate();
  }

  return (
    <section className="app-card" aria-labelledby="satisfaction-heading">
      <Heading level={2} id="satisfaction-heading">
        {t('reporting.satisfaction.title')}
      </Heading>
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <ProblemAlert error={send.error} fieldIds={{ 'body.reasonCode': 'satisfaction-reason', 'body.comment': 'satisfaction-comment' }} />
        <ChoiceList
          id="satisfaction-answer"
          legend={t('reporting.satisfaction.question')}
          required
          value={answer}
          onChange={setAnswer}
          options={[
            { value: 'yes', label: t('reporting.satisfaction.yes') },
            { value: 'no', label: t('reporting.satisfaction.no') },
          ]}
          error={missing.answer}
        />
        {answer === 'no' && (reasons.data?.items.length ?? 0) > 0 && (
          <ChoiceList
            id="satisfaction-reason"
            legend={t('reporting.satisfaction.reason')}
            description={t('reporting.satisfaction.reasonHelp')}
            value={reasonCode}
            onChange={setReasonCode}
            options={(reasons.data?.items ?? []).map((reason) => ({ value: reason.code, label: reason.name }))}
            error={problem?.fieldError('body.reasonCode')}
          />
        )}
        <TextField id="satisfaction-comment" label={t('reporting.satisfaction.comment')} description={t('reporting.satisfaction.commentHelp')} multiline value={comment} onChange={setComment} error={problem?.fieldError('body.comment')} />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={send.isPending} disabled={send.isPending}>
            {t('reporting.satisfaction.send')}
          </Button>
        </div>
      </form>
    </section>
  );
}
