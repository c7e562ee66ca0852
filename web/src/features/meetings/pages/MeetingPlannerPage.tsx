import { Button, ButtonGroup, Checkbox, FormField, FormLabel, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import { hasRole, loginPathFor, useSession } from '../../../api/session.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { readableDay } from '../../../components/CalendarDate.tsx';
import { Loading, ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { PlannerPeriods } from '../components/PlannerPeriods.tsx';
import type { AcceptedProposals, MeetingPlanProposals, MeetingProposal } from '../queries.ts';

const keyOf = (proposal: MeetingProposal) => `${proposal.neighbourhood.id}|${proposal.kindCode}`;

/** Today in the Netherlands, and the same day two years on less a day: the default period, one wijktafel cycle. */
function defaultPeriod(): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const end = new Date(`${today}T12:00:00Z`);
  end.setUTCFullYear(end.getUTCFullYear() + 2);
  end.setUTCDate(end.getUTCDate() - 1);
  return { from: today, to: end.toISOString().slice(0, 10) };
}

/**
 * /:municipality/beheer/overlegplanner: the advisor (their own wijken) or administrator (all) asks the staggered
 * planner for dates in a period, reads per quarter why each wijk gets its day, and accepts all or some of them as
 * draft meetings. The proposals are not stored: asking again gives the same answer for the same situation.
 */
export function MeetingPlannerPage() {
  const { municipality = '' } = useParams();
  const location = useLocation();
  const { t, language } = useI18n();
  const session = useSession(municipality);
  const queryClient = useQueryClient();
  const [period, setPeriod] = useState(defaultPeriod);
  const [withVisits, setWithVisits] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [confirmation, setConfirmation] = useState('');

  const propose = useMutation({
    mutationFn: () => api<MeetingPlanProposals>(tenantPath(municipality, '/meeting-plans/proposals'), { method: 'POST', body: { ...period, kindCodes: withVisits ? ['wijktafel', 'wijkbezoek'] : ['wijktafel'] } }),
    onSuccess: (result) => {
      setChosen(new Set(result.proposals.map(keyOf)));
      setConfirmation('');
    },
  });
  const accept = useMutation({
    mutationFn: (proposals: MeetingProposal[]) =>
      api<AcceptedProposals>(tenantPath(municipality, '/meeting-plans/acceptance'), {
        method: 'POST',
        body: { proposals: proposals.map((proposal) => ({ neighbourhoodId: proposal.neighbourhood.id, kindCode: proposal.kindCode, date: proposal.date })) },
      }),
    onSuccess: async (result) => {
      setConfirmation(result.created === 1 ? t('planner.acceptedOne') : t('planner.accepted', { count: result.created }));
      await queryClient.invalidateQueries({ queryKey: ['meetings', municipality] });
      // What was accepted is planned now: the planner's next answer leaves those wijken out.
      propose.reset();
    },
  });

  if (session.isPending) return <Loading />;
  if (!session.data) return <Navigate to={loginPathFor(municipality, location.pathname)} replace />;
  if (!hasRole(session.data, 'advisor') && !hasRole(session.data, 'admin')) {
    return (
      <>
        <PageTitle>{t('planner.title')}</PageTitle>
        <Paragraph>{t('planner.notAllowed')}</Paragraph>
      </>
    );
  }

  const result = propose.data;
  const quarters = new Map<string, MeetingProposal[]>();
  for (const proposal of result?.proposals ?? []) quarters.set(proposal.quarter, [...(quarters.get(proposal.quarter) ?? []), proposal]);
  const busiest = Math.max(1, ...[...quarters.values()].map((items) => items.length));
  const selected = (result?.proposals ?? []).filter((proposal) => chosen.has(keyOf(proposal)));
  const toggle = (key: string, isOn: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (isOn) next.add(key);
      else next.delete(key);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!propose.isPending) propose.mutate();
  };
  const quarterName = (quarter: string) => t('planner.quarter', { year: quarter.slice(0, 4), number: quarter.slice(6) });
  const kindName = (code: string) => t(`planner.kind.${code}`);

  return (
    <>
      <PageTitle>{t('planner.title')}</PageTitle>
      <Paragraph lead>{t('planner.intro')}</Paragraph>
      <form className="app-form" onSubmit={submit} noValidate aria-labelledby="planner-form-heading">
        <Heading level={2} id="planner-form-heading">
          {t('planner.formHeading')}
        </Heading>
        <ProblemAlert error={propose.error} fieldIds={{ 'body.from': 'planner-from', 'body.to': 'planner-to' }} />
        <TextField id="planner-from" label={t('planner.from')} type="date" required value={period.from} onChange={(from) => setPeriod((current) => ({ ...current, from }))} />
        <TextField id="planner-to" label={t('planner.to')} type="date" required value={period.to} description={t('planner.toHint')} onChange={(to) => setPeriod((current) => ({ ...current, to }))} />
        <FormField
          type="checkbox"
          input={<Checkbox id="planner-visits" checked={withVisits} onChange={(event) => setWithVisits((event.target as HTMLInputElement).checked)} />}
          label={
            <FormLabel htmlFor="planner-visits" type="checkbox">
              {t('planner.withVisits')}
            </FormLabel>
          }
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" aria-busy={propose.isPending || undefined}>
            {t('planner.propose')}
          </Button>
        </ButtonGroup>
      </form>

      {confirmation && <SuccessAlert>{confirmation}</SuccessAlert>}
      {confirmation && accept.data && (
        <section aria-labelledby="planner-created" className="app-card">
          <Heading level={2} id="planner-created">
            {t('planner.createdHeading')}
          </Heading>
          <ul>
            {accept.data.meetings.map((meeting) => (
              <li key={meeting.id}>
                <AppLink to={`/${municipality}/overleggen/${meeting.id}`}>{meeting.title}</AppLink> — <time dateTime={meeting.startsAt}>{readableDay(meeting.startsAt.slice(0, 10), language)}</time>
              </li>
            ))}
          </ul>
        </section>
      )}
      {propose.isPending && <Loading />}

      {result && (
        <section aria-labelledby="planner-results" className="app-planner">
          <Heading level={2} id="planner-results">
            {t('planner.resultsHeading', { count: result.proposals.length })}
          </Heading>
          <Paragraph>{t('planner.resultsIntro', { max: result.maxPerAdvisorPerMonth })}</Paragraph>
          {result.proposals.length > 0 && (
            <ButtonGroup>
              <Button appearance="secondary-action-button" onClick={() => setChosen(new Set(result.proposals.map(keyOf)))}>
                {t('planner.selectAll')}
              </Button>
              <Button appearance="secondary-action-button" onClick={() => setChosen(new Set())}>
                {t('planner.selectNone')}
              </Button>
            </ButtonGroup>
          )}
          {[...quarters].map(([quarter, items]) => (
            <section key={quarter} aria-labelledby={`quarter-${quarter}`} className="app-card app-planner__quarter">
              <Heading level={3} id={`quarter-${quarter}`}>
                {quarterName(quarter)}: {t('planner.quarterCount', { count: items.length })}
              </Heading>
              {/* The bar shows the load at a glance; the count in the heading says the same in words. */}
              <div className="app-planner__bar" aria-hidden="true">
                <span style={{ inlineSize: `${Math.round((100 * items.length) / busiest)}%` }} />
              </div>
              <ul className="app-planner__list">
                {items.map((proposal) => {
                  const id = `proposal-${proposal.neighbourhood.id}-${proposal.kindCode}`;
                  return (
                    <li key={keyOf(proposal)}>
                      <FormField
                        type="checkbox"
                        input={<Checkbox id={id} checked={chosen.has(keyOf(proposal))} aria-describedby={`${id}-why`} onChange={(event) => toggle(keyOf(proposal), (event.target as HTMLInputElement).checked)} />}
                        label={
                          <FormLabel htmlFor={id} type="checkbox">
                            <strong>
                              {kindName(proposal.kindCode)} {proposal.neighbourhood.name}
                            </strong>{' '}
                            — <time dateTime={proposal.date}>{readableDay(proposal.date, language)}</time>, {proposal.startTime}–{proposal.endTime}
                          </FormLabel>
                        }
                        description={
                          <Paragraph id={`${id}-why`} className="app-planner__why">
                            {language === 'en' ? proposal.explanation.en : proposal.explanation.nl}
                          </Paragraph>
                        }
                      />
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
          {result.proposals.length > 0 && (
            <>
              <ProblemAlert error={accept.error} />
              <ButtonGroup>
                <Button appearance="primary-action-button" aria-busy={accept.isPending || undefined} onClick={() => !accept.isPending && selected.length > 0 && accept.mutate(selected)} aria-describedby="planner-selected-count">
                  {t('planner.acceptSelected')}
                </Button>
              </ButtonGroup>
              <Paragraph id="planner-selected-count" role="status">
                {t('planner.selectedCount', { count: selected.length, total: result.proposals.length })}
              </Paragraph>
            </>
          )}
          {result.unplaced.length > 0 && (
            <section aria-labelledby="planner-unplaced" className="app-card">
              <Heading level={3} id="planner-unplaced">
                {t('planner.unplacedHeading', { count: result.unplaced.length })}
              </Heading>
              <ul>
                {result.unplaced.map((item) => (
                  <li key={`${item.neighbourhood.id}|${item.kindCode}`}>{language === 'en' ? item.reason.en : item.reason.nl}</li>
                ))}
              </ul>
            </section>
          )}
        </section>
      )}
      <PlannerPeriods municipality={municipality} userId={session.data.user.id} />
    </>
  );
}
