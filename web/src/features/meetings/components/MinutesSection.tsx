import { Button, ButtonGroup, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useState } from 'react';
import { hasRole, useSession } from '../../../api/session.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type MeetingDetail, type Minutes, useMeetingPart, useMeetingStep } from '../queries.ts';

/** The minutes of a held meeting and the agreements in them: who does what by when. */
export function MinutesSection({ municipality, meeting }: { municipality: string; meeting: MeetingDetail }) {
  const { t } = useI18n();
  const can = (action: string) => (meeting.allowedActions as string[]).includes(action);
  const session = useSession(municipality);
  const isCouncilMember = hasRole(session.data, 'council_member');
  const minutes = useMeetingPart<Minutes>(municipality, meeting.id, 'minutes', !meeting.isPublicPartOnly);
  if (meeting.isPublicPartOnly || minutes.isError) return null;
  if (!minutes.data) return <Loading />;
  const data = minutes.data;
  return (
    <section aria-labelledby="minutes-heading">
      <Heading level={2} id="minutes-heading">
        {t('meeting.minutes')}
      </Heading>
      {data.dueOn && data.state !== 'published' && (
        <Paragraph>
          {t(data.isOverdue ? 'meeting.minutesOverdue' : 'meeting.minutesDue')} <CalendarDate value={data.dueOn} />
        </Paragraph>
      )}
      {data.state === 'published' && data.body && (
        <div className="app-minutes">
          {data.body.split(/\n{2,}/).map((paragraph) => (
            <Paragraph key={paragraph}>{paragraph}</Paragraph>
          ))}
        </div>
      )}
      {data.state === null && !can('writeMinutes') && <Paragraph>{t('meeting.noMinutesYet')}</Paragraph>}
      {can('writeMinutes') && data.state !== 'published' && <MinutesForm municipality={municipality} meeting={meeting} minutes={data} />}
      {(data.followUps.length > 0 || can('manageFollowUps')) && (
        <>
          <Heading level={3}>{t('meeting.followUps')}</Heading>
          {data.followUps.length === 0 ? (
            <Paragraph>{t('meeting.noFollowUps')}</Paragraph>
          ) : (
            <FollowUpList municipality={municipality} meetingId={meeting.id} items={data.followUps} mayComplete={can('manageFollowUps')} mayConvert={isCouncilMember && meeting.isInsider} />
          )}
          {can('manageFollowUps') && <AddFollowUp municipality={municipality} meeting={meeting} />}
        </>
      )}
    </section>
  );
}

