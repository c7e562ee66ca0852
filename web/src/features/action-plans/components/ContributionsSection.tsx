import { Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useState } from 'react';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type ActionPlan, type Contribution, usePlanStep, useParties } from '../queries.ts';

/** Who is asked to contribute by when, and who has; the advisor invites more parties. */
export function InvitationsSection({ municipality, plan }: { municipality: string; plan: ActionPlan }) {
  const { t } = useI18n();
  const mayInvite = plan.allowedActions.includes('invite');
  if (!mayInvite && plan.invitations.length === 0) return null;
  return (
    <section aria-labelledby="invitations-heading">
      <Heading level={2} id="invitations-heading">
        {t('actionPlan.invitations')}
      </Heading>
      {plan.invitations.length === 0 && <Paragraph>{t('actionPlan.noInvitations')}</Paragraph>}
      {plan.invitations.length > 0 && (
        <div className="app-card-table-frame">
          <Table className="app-card-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('actionPlan.party.label')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('actionPlan.dueOn')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('actionPlan.contributed')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {plan.invitations.map((invitation) => (
                <TableRow key={invitation.id}>
                  <TableCell data-label={t('actionPlan.party.label')}>
                    {invitation.party.name} ({t(`actionPlan.party.${invitation.party.kind}`)})
                  </TableCell>
                  <TableCell data-label={t('actionPlan.dueOn')}>
                    <CalendarDate value={invitation.dueOn} />
                  </TableCell>
                  <TableCell data-label={t('actionPlan.contributed')}>{t(`actionPlan.invitationStatus.${invitation.status}`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {mayInvite && <InviteParty municipality={municipality} plan={plan} />}
    </section>
  );
}

function InviteParty({ municipality, plan }: { municipality: string; plan: ActionPlan }) {
  const { t } = useI18n();
  const [kind, setKind] = useState('council');
  const [id, setId] = useState('');
  const parties = useParties(municipality, plan.neighbourhood.id, true);
  const step = usePlanStep<{ parties: { kind: string; id: string }[] }>(municipality, plan.id, `/action-plans/${plan.id}/invitations`, {
    done: () => t('actionPlan.invited', { name: parties.data?.[kind as 'council']?.find((choice) => choice.id === id)?.name ?? '' }),
  });
  const invited = new Set(plan.invitations.map((invitation) => invitation.party.id));
  const choices = (parties.data?.[kind as 'council' | 'partner' | 'department'] ?? []).filter((choice) => !invited.has(choice.id));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    step.mutate({ parties: [{ kind, id }] }, { onSuccess: () => setId('') });
  };
  return (
    <form className="app-form app-card" onSubmit={onSubmit} noValidate aria-labelledby="invite-heading">
      <Heading level={3} id="invite-heading">
        {t('actionPlan.invite')}
      </Heading>
      <ProblemAlert error={step.error} fieldIds={{ 'body.parties.0.id': 'invite-party' }} />
      <SelectField id="invite-kind" label={t('actionPlan.party.kindLabel')} value={kind} onChange={(value) => { setKind(value); setId(''); }} options={(['council', 'partner', 'department'] as const).map((value) => ({ value, label: t(`actionPlan.party.${value}`) }))} />
      <SelectField id="invite-party" label={t('actionPlan.party.label')} value={id} onChange={setId} error={step.fieldError('parties.0.id')} options={[{ value: '', label: t('actionPlan.chooseParty') }, ...choices.map((choice) => ({ value: choice.id, label: choice.name }))]} required />
      <div>
        <Button type="submit" appearance="secondary-action-button" busy={step.isPending}>
          {t('actionPlan.inviteButton')}
        </Button>
      </div>
    </form>
  );
}

/** The parties' contributions: an invited party proposes actions; the advisor takes them over, merges or declines them. */
export function ContributionsSection({ municipality, plan }: { municipality: string; plan: ActionPlan }) {
  const { t } = useI18n();
  const mayContribute = plan.allowedActions.includes('contribute');
  if (!mayContribute && plan.contributions.length === 0) return null;
  return (
    <section aria-labelledby="contributions-heading">
      <Heading level={2} id="contributions-heading">
        {t('actionPlan.contributions')}
      </Heading>
      {plan.contributions.length > 0 && (
        <UnorderedList>
          {plan.contributions.map((contribution) => (
            <UnorderedListItem key={contribution.id}>
              <strong>{contribution.title}</strong> — {contribution.challengeTitle} ({contribution.party.name}) · {t(`actionPlan.contributionState.${contribution.state}`)}
              {contribution.declineReason && <Paragraph>{t('actionPlan.declinedBecause', { reason: contribution.declineReason })}</Paragraph>}
              {contribution.allowedActions.includes('handle') && <HandleContribution municipality={municipality} plan={plan} contribution={contribution} />}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {mayContribute && <Contribute municipality={municipality} plan={plan} />}
    </section>
  );
}

function HandleContribution({ municipality, plan, contribution }: { municipality: string; plan: ActionPlan; contribution: Contribution }) {
  const { t } = useI18n();
  const [isDeclining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const step = usePlanStep<{ outcome: 'takeOver' | 'decline'; reason?: string; version: number }>(municipality, plan.id, `/action-plan-contributions/${contribution.id}/handling`, {
    done: (body) => t(body.outcome === 'takeOver' ? 'actionPlan.takenOver' : 'actionPlan.declined', { title: contribution.title }),
  });
  const prefix = `decline-${contribution.id}`;
  return (
    <div className="app-inline-form">
      <ProblemAlert error={step.error} fieldIds={{ 'body.reason': prefix }} />
      {isDeclining && <TextField id={prefix} label={t('actionPlan.declineReason')} multiline value={reason} onChange={setReason} error={step.fieldError('reason')} required />}
      <ButtonGroup>
        {!isDeclining && (
          <Button appearance="primary-action-button" busy={step.isPending} onClick={() => step.mutate({ outcome: 'takeOver', version: contribution.version })}>
            {t('actionPlan.takeOver', { title: contribution.title })}
          </Button>
        )}
        <Button appearance="secondary-action-button" busy={step.isPending} onClick={() => (isDeclining ? step.mutate({ outcome: 'decline', reason, version: contribution.version }) : setDeclining(true))}>
          {t('actionPlan.decline', { title: contribution.title })}
        </Button>
      </ButtonGroup>
    </div>
  );
}

function Contribute({ municipality, plan }: { municipality: string; plan: ActionPlan }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ challengeTitle: '', title: '', specific: '', indicator: '', target: '', unit: '', deadlineOn: '' });
  const step = usePlanStep<Record<string, unknown>>(municipality, plan.id, `/action-plans/${plan.id}/contributions`, { done: () => t('actionPlan.contributionSent', { title: form.title }) });
  const set = (key: keyof typeof form) => (value: string) => setForm((current) => ({ ...current, [key]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const orNull = (value: string) => (value.trim() === '' ? null : value);
    step.mutate(
      { challengeTitle: form.challengeTitle, title: form.title, specific: orNull(form.specific), indicator: orNull(form.indicator), target: form.target.trim() === '' ? null : Number(form.target.replace(',', '.')), unit: orNull(form.unit), deadlineOn: orNull(form.deadlineOn) },
      { onSuccess: () => setForm({ challengeTitle: '', title: '', specific: '', indicator: '', target: '', unit: '', deadlineOn: '' }) },
    );
  };
  const field = (key: keyof typeof form) => ({ id: `contribute-${key}`, label: t(`actionPlan.field.${key}`), value: form[key], onChange: set(key), error: step.fieldError(key) });
  return (
    <form className="app-form app-card" onSubmit={onSubmit} noValidate aria-labelledby="contribute-heading">
      <Heading level={3} id="contribute-heading">
        {t('actionPlan.contribute')}
      </Heading>
      <Paragraph>{t('actionPlan.contributeIntro', { party: plan.myParties.map((party) => party.name).join(', ') })}</Paragraph>
      <ProblemAlert error={step.error} fieldIds={Object.fromEntries(Object.keys(form).map((key) => [`body.${key}`, `contribute-${key}`]))} />
      <TextField {...field('challengeTitle')} required />
      <TextField {...field('title')} required />
      <TextField {...field('specific')} multiline />
      <TextField {...field('indicator')} />
      <TextField {...field('target')} inputMode="numeric" />
      <TextField {...field('unit')} />
      <TextField {...field('deadlineOn')} type="date" />
      <div>
        <Button type="submit" appearance="primary-action-button" busy={step.isPending}>
          {t('actionPlan.sendContribution')}
        </Button>
      </div>
    </form>
  );
}
