import { Button, ButtonGroup, Heading, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react/css-module';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, tenantPath } from '../../../api/client.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type Agenda, type MeetingDetail, useMeetingPart, useMeetingStep } from '../queries.ts';

/** The agenda: its points and the requests on it, what a council asked for, and what people prepare. */
export function AgendaSection({ municipality, meeting }: { municipality: string; meeting: MeetingDetail }) {
  const { t } = useI18n();
  const can = (action: string) => (meeting.allowedActions as string[]).includes(action);
  const agenda = useMeetingPart<Agenda>(municipality, meeting.id, 'agenda', !meeting.isPublicPartOnly);
  if (meeting.isPublicPartOnly) return null;
  const items = agenda.data?.items ?? [];
  return (
    <section aria-labelledby="agenda-heading">
      <Heading level={2} id="agenda-heading">
        {t('meeting.agenda')}
      </Heading>
      {agenda.data && items.length === 0 && <Paragraph>{t('meeting.agendaEmpty')}</Paragraph>}
      {items.length > 0 && (
        <OrderedList>
          {items.map((item) => (
            <OrderedListItem key={item.id}>
              <strong>{item.title}</strong>
              {item.state !== 'accepted' && ` (${t(`meeting.agendaState.${item.state}`)})`}
              {item.isProposedByCouncil && item.state === 'accepted' && ` (${t('meeting.askedByCouncil')})`}
              {item.description && <> — {item.description}</>}
              {item.request && (
                <>
                  {' '}
                  — <AppLink to={`/${municipality}/vragen/${item.request.id}`}>{`${item.request.reference} ${item.request.title}`}</AppLink>
                </>
              )}
              {item.declineReason && <Paragraph>{t('meeting.declinedBecause', { reason: item.declineReason })}</Paragraph>}
              {item.state === 'requested' && can('editAgenda') && <DecideItem municipality={municipality} meeting={meeting} itemId={item.id} title={item.title} />}
            </OrderedListItem>
          ))}
        </OrderedList>
      )}
      {can('editAgenda') && <AddAgendaItem municipality={municipality} meeting={meeting} />}
      {can('proposeAgendaItem') && <ProposeRequest municipality={municipality} meeting={meeting} />}
      {(agenda.data?.contributions.length ?? 0) > 0 && (
        <>
          <Heading level={3}>{t('meeting.contributions')}</Heading>
          <OrderedList>
            {agenda.data?.contributions.map((contribution) => (
              <OrderedListItem key={contribution.id}>
                {contribution.title} — {contribution.assignee.name}, {t('meeting.dueOn')} <CalendarDate value={contribution.dueOn} />
                {contribution.isDelivered ? ` (${t('meeting.delivered')})` : contribution.isOverdue ? ` (${t('meeting.overdue')})` : ''}
              </OrderedListItem>
            ))}
          </OrderedList>
        </>
      )}
    </section>
  );
}

function DecideItem({ municipality, meeting, itemId, title }: { municipality: string; meeting: MeetingDetail; itemId: string; title: string }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [isDeclining, setDeclining] = useState(false);
  const step = useMeetingStep<{ decision: 'accept' } | { decision: 'decline'; reason: string }>(municipality, meeting.id, `/agenda-items/${itemId}/decision`, {
    done: (body) => t(body.decision === 'accept' ? 'meeting.acceptedDone' : 'meeting.declinedDone', { title }),
  });
  return (
    <div className="app-inline-form">
      <ProblemAlert error={step.error} fieldIds={{ 'body.reason': `decline-${itemId}` }} />
      {isDeclining && <TextField id={`decline-${itemId}`} label={t('meeting.declineReason')} multiline value={reason} onChange={setReason} error={step.fieldError('reason')} required />}
      <ButtonGroup>
        {!isDeclining && (
          <Button appearance="primary-action-button" busy={step.isPending} onClick={() => step.mutate({ decision: 'accept' })}>
            {t('meeting.accept')}
          </Button>
        )}
        <Button appearance="secondary-action-button" busy={step.isPending} onClick={() => (isDeclining ? step.mutate({ decision: 'decline', reason }) : setDeclining(true))}>
          {t('meeting.decline')}
        </Button>
      </ButtonGroup>
    </div>
  );
}

function AddAgendaItem({ municipality, meeting }: { municipality: string; meeting: MeetingDetail }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const step = useMeetingStep<{ title: string; description: string | null }>(municipality, meeting.id, '/agenda-items', { done: (body) => t('meeting.itemAdded', { title: body.title }) });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    step.mutate({ title, description: description || null }, {
      onSuccess: () => {
        setTitle('');
        setDescription('');
      },
    });
  };
  return (
    <form className="app-form app-card" onSubmit={onSubmit} noValidate aria-labelledby="add-item-heading">
      <Heading level={3} id="add-item-heading">
        {t('meeting.addItem')}
      </Heading>
      <ProblemAlert error={step.error} fieldIds={{ 'body.title': 'item-title', 'body.description': 'item-description' }} />
      <TextField id="item-title" label={t('meeting.itemTitle')} value={title} onChange={setTitle} error={step.fieldError('title')} required />
      <TextField id="item-description" label={t('meeting.itemDescription')} multiline value={description} onChange={setDescription} error={step.fieldError('description')} />
      <div>
        <Button type="submit" appearance="secondary-action-button" busy={step.isPending}>
          {t('meeting.addItemButton')}
        </Button>
      </div>
    </form>
  );
}

/** A council member asks for one of their council's requests to be discussed. */
function ProposeRequest({ municipality, meeting }: { municipality: string; meeting: MeetingDetail }) {
  const { t } = useI18n();
  const own = useQuery({
    queryKey: ['requests', municipality, 'mine-for-agenda'],
    queryFn: () => api<{ items: { id: string; reference: string; title: string }[] }>(tenantPath(municipality, '/requests?mine=true&pageSize=50')),
  });
  const [requestId, setRequestId] = useState('');
  const step = useMeetingStep<{ title: string; requestId: string | null }>(municipality, meeting.id, '/agenda-items', { done: (body) => t('meeting.proposedDone', { title: body.title }) });
  const options = own.data?.items ?? [];
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = options.find((item) => item.id === requestId);
    step.mutate({ title: chosen?.title ?? '', requestId: chosen?.id ?? null });
  };
  return (
    <form className="app-form app-card" onSubmit={onSubmit} noValidate aria-labelledby="propose-heading">
      <Heading level={3} id="propose-heading">
        {t('meeting.proposeTitle')}
      </Heading>
      <Paragraph>{t('meeting.proposeIntro')}</Paragraph>
      <ProblemAlert error={step.error} fieldIds={{ 'body.requestId': 'propose-request', 'body.title': 'propose-request' }} />
      <SelectField
        id="propose-request"
        label={t('meeting.proposeRequest')}
        value={requestId}
        onChange={setRequestId}
        error={step.fieldError('requestId')}
        options={[{ value: '', label: t('meeting.chooseRequest') }, ...options.map((item) => ({ value: item.id, label: `${item.reference} ${item.title}` }))]}
      />
      <div>
        <Button type="submit" appearance="secondary-action-button" busy={step.isPending}>
          {t('meeting.proposeButton')}
        </Button>
      </div>
    </form>
  );
}
