import { Button, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import { hasRole, useSession } from '../../../api/session.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { todayInAmsterdam } from '../../insights/period.ts';
import { useMeetingList } from '../../meetings/queries.ts';
import { whenInWords } from '../../meetings/when.ts';
import { type ActionPlan, useActionPlanList } from '../queries.ts';

/** The plans the reader may see, newest period first; the advisor starts a new one from a planned wijktafel. */
export function ActionPlanListPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const session = useSession(municipality);
  const mayStart = hasRole(session.data, 'advisor') || hasRole(session.data, 'admin');
  const plans = useActionPlanList(municipality, {});
  return (
    <>
      <PageTitle>{t('actionPlanList.title')}</PageTitle>
      <Paragraph>{t('actionPlanList.intro')}</Paragraph>
      <Paragraph>
        <AppLink to={`/${municipality}/wijkactieplannen/werkwijze`}>{t('actionPlanList.method')}</AppLink>
        {mayStart && (
          <>
            {' · '}
            <AppLink to={`/${municipality}/wijkactieplannen/aandacht`}>{t('actionPlanList.attention')}</AppLink>
            {' · '}
            <AppLink to={`/${municipality}/wijkactieplannen/subsidievoorwaarde`}>{t('actionPlanList.subsidy')}</AppLink>
          </>
        )}
      </Paragraph>
      {plans.isPending && <Loading />}
      <ProblemAlert error={plans.error} />
      {plans.data && plans.data.items.length === 0 && <Paragraph>{t('actionPlanList.none')}</Paragraph>}
      {plans.data && plans.data.items.length > 0 && (
        <div className="app-card-table-frame">
          <Table className="app-card-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('actionPlanList.plan')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('actionPlan.neighbourhood')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('actionPlan.stateLabel')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('actionPlanList.progress')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {plans.data.items.map((plan) => (
                <TableRow key={plan.id}>
                  <TableCell data-label={t('actionPlanList.plan')}>
                    <AppLink to={`/${municipality}/wijkactieplannen/${plan.id}`}>{plan.title}</AppLink>
                  </TableCell>
                  <TableCell data-label={t('actionPlan.neighbourhood')}>{plan.neighbourhood.name}</TableCell>
                  <TableCell data-label={t('actionPlan.stateLabel')}>
                    {t(`actionPlan.state.${plan.state}`)}
                    {plan.currentVersionNumber !== null && ` · ${t('actionPlan.versionNumber', { number: plan.currentVersionNumber })}`}
                  </TableCell>
                  <TableCell data-label={t('actionPlanList.progress')}>
                    {plan.rollup.total === 0 ? t('actionPlanList.noActions') : t('actionPlanList.progressWords', { total: plan.rollup.total, percent: plan.rollup.percentDone ?? 0, overdue: plan.rollup.overdue })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {mayStart && <StartPlan municipality={municipality} />}
    </>
  );
}

/** The advisor chooses a planned wijktafel and the plan's period; the plan starts as a draft. */
function StartPlan({ municipality }: { municipality: string }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const wijktafels = useMeetingList(municipality, { kindCode: 'wijktafel', state: 'planned', from: todayInAmsterdam() });
  const [meetingId, setMeetingId] = useState('');
  const [periodStartsOn, setStart] = useState('');
  const [periodEndsOn, setEnd] = useState('');
  const start = useMutation({
    mutationFn: () => api<ActionPlan>(tenantPath(municipality, '/action-plans'), { method: 'POST', body: { meetingId, periodStartsOn, periodEndsOn } }),
    onSuccess: async (plan) => {
      await queryClient.invalidateQueries({ queryKey: ['action-plans', municipality] });
      navigate(`/${municipality}/wijkactieplannen/${plan.id}`, { state: { justStarted: plan.title } });
    },
  });
  const problem = start.error instanceof ApiProblem ? start.error : undefined;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };
  const options = (wijktafels.data?.items ?? []).map((meeting) => ({ value: meeting.id, label: `${meeting.neighbourhood?.name ?? ''} — ${whenInWords(meeting, language)}` }));
  return (
    <section className="app-card" aria-labelledby="start-plan-heading">
      <Heading level={2} id="start-plan-heading">
        {t('actionPlanList.start')}
      </Heading>
      <Paragraph>{t('actionPlanList.startIntro')}</Paragraph>
      {wijktafels.data && options.length === 0 && <Paragraph>{t('actionPlanList.noWijktafel')}</Paragraph>}
      {options.length > 0 && (
        <>
          <ProblemAlert error={start.error} fieldIds={{ 'body.meetingId': 'plan-meeting', 'body.periodStartsOn': 'plan-start', 'body.periodEndsOn': 'plan-end' }} />
          <form className="app-form" onSubmit={onSubmit} noValidate>
            <SelectField id="plan-meeting" label={t('actionPlanList.wijktafel')} value={meetingId} onChange={setMeetingId} options={[{ value: '', label: t('actionPlanList.chooseWijktafel') }, ...options]} error={problem?.fieldError('body.meetingId')} required />
            <TextField id="plan-start" type="date" label={t('actionPlan.periodStartsOn')} value={periodStartsOn} onChange={setStart} error={problem?.fieldError('body.periodStartsOn')} required />
            <TextField id="plan-end" type="date" label={t('actionPlan.periodEndsOn')} description={t('actionPlanList.periodHint')} value={periodEndsOn} onChange={setEnd} error={problem?.fieldError('body.periodEndsOn')} required />
            <div>
              <Button type="submit" appearance="primary-action-button" busy={start.isPending}>
                {t('actionPlanList.startButton')}
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}