export function FollowUpList({ municipality, meetingId, items, mayComplete, mayConvert = false }: { municipality: string; meetingId: string; items: Minutes['followUps']; mayComplete: boolean; mayConvert?: boolean }) {
  const { t } = useI18n();
  return (
    <UnorderedList>
      {items.map((item) => (
        <UnorderedListItem key={item.id}>
          {item.description} — {item.owner.name}, {t('meeting.dueOn')} <CalendarDate value={item.dueOn} /> ({t(item.state === 'done' ? 'meeting.followUpDone' : item.isOverdue ? 'meeting.overdue' : 'meeting.followUpOpen')})
          {mayComplete && item.state === 'open' && <CompleteFollowUp municipality={municipality} meetingId={meetingId} followUpId={item.id} version={item.version} description={item.description} />}
          {item.requestId && (
            <>
              {' '}
              · <AppLink to={`/${municipality}/vragen/${item.requestId}`}>{t('meeting.followUpRequest')}</AppLink>
            </>
          )}
          {mayConvert && item.state === 'open' && !item.requestId && <ConvertFollowUp municipality={municipality} meetingId={meetingId} followUpId={item.id} version={item.version} description={item.description} />}
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

function CompleteFollowUp({ municipality, meetingId, followUpId, version, description }: { municipality: string; meetingId: string; followUpId: string; version: number; description: string }) {
  const { t } = useI18n();
  const step = useMeetingStep<{ version: number }>(municipality, meetingId, `/meeting-follow-ups/${followUpId}/completion`, { done: () => t('meeting.followUpCompleted', { description }) });
  return (
    <>
      {' '}
      <Button appearance="subtle-button" busy={step.isPending} onClick={() => step.mutate({ version })} aria-label={t('meeting.completeOf', { description })}>
        {t('meeting.complete')}
      </Button>
      <ProblemAlert error={step.error} />
    </>
  );
}

/** The council makes an agreement a request of its own, so the municipality answers it under the protocol. */
function ConvertFollowUp({ municipality, meetingId, followUpId, version, description }: { municipality: string; meetingId: string; followUpId: string; version: number; description: string }) {
  const { t } = useI18n();
  const step = useMeetingStep<{ version: number }>(municipality, meetingId, `/meeting-follow-ups/${followUpId}/request`, { done: () => t('meeting.followUpConverted', { description }) });
  return (
    <>
      {' '}
      <Button appearance="subtle-button" busy={step.isPending} onClick={() => step.mutate({ version })} aria-label={t('meeting.convertOf', { description })}>
        {t('meeting.convert')}
      </Button>
      <ProblemAlert error={step.error} />
    </>
  );
}

function MinutesForm({ municipality, meeting, minutes }: { municipality: string; meeting: MeetingDetail; minutes: Minutes }) {
  const { t } = useI18n();
  const [body, setBody] = useState(minutes.body ?? '');
  const step = useMeetingStep<{ body: string; isPublished: boolean; version: number }>(municipality, meeting.id, '/minutes', { method: 'PUT', done: (sent) => t(sent.isPublished ? 'meeting.minutesPublished' : 'meeting.minutesSaved') });
  const save = (isPublished: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    step.mutate({ body, isPublished, version: minutes.version });
  };
  return (
    <form className="app-form" onSubmit={save(false)} noValidate>
      <ProblemAlert error={step.error} fieldIds={{ 'body.body': 'minutes-body' }} />
      <TextField id="minutes-body" label={t('meeting.minutesBody')} description={t('meeting.minutesHint')} multiline value={body} onChange={setBody} error={step.fieldError('body')} required />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={step.isPending}>
          {t('meeting.saveDraft')}
        </Button>
        <Button appearance="primary-action-button" busy={step.isPending} onClick={() => save(true)()}>
          {t('meeting.publishMinutes')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function AddFollowUp({ municipality, meeting }: { municipality: string; meeting: MeetingDetail }) {
  const { t } = useI18n();
  const [description, setDescription] = useState('');
  const [ownerName, setOwnerName] = useState('');
  const [dueOn, setDueOn] = useState('');
  const step = useMeetingStep<{ description: string; ownerName: string | null; dueOn: string }>(municipality, meeting.id, '/follow-ups', { done: (body) => t('meeting.followUpAdded', { description: body.description }) });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    step.mutate({ description, ownerName: ownerName || null, dueOn }, {
      onSuccess: () => {
        setDescription('');
        setOwnerName('');
        setDueOn('');
      },
    });
  };
  return (
    <form className="app-form app-card" onSubmit={onSubmit} noValidate aria-labelledby="follow-up-heading">
      <Heading level={4} id="follow-up-heading">
        {t('meeting.addFollowUp')}
      </Heading>
      <ProblemAlert error={step.error} fieldIds={{ 'body.description': 'follow-up-description', 'body.ownerName': 'follow-up-owner', 'body.dueOn': 'follow-up-due' }} />
      <TextField id="follow-up-description" label={t('meeting.followUpDescription')} multiline value={description} onChange={setDescription} error={step.fieldError('description')} required />
      <TextField id="follow-up-owner" label={t('meeting.followUpOwner')} description={t('meeting.followUpOwnerHint')} value={ownerName} onChange={setOwnerName} error={step.fieldError('ownerName')} required />
      <TextField id="follow-up-due" type="date" label={t('meeting.followUpDue')} value={dueOn} onChange={setDueOn} error={step.fieldError('dueOn')} required />
      <div>
        <Button type="submit" appearance="secondary-action-button" busy={step.isPending}>
          {t('meeting.addFollowUpButton')}
        </Button>
      </div>
    </form>
  );
}
