import { Alert, Button, DataList, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useState } from 'react';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type Action, type ActionPlan, usePlanStep } from '../queries.ts';
import { ActionForm } from './ActionForm.tsx';
import { ProgressForm } from './ProgressForm.tsx';
import { ProgressHistory } from './ProgressHistory.tsx';
import { Fact } from '../../../components/Fact.tsx';


/** "120 → 80 meldingen per jaar (nu 95)": the indicator as a sentence. */
function measurable(action: Action, t: ReturnType<typeof useI18n>['t']) {
  if (!action.indicator) return t('actionPlan.notGiven');
  const from = action.baseline === null ? '' : `${action.baseline} → `;
  const to = action.target === null ? '?' : `${action.target}`;
  const now = action.progress.currentValue === null ? '' : ` (${t('actionPlan.now', { value: action.progress.currentValue })})`;
  return `${action.indicator}: ${from}${to} ${action.unit ?? ''}${now}`;
}

/** The plan's challenges, each with its SMART actions, their owners, dates and progress. */
export function ChallengesSection({ municipality, plan }: { municipality: string; plan: ActionPlan }) {
  const { t } = useI18n();
  const mayEdit = plan.allowedActions.includes('edit');
  return (
    <section aria-labelledby="challenges-heading">
      <Heading level={2} id="challenges-heading">
        {t('actionPlan.challenges')}
      </Heading>
      {plan.challenges.length === 0 && <Paragraph>{t('actionPlan.noChallenges')}</Paragraph>}
      {plan.challenges.map((challenge) => (
        <ChallengeView key={challenge.id} municipality={municipality} plan={plan} challenge={challenge} mayEdit={mayEdit} />
      ))}
      {mayEdit && <AddChallenge municipality={municipality} plan={plan} />}
    </section>
  );
}

function ChallengeView({ municipality, plan, challenge, mayEdit }: { municipality: string; plan: ActionPlan; challenge: ActionPlan['challenges'][number]; mayEdit: boolean }) {
  const { t, language } = useI18n();
  const [isAdding, setAdding] = useState(false);
  return (
    <div className="app-card">
      <Heading level={3}>{challenge.title}</Heading>
      {challenge.description && <Paragraph>{challenge.description}</Paragraph>}
      {challenge.themes.length > 0 && <Paragraph>{t('actionPlan.themes', { themes: challenge.themes.map((theme) => (language === 'en' ? theme.nameEn : theme.nameNl)).join(', ') })}</Paragraph>}
      {challenge.actions.length > 0 && (
        <Paragraph>{t('actionPlan.challengeProgress', { done: challenge.rollup.byStatus.done ?? 0, counted: challenge.rollup.counted, overdue: challenge.rollup.overdue })}</Paragraph>
      )}
      {challenge.actions.map((action) => (
        <ActionView key={action.id} municipality={municipality} plan={plan} action={action} />
      ))}
      {mayEdit && !isAdding && (
        <Button appearance="secondary-action-button" onClick={() => setAdding(true)}>
          {t('actionPlan.addActionTo', { title: challenge.title })}
        </Button>
      )}
      {isAdding && <ActionForm municipality={municipality} plan={plan} challengeId={challenge.id} onDone={() => setAdding(false)} />}
    </div>
  );
}

