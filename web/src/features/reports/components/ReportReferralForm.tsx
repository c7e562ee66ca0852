import { Button, Paragraph } from '@utrecht/component-library-react/css-module';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, tenantPath } from '../../../api/client.ts';
import type { ReportDetail } from '../../../api/types.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { fieldErrorOf, type OnChanged, ReportActionCard, useReportChange } from './ReportAction.tsx';

interface FormProps {
  municipality: string;
  report: ReportDetail;
  onChanged: OnChanged;
}

/** The front-line teams of the request protocol (woonoverlast, jongerenwerk…), as the municipality set them. */
function useFrontLineTeams(municipality: string) {
  return useQuery({
    queryKey: ['request-settings', municipality, 'teams'],
    staleTime: 10 * 60_000,
    queryFn: async () => (await api<{ frontLineTeams: { code: string; name: string }[] }>(tenantPath(municipality, '/request-settings'))).frontLineTeams,
  });
}

/**
 * A problem for a front-line team rather than for the street: refer it with a note for the team, then record
 * when they picked it up and what they fed back. The note and the feedback stay internal.
 */
export function ReportReferralForm({ municipality, report, onChanged }: FormProps) {
  const { t } = useI18n();
  const teams = useFrontLineTeams(municipality);
  const [teamCode, setTeamCode] = useState('');
  const [note, setNote] = useState('');
  const refer = useReportChange<{ teamCode: string; note?: string; version: number }>(municipality, report, '/referral', onChanged, (updated) => t('reports.referral.done', { team: updated.referral?.teamName ?? '' }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    refer.mutate(
      { teamCode, ...(note.trim() ? { note } : {}), version: report.version },
      {
        onSuccess: () => {
          setTeamCode('');
          setNote('');
        },
      },
    );
  };
  return (
    <ReportActionCard id="report-referral" title={t('reports.referral.title')} error={refer.error} fieldIds={{ 'body.teamCode': 'report-referral-team', 'body.note': 'report-referral-note' }}>
      {report.referral && (
        <Paragraph>
          {t('reports.referral.current', { team: report.referral.teamName, state: t(`reports.referral.state.${report.referral.state}`) })}
          {report.referral.feedback && ` ${t('reports.referral.feedbackWas', { feedback: report.referral.feedback })}`}
        </Paragraph>
      )}
      {report.referral && <ReferralProgressForm municipality={municipality} report={report} onChanged={onChanged} />}
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <SelectField
          id="report-referral-team"
          label={report.referral ? t('reports.referral.otherTeam') : t('reports.referral.team')}
          required
          value={teamCode}
          onChange={setTeamCode}
          options={[{ value: '', label: t('reports.referral.chooseTeam') }, ...(teams.data ?? []).map((team) => ({ value: team.code, label: team.name }))]}
          error={fieldErrorOf(refer.error, 'body.teamCode')}
        />
        <TextField id="report-referral-note" label={t('reports.referral.note')} description={t('reports.referral.noteHint')} multiline value={note} onChange={setNote} error={fieldErrorOf(refer.error, 'body.note')} />
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={refer.isPending}>
            {t('reports.referral.submit')}
          </Button>
        </div>
      </form>
    </ReportActionCard>
  );
}

function ReferralProgressForm({ municipality, report, onChanged }: FormProps) {
  const { t } = useI18n();
  const [state, setState] = useState<'pickedUp' | 'fedBack'>(report.referral?.state === 'referred' ? 'pickedUp' : 'fedBack');
  const [feedback, setFeedback] = useState('');
  const update = useReportChange<{ state: 'pickedUp' | 'fedBack'; feedback?: string; version: number }>(municipality, report, '/referral/progress', onChanged, (updated) =>
    t('reports.referral.progressDone', { team: updated.referral?.teamName ?? '', state: t(`reports.referral.state.${updated.referral?.state ?? state}`) }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ state, ...(state === 'fedBack' && feedback.trim() ? { feedback } : {}), version: report.version }, { onSuccess: () => setFeedback('') });
  };
  const error = update.error;
  return (
    <form className="app-form" onSubmit={onSubmit} noValidate aria-label={t('reports.referral.progress')}>
      <ProblemAlert error={error} fieldIds={{ 'body.state': 'report-referral-state', 'body.feedback': 'report-referral-feedback' }} />
      <SelectField
        id="report-referral-state"
        label={t('reports.referral.progress')}
        value={state}
        onChange={(value) => setState(value as 'pickedUp' | 'fedBack')}
        options={(['pickedUp', 'fedBack'] as const).map((value) => ({ value, label: t(`reports.referral.state.${value}`) }))}
        error={fieldErrorOf(error, 'body.state')}
      />
      {state === 'fedBack' && <TextField id="report-referral-feedback" label={t('reports.referral.feedback')} multiline value={feedback} onChange={setFeedback} error={fieldErrorOf(error, 'body.feedback')} />}
      <div>
        <Button type="submit" appearance="secondary-action-button" busy={update.isPending}>
          {t('reports.referral.progressSubmit')}
        </Button>
      </div>
    </form>
  );
}
