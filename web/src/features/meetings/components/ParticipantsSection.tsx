import { Button, ButtonGroup, Checkbox, FormField, FormLabel, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useState } from 'react';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type MeetingDetail, type ParticipantList, useMeetingCandidates, useMeetingPart, useMeetingStep } from '../queries.ts';

/** Who is invited by name, their answers and, afterwards, who was there. Only participants and staff see it. */
export function ParticipantsSection({ municipality, meeting }: { municipality: string; meeting: MeetingDetail }) {
  const { t } = useI18n();
  const can = (action: string) => (meeting.allowedActions as string[]).includes(action);
  const participants = useMeetingPart<ParticipantList>(municipality, meeting.id, 'participants', meeting.isInsider);
  if (!meeting.isInsider || !participants.data) return null;
  const items = participants.data.items;
  return (
    <section aria-labelledby="participants-heading">
      <Heading level={2} id="participants-heading">
        {t('meeting.participants')}
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{t('meeting.noParticipants')}</Paragraph>
      ) : (
        <div className="app-card-table-frame">
          <Table className="app-card-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('meeting.person')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('meeting.answer')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('meeting.attended')}</TableHeaderCell>
                {can('manageParticipants') && <TableHeaderCell scope="col">{t('meeting.actions')}</TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((person) => (
                <TableRow key={person.id}>
                  <TableCell data-label={t('meeting.person')}>
                    {person.name}
                    {person.guestKind && ` (${t(`meeting.guestKind.${person.guestKind}`)})`}
                    {person.isOptional && ` — ${t('meeting.optional')}`}
                  </TableCell>
                  <TableCell data-label={t('meeting.answer')}>{person.answer ? t(`meeting.answerOf.${person.answer}`) : person.isInvited ? t('meeting.noAnswerYet') : t('meeting.notInvitedYet')}</TableCell>
                  <TableCell data-label={t('meeting.attended')}>{person.attended === null ? '—' : person.attended ? t('meeting.present') : t('meeting.absent')}</TableCell>
                  {can('manageParticipants') && (
                    <TableCell data-label={t('meeting.actions')}>
                      <RemoveParticipant municipality={municipality} meeting={meeting} participantId={person.id} name={person.name} />
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {can('answerInvitation') && <AnswerInvitation municipality={municipality} meeting={meeting} />}
      {can('sendInvitations') && items.some((person) => !person.isInvited || person.isInvitationOutdated) && <SendInvitations municipality={municipality} meeting={meeting} />}
      {can('manageParticipants') && <AddParticipant municipality={municipality} meeting={meeting} />}
      {can('recordAttendance') && items.length > 0 && <RecordAttendance municipality={municipality} meeting={meeting} participants={items} />}
    </section>
  );
}

function RemoveParticipant({ municipality, meeting, participantId, name }: { municipality: string; meeting: MeetingDetail; participantId: string; name: string }) {
  const { t } = useI18n();
  const step = useMeetingStep(municipality, meeting.id, `/participants/${participantId}`, { method: 'DELETE', done: () => t('meeting.removedDone', { name }) });
  return (
    <Button appearance="subtle-button" busy={step.isPending} onClick={() => step.mutate(undefined)} aria-label={t('meeting.removeOf', { name })}>
      {t('meeting.remove')}
    </Button>
  );
}

function AnswerInvitation({ municipality, meeting }: { municipality: string; meeting: MeetingDetail }) {
  const { t } = useI18n();
  const step = useMeetingStep<{ answer: 'yes' | 'no' | 'maybe' }>(municipality, meeting.id, '/my-answer', { method: 'PUT', done: (body) => t('meeting.answeredDone', { answer: t(`meeting.answerOf.${body.answer}`) }) });
  return (
    <div className="app-card">
      <Heading level={3}>{t('meeting.yourAnswer')}</Heading>
      <ProblemAlert error={step.error} />
      <ButtonGroup>
        {(['yes', 'maybe', 'no'] as const).map((answer) => (
          <Button key={answer} appearance={answer === 'yes' ? 'primary-action-button' : 'secondary-action-button'} busy={step.isPending} onClick={() => step.mutate({ answer })}>
            {t(`meeting.answerButton.${answer}`)}
          </Button>
        ))}
      </ButtonGroup>
    </div>
  );
}

function SendInvitations({ municipality, meeting }: { municipality: string; meeting: MeetingDetail }) {
  const { t } = useI18n();
  const [sent, setSent] = useState<number | null>(null);
  const step = useMeetingStep(municipality, meeting.id, '/invitations', { done: () => t('meeting.invitationsDone') });
  return (
    <div className="app-card">
      <Paragraph>{t('meeting.invitationsIntro')}</Paragraph>
      <ProblemAlert error={step.error} />
      <Button appearance="primary-action-button" busy={step.isPending} onClick={() => step.mutate(undefined, { onSuccess: (answer) => setSent((answer as { sentCount: number }).sentCount) })}>
        {t('meeting.sendInvitations')}
      </Button>
      {sent !== null && <Paragraph>{t('meeting.invitationsSent', { count: sent })}</Paragraph>}
    </div>
  );
}

function AddParticipant({ municipality, meeting }: { municipality: string; meeting: MeetingDetail }) {
  const { t } = useI18n();
  const candidates = useMeetingCandidates(municipality, meeting.neighbourhood?.id);
  const [userId, setUserId] = useState('');
  const [guestName, setGuestName] = useState('');
  const [guestEmail, setGuestEmail] = useState('');
  const [guestKind, setGuestKind] = useState<'municipal_council_member' | 'external'>('municipal_council_member');
  const [isOptional, setOptional] = useState(false);
  const step = useMeetingStep<Record<string, unknown>>(municipality, meeting.id, '/participants', { done: () => t('meeting.participantAdded') });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const guest = userId ? null : { name: guestName, email: guestEmail, kind: guestKind };
    step.mutate({ userId: userId || null, guest, isOptional }, {
      onSuccess: () => {
        setUserId('');
        setGuestName('');
        setGuestEmail('');
      },
    });
  };
  return (
    <form className="app-form app-card" onSubmit={onSubmit} noValidate aria-labelledby="add-participant-heading">
      <Heading level={3} id="add-participant-heading">
        {t('meeting.addParticipant')}
      </Heading>
      <ProblemAlert error={step.error} fieldIds={{ 'body.userId': 'participant-user', 'body.guest.name': 'guest-name', 'body.guest.email': 'guest-email' }} />
      <SelectField
        id="participant-user"
        label={t('meeting.participantUser')}
        value={userId}
        onChange={setUserId}
        error={step.fieldError('userId')}
        options={[{ value: '', label: t('meeting.guestInstead') }, ...(candidates.data?.items ?? []).map((person) => ({ value: person.userId, label: `${person.name} (${person.roles.map((role) => t(`role.${role.role}`)).join(', ')})` }))]}
      />
      {!userId && (
        <>
          <TextField id="guest-name" label={t('meeting.guestName')} value={guestName} onChange={setGuestName} error={step.fieldError('guest.name')} />
          <TextField id="guest-email" type="email" label={t('meeting.guestEmail')} value={guestEmail} onChange={setGuestEmail} error={step.fieldError('guest.email')} autoComplete="off" />
          <SelectField
            id="guest-kind"
            label={t('meeting.guestKindLabel')}
            value={guestKind}
            onChange={(value) => setGuestKind(value as typeof guestKind)}
            options={(['municipal_council_member', 'external'] as const).map((kind) => ({ value: kind, label: t(`meeting.guestKind.${kind}`) }))}
          />
        </>
      )}
      <FormField type="checkbox" input={<Checkbox id="participant-optional" checked={isOptional} onChange={(event) => setOptional((event.target as HTMLInputElement).checked)} />} label={<FormLabel htmlFor="participant-optional" type="checkbox">{t('meeting.optionalLabel')}</FormLabel>} />
      <div>
        <Button type="submit" appearance="secondary-action-button" busy={step.isPending}>
          {t('meeting.addParticipantButton')}
        </Button>
      </div>
    </form>
  );
}

function RecordAttendance({ municipality, meeting, participants }: { municipality: string; meeting: MeetingDetail; participants: ParticipantList['items'] }) {
  const { t } = useI18n();
  const [present, setPresent] = useState<Set<string>>(() => new Set(participants.filter((person) => person.attended ?? person.answer === 'yes').map((person) => person.id)));
  const step = useMeetingStep<{ presentParticipantIds: string[] }>(municipality, meeting.id, '/attendance', { method: 'PUT', done: (body) => t('meeting.attendanceDone', { count: body.presentParticipantIds.length }) });
  const toggle = (id: string, isOn: boolean) => setPresent((current) => new Set(isOn ? [...current, id] : [...current].filter((item) => item !== id)));
  return (
    <form
      className="app-form app-card"
      noValidate
      aria-labelledby="attendance-heading"
      onSubmit={(event) => {
        event.preventDefault();
        step.mutate({ presentParticipantIds: [...present] });
      }}
    >
      <Heading level={3} id="attendance-heading">
        {t('meeting.attendanceTitle')}
      </Heading>
      <ProblemAlert error={step.error} />
      {participants.map((person) => (
        <FormField
          key={person.id}
          type="checkbox"
          input={<Checkbox id={`present-${person.id}`} checked={present.has(person.id)} onChange={(event) => toggle(person.id, (event.target as HTMLInputElement).checked)} />}
          label={
            <FormLabel htmlFor={`present-${person.id}`} type="checkbox">
              {person.name}
            </FormLabel>
          }
        />
      ))}
      <div>
        <Button type="submit" appearance="secondary-action-button" busy={step.isPending}>
          {t('meeting.saveAttendance')}
        </Button>
      </div>
    </form>
  );
}