function ActionView({ municipality, plan, action }: { municipality: string; plan: ActionPlan; action: Action }) {
  const { t } = useI18n();
  const [isEditing, setEditing] = useState(false);
  const [isReporting, setReporting] = useState(false);
  const [evidenceProblem, setEvidenceProblem] = useState<string | undefined>();
  if (isEditing) return <ActionForm municipality={municipality} plan={plan} challengeId={action.challengeId} action={action} onDone={() => setEditing(false)} />;
  return (
    <article className="app-action" aria-labelledby={`action-${action.id}`}>
      <Heading level={4} id={`action-${action.id}`}>
        {action.title}
      </Heading>
      <Paragraph>
        <strong>{t(`actionPlan.status.${action.progress.status}`)}</strong>
        {action.attention && ` — ${t(`actionPlan.attention.${action.attention}`)}`}
      </Paragraph>
      <DataList>
        <Fact label={t('actionPlan.field.specific')}>{[action.specific, action.location].filter(Boolean).join(' — ') || t('actionPlan.notGiven')}</Fact>
        <Fact label={t('actionPlan.measurable')}>{measurable(action, t)}</Fact>
        <Fact label={t('actionPlan.owner')}>
          {action.owner ? `${action.owner.name}${action.contact ? ` (${action.contact.displayName})` : ''}` : t('actionPlan.notGiven')}
          {action.owner && !action.isOnTopOfRegularWork && ` — ${t('actionPlan.notConfirmedOnTop')}`}
        </Fact>
        <Fact label={t('actionPlan.when')}>
          {action.startsOn ? <CalendarDate value={action.startsOn} /> : '…'} – {action.deadlineOn ? <CalendarDate value={action.deadlineOn} /> : '…'}
        </Fact>
        {(action.budgetEuros !== null || action.hours !== null || action.fundingSource) && (
          <Fact label={t('actionPlan.resources')}>{[action.budgetEuros !== null ? `€ ${action.budgetEuros.toLocaleString('nl-NL')}` : '', action.hours !== null ? t('actionPlan.hours', { hours: action.hours }) : '', action.fundingSource ?? ''].filter(Boolean).join(', ')}</Fact>
        )}
        {action.origin && <Fact label={t('actionPlan.origin')}>{t(`actionPlan.originKind.${action.origin.kind}`, { label: action.origin.label })}</Fact>}
        {action.progress.note && <Fact label={t('actionPlan.lastNote')}>{action.progress.note}</Fact>}
      </DataList>
      {action.allowedActions.includes('edit') && (
        <Button appearance="subtle-button" onClick={() => setEditing(true)}>
          {t('actionPlan.edit', { title: action.title })}
        </Button>
      )}
      {action.allowedActions.includes('postProgress') && !isReporting && (
        <Button appearance="secondary-action-button" onClick={() => setReporting(true)}>
          {t('actionPlan.reportProgress', { title: action.title })}
        </Button>
      )}
      {isReporting && (
        <ProgressForm
          municipality={municipality}
          plan={plan}
          action={action}
          onDone={(problem) => {
            setReporting(false);
            setEvidenceProblem(problem);
          }}
        />
      )}
      {evidenceProblem && (
        <Alert type="warning" role="alert">
          <Paragraph>{evidenceProblem}</Paragraph>
        </Alert>
      )}
      <ProgressHistory municipality={municipality} plan={plan} action={action} />
    </article>
  );
}

function AddChallenge({ municipality, plan }: { municipality: string; plan: ActionPlan }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const step = usePlanStep<{ title: string; description: string | null }>(municipality, plan.id, `/action-plans/${plan.id}/challenges`, { done: (body) => t('actionPlan.challengeAdded', { title: body.title }) });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    step.mutate({ title, description: description.trim() ? description : null }, { onSuccess: () => { setTitle(''); setDescription(''); } });
  };
  return (
    <form className="app-form app-card" onSubmit={onSubmit} noValidate aria-labelledby="add-challenge-heading">
      <Heading level={3} id="add-challenge-heading">
        {t('actionPlan.newChallenge')}
      </Heading>
      <ProblemAlert error={step.error} fieldIds={{ 'body.title': 'challenge-title', 'body.description': 'challenge-description' }} />
      <TextField id="challenge-title" label={t('actionPlan.challengeTitle')} value={title} onChange={setTitle} error={step.fieldError('title')} required />
      <TextField id="challenge-description" label={t('actionPlan.challengeDescription')} multiline value={description} onChange={setDescription} error={step.fieldError('description')} />
      <div>
        <Button type="submit" appearance="secondary-action-button" busy={step.isPending}>
          {t('actionPlan.addChallenge')}
        </Button>
      </div>
    </form>
  );
}
