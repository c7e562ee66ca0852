import { Alert, Button, ButtonGroup, DataList, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { useLocation, useParams } from 'react-router';
import { AppLink } from '../../../components/AppLink.tsx';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { RequestStatusArea } from '../../requests/components/RequestStatus.tsx';
import { amsterdamParts } from '../../meetings/when.ts';
import { ChallengesSection } from '../components/ChallengesSection.tsx';
import { ContributionsSection, InvitationsSection } from '../components/ContributionsSection.tsx';
import { ReportsSection } from '../components/ReportsSection.tsx';
import { SmartCheckSection } from '../components/SmartCheckSection.tsx';
import { type ActionPlan, usePlanStep, useActionPlan } from '../queries.ts';
import { Fact } from '../../../components/Fact.tsx';


/** One action plan: its phase, the parties' contributions, its challenges and actions, the SMART check, versions and progress. */
export function ActionPlanPage() {
  const { municipality = '', planId = '' } = useParams();
  const plan = useActionPlan(municipality, planId);
  const location = useLocation();
  const { t } = useI18n();
  const justStarted = (location.state as { justStarted?: string } | null)?.justStarted;
  if (plan.isPending) return <Loading />;
  if (plan.error || !plan.data) return <ProblemAlert error={plan.error} />;
  return (
    <RequestStatusArea>
      {(status) => (
        <>
          {status}
          {justStarted && (
            <Alert type="ok" role="status">
              <Paragraph>{t('actionPlan.started', { title: justStarted })}</Paragraph>
            </Alert>
          )}
          <PlanView municipality={municipality} plan={plan.data} />
        </>
      )}
    </RequestStatusArea>
  );
}

const phaseSteps = ['startCollecting', 'markReady', 'reopenCollecting', 'openRevision', 'startExecution', 'close'] as const;

function PlanView({ municipality, plan }: { municipality: string; plan: ActionPlan }) {
  const { t, language } = useI18n();
  const documentBase = `/api/v1/municipalities/${municipality}/action-plans/${plan.id}`;
  return (
    <article className="app-action-plan">
      <PageTitle>{plan.title}</PageTitle>
      <Paragraph>
        {t(`actionPlan.state.${plan.state}`)}
        {plan.currentVersionNumber !== null && ` · ${t('actionPlan.versionNumber', { number: plan.currentVersionNumber })}`}
        {plan.hasOpenRevision && ` · ${t('actionPlan.revisionOpen')}`}
      </Paragraph>
      <Paragraph>{t(`actionPlan.phaseHelp.${plan.state}`)}</Paragraph>
      <DataList>
        <Fact label={t('actionPlan.neighbourhood')}>{plan.neighbourhood.name}</Fact>
        <Fact label={t('actionPlan.wijktafel')}>
          <AppLink to={`/${municipality}/overleggen/${plan.meeting.id}`}>{plan.meeting.title}</AppLink> — <CalendarDate value={amsterdamParts(plan.meeting.startsAt).day} />
        </Fact>
        <Fact label={t('actionPlan.period')}>
          <CalendarDate value={plan.periodStartsOn} /> – <CalendarDate value={plan.periodEndsOn} />
        </Fact>
        <Fact label={t('actionPlan.contributionsDueOn')}>
          <CalendarDate value={plan.contributionsDueOn} />
        </Fact>
        {plan.rollup.total > 0 && <Fact label={t('actionPlan.progressLabel')}>{t('actionPlan.rollup', { done: plan.rollup.byStatus.done ?? 0, counted: plan.rollup.counted, overdue: plan.rollup.overdue })}</Fact>}
      </DataList>
      <PhaseSteps municipality={municipality} plan={plan} />
      <InvitationsSection municipality={municipality} plan={plan} />
      <ContributionsSection municipality={municipality} plan={plan} />
      <ChallengesSection municipality={municipality} plan={plan} />
      {plan.points.length > 0 && (
        <section aria-labelledby="points-heading">
          <Heading level={2} id="points-heading">
            {t('actionPlan.points')}
          </Heading>
          <UnorderedList>
            {plan.points.map((point) => (
              <UnorderedListItem key={point.id}>
                {t(`actionPlan.pointKind.${point.kind}`)}: {point.text}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      )}
      <SmartCheckSection municipality={municipality} plan={plan} />
      <ReportsSection municipality={municipality} plan={plan} mayMake={plan.allowedActions.includes('close') || plan.allowedActions.includes('edit')} />
      <section aria-labelledby="documents-heading">
        <Heading level={2} id="documents-heading">
          {t('actionPlan.documents')}
        </Heading>
        <UnorderedList>
          {plan.versions.map((version) => (
            <UnorderedListItem key={version.number}>
              <a href={`${documentBase}/versions/${version.number}/document?lang=${language}`}>{t('actionPlan.versionPdf', { number: version.number })}</a> — {t('actionPlan.adoptedOnDay')} <CalendarDate value={version.adoptedOn} />
              {version.changeLog && `: ${version.changeLog}`}
            </UnorderedListItem>
          ))}
          {(plan.currentVersionNumber === null || plan.hasOpenRevision) && (
            <UnorderedListItem>
              <a href={`${documentBase}/document?lang=${language}`}>{t('actionPlan.draftPdf')}</a>
            </UnorderedListItem>
          )}
          <UnorderedListItem>
            <a href={`${documentBase}/action-export?format=xlsx`}>{t('actionPlan.exportXlsx')}</a>
          </UnorderedListItem>
          <UnorderedListItem>
            <a href={`${documentBase}/action-export?format=csv`}>{t('actionPlan.exportCsv')}</a>
          </UnorderedListItem>
        </UnorderedList>
      </section>
      <Paragraph>
        <AppLink to={`/${municipality}/wijkactieplannen`}>{t('actionPlan.backToList')}</AppLink>
      </Paragraph>
    </article>
  );
}

/** The advisor moves the plan to its next phase; each button says where it goes. */
function PhaseSteps({ municipality, plan }: { municipality: string; plan: ActionPlan }) {
  const { t } = useI18n();
  const transition = usePlanStep<{ transition: string; version: number }>(municipality, plan.id, `/action-plans/${plan.id}/transitions`, { done: (body) => t(`actionPlan.stepDone.${body.transition}`) });
  const revision = usePlanStep<{ version: number }>(municipality, plan.id, `/action-plans/${plan.id}/revision`, { done: () => t('actionPlan.stepDone.openRevision') });
  const steps = phaseSteps.filter((step) => plan.allowedActions.includes(step));
  if (steps.length === 0) return null;
  return (
    <section aria-labelledby="phase-heading">
      <Heading level={2} id="phase-heading">
        {t('actionPlan.phase')}
      </Heading>
      <ProblemAlert error={transition.error ?? revision.error} />
      <ButtonGroup>
        {steps.map((step) => (
          <Button
            key={step}
            appearance={step === 'startCollecting' || step === 'markReady' ? 'primary-action-button' : 'secondary-action-button'}
            busy={transition.isPending || revision.isPending}
            onClick={() => (step === 'openRevision' ? revision.mutate({ version: plan.version }) : transition.mutate({ transition: step, version: plan.version }))}
          >
            {t(`actionPlan.step.${step}`)}
          </Button>
        ))}
      </ButtonGroup>
    </section>
  );
}
