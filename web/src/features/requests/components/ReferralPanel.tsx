import { Button, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useState } from 'react';
import type { Request } from '../../../api/types.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useRequestSettings } from '../queries.ts';
import { useRequestStep } from './useRequestStep.ts';

/** Complex, urgent problems go to a front-line team or network from the municipality's own list. */
export function ReferralPanel({ municipality, request }: { municipality: string; request: Request }) {
  const { t } = useI18n();
  const settings = useRequestSettings(municipality, true);
  const [teamCode, setTeamCode] = useState(request.referral?.code ?? '');
  const [note, setNote] = useState('');
  const refer = useRequestStep(municipality, request, '/referral', { done: () => t('referral.saved') });
  const progress = useRequestStep(municipality, request, '/referral-progress', { done: () => t('referral.progressSaved') });
  const [feedback, setFeedback] = useState('');
  const teams = settings.data?.frontLineTeams ?? [];
  const canRefer = request.allowedActions.includes('refer');
  const canUpdate = request.allowedActions.includes('updateReferral') && request.referral !== null;
  if (teams.length === 0 && !canUpdate) return null;
  const onProgress = (event: FormEvent) => {
    event.preventDefault();
    progress.mutate({ state: 'fedBack', feedback: feedback || null });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    refer.mutate({ teamCode, note: note || null });
  };
  return (
    <section aria-labelledby="referral-heading">
      <Heading level={2} id="referral-heading">
        {t('referral.title')}
      </Heading>
      {canUpdate && request.referral && (
        <>
          <Paragraph>{t('referral.current', { team: request.referral.name, state: t(`referralState.${request.referral.state}`) })}</Paragraph>
          {request.referral.feedback && <Paragraph>{request.referral.feedback}</Paragraph>}
          <ProblemAlert error={progress.error} fieldIds={{ 'body.feedback': 'referral-feedback' }} />
          {request.referral.state === 'referred' && (
            <Button appearance="secondary-action-button" busy={progress.isPending} onClick={() => progress.mutate({ state: 'pickedUp' })}>
              {t('referral.pickedUp')}
            </Button>
          )}
          <form className="app-form" onSubmit={onProgress} noValidate>
            <TextField id="referral-feedback" label={t('referral.feedback')} description={t('referral.feedbackHint')} multiline value={feedback} onChange={setFeedback} error={progress.fieldError('feedback')} />
            <div>
              <Button type="submit" appearance="secondary-action-button" busy={progress.isPending}>
                {t('referral.saveFeedback')}
              </Button>
            </div>
          </form>
        </>
      )}
      {canRefer && teams.length > 0 && <ProblemAlert error={refer.error} fieldIds={{ 'body.teamCode': 'referral-team' }} />}
      {canRefer && teams.length > 0 && (
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <SelectField id="referral-team" label={t('referral.team')} value={teamCode} onChange={setTeamCode} options={[{ value: '', label: t('common.choose') }, ...teams.map((team) => ({ value: team.code, label: team.name }))]} error={refer.fieldError('teamCode')} />
        <TextField id="referral-note" label={t('referral.note')} multiline value={note} onChange={setNote} error={refer.fieldError('note')} />
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={refer.isPending}>
            {t('referral.refer')}
          </Button>
        </div>
      </form>
      )}
    </section>
  );
}
