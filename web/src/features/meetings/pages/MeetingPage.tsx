import { Alert, Button, DataList, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { localName, useI18n } from '../../../i18n/i18n.tsx';
import { RequestStatusArea } from '../../requests/components/RequestStatus.tsx';
import { AgendaSection } from '../components/AgendaSection.tsx';
import { MinutesSection } from '../components/MinutesSection.tsx';
import { ParticipantsSection } from '../components/ParticipantsSection.tsx';
import { type MeetingDetail, useMeeting, useMeetingStep } from '../queries.ts';
import { whenInWords } from '../when.ts';
import { Fact } from '../../../components/Fact.tsx';


/** One meeting: what, when and where, and — for participants and staff — its agenda, people, minutes and agreements. */
export function MeetingPage() {
  const { municipality = '', meetingId = '' } = useParams();
  const meeting = useMeeting(municipality, meetingId);
  const location = useLocation();
  const { t } = useI18n();
  const justPlanned = (location.state as { justPlanned?: string } | null)?.justPlanned;
  if (meeting.isPending) return <Loading />;
  if (meeting.error || !meeting.data) return <ProblemAlert error={meeting.error} />;
  return (
    <RequestStatusArea>
      {(status) => (
        <>
          {status}
          {justPlanned && (
            <Alert type="ok" role="status">
              <Paragraph>{t('meeting.plannedDone', { title: justPlanned })}</Paragraph>
            </Alert>
          )}
          <MeetingView municipality={municipality} meeting={meeting.data} />
        </>
      )}
    </RequestStatusArea>
  );
}

function MeetingView({ municipality, meeting }: { municipality: string; meeting: MeetingDetail }) {
  const { t, language } = useI18n();
  const kindName = localName(meeting.kind, language);
  const can = (action: string) => (meeting.allowedActions as string[]).includes(action);
  return (
    <article className="app-meeting">
      <PageTitle>{meeting.title}</PageTitle>
      <Paragraph>
        {kindName}
        {meeting.isPublicPartOnly ? ` — ${t('meetings.publicPart')}` : ''} · {t(`meeting.state.${meeting.state}`)}
      </Paragraph>
      {meeting.isPublicPartOnly && <Paragraph>{t('meeting.publicPartOnly')}</Paragraph>}
      <DataList>
        <Fact label={t('meeting.when')}>{whenInWords(meeting, language)}</Fact>
        <Fact label={t('meeting.where')}>{meeting.location}</Fact>
        {meeting.neighbourhood && <Fact label={t('meeting.neighbourhood')}>{meeting.neighbourhood.name}</Fact>}
        {meeting.publicPart && !meeting.isPublicPartOnly && (
          <Fact label={t('meeting.publicPartLabel')}>
            {whenInWords(meeting.publicPart, language)}, {meeting.publicPart.location}
          </Fact>
        )}
        {meeting.chair && <Fact label={t('meeting.chair')}>{meeting.chair.name}</Fact>}
        {meeting.invitedGroups.length > 0 && <Fact label={t('meeting.invited')}>{meeting.invitedGroups.map((group) => t(`meetingKinds.group.${group}`)).join(', ')}</Fact>}
      </DataList>
      {meeting.overriddenRules.length > 0 && (
        <section className="app-card" aria-labelledby="override-heading">
          <Heading level={2} id="override-heading">
            {t('meeting.overridden')}
          </Heading>
          <Paragraph>{meeting.overriddenRules.map((rule) => t(`meeting.rule.${rule}`)).join('; ')}</Paragraph>
          {meeting.overrideReason && <Paragraph>{t('meeting.overrideReason', { reason: meeting.overrideReason })}</Paragraph>}
        </section>
      )}
      <Paragraph>
        <a href={`/api/v1/municipalities/${municipality}/meetings/${meeting.id}/calendar`}>{t('meetings.addToCalendar')}</a>
      </Paragraph>
      {can('markHeld') && <MarkHeld municipality={municipality} meeting={meeting} />}
      <AgendaSection municipality={municipality} meeting={meeting} />
      <ParticipantsSection municipality={municipality} meeting={meeting} />
      {(meeting.state === 'held' || can('writeMinutes')) && <MinutesSection municipality={municipality} meeting={meeting} />}
      {can('confirm') && <ConfirmDraft municipality={municipality} meeting={meeting} />}
      {can('cancel') && <CancelMeeting municipality={municipality} meeting={meeting} />}
      <Paragraph>
        <AppLink to={`/${municipality}/overleggen`}>{t('meeting.backToList')}</AppLink>
      </Paragraph>
    </article>
  );
}

function MarkHeld({ municipality, meeting }: { municipality: string; meeting: MeetingDetail }) {
  const { t } = useI18n();
  const step = useMeetingStep<{ version: number }>(municipality, meeting.id, '/held', { done: () => t('meeting.heldDone') });
  return (
    <section className="app-card" aria-labelledby="held-heading">
      <Heading level={2} id="held-heading">
        {t('meeting.heldTitle')}
      </Heading>
      <Paragraph>{t('meeting.heldIntro')}</Paragraph>
      <ProblemAlert error={step.error} />
      <Button appearance="primary-action-button" busy={step.isPending} onClick={() => step.mutate({ version: meeting.version })}>
        {t('meeting.markHeld')}
      </Button>
    </section>
  );
}

/** A draft from the overlegplanner becomes a planned meeting once its place is known. */
function ConfirmDraft({ municipality, meeting }: { municipality: string; meeting: MeetingDetail }) {
  const { t } = useI18n();
  const [location, setLocation] = useState('');
  const step = useMeetingStep<{ version: number; location: string }>(municipality, meeting.id, '/confirmation', { done: () => t('meeting.confirmDone') });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    step.mutate({ version: meeting.version, location });
  };
  return (
    <section className="app-card" aria-labelledby="confirm-heading">
      <Heading level={2} id="confirm-heading">
        {t('meeting.confirmTitle')}
      </Heading>
      <Paragraph>{t('meeting.confirmIntro')}</Paragraph>
      <ProblemAlert error={step.error} fieldIds={{ 'body.location': 'confirm-location' }} />
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <TextField id="confirm-location" label={t('meeting.confirmLocation')} value={location} onChange={setLocation} error={step.fieldError('location')} required />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={step.isPending}>
            {t('meeting.confirm')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function CancelMeeting({ municipality, meeting }: { municipality: string; meeting: MeetingDetail }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const step = useMeetingStep<{ version: number; reason: string }>(municipality, meeting.id, '/cancellation', { done: () => t('meeting.cancelDone') });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    step.mutate({ version: meeting.version, reason });
  };
  return (
    <section className="app-card" aria-labelledby="cancel-heading">
      <Heading level={2} id="cancel-heading">
        {t('meeting.cancelTitle')}
      </Heading>
      <Paragraph>{t('meeting.cancelIntro')}</Paragraph>
      <ProblemAlert error={step.error} fieldIds={{ 'body.reason': 'cancel-reason' }} />
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <TextField id="cancel-reason" label={t('meeting.cancelReason')} multiline value={reason} onChange={setReason} error={step.fieldError('reason')} required />
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={step.isPending}>
            {t('meeting.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
