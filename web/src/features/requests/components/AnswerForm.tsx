import { Button, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import type { Request } from '../../../api/types.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { storeRequest, useRequestSettings } from '../queries.ts';
import { useAnnounce } from './RequestStatus.tsx';

const conditionKinds = ['budget', 'capacity', 'policy', 'decision'];
const reasons = ['too_expensive', 'general_interest_or_safety', 'insufficient_support', 'outside_competence', 'other'];

/**
 * Exactly one verdict: nu, ooit or nooit, each with what it needs; the API's rules say what is missing. The same
 * form changes an ooit into a nu or a nooit later ("changeVerdict"). Templates of the municipality fill the motivation.
 */
export function AnswerForm({ municipality, request, mode = 'answer', isAdvisor = false }: { municipality: string; request: Request; mode?: 'answer' | 'changeVerdict'; isAdvisor?: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const settings = useRequestSettings(municipality, true);
  const verdicts = mode === 'changeVerdict' ? ['nu', 'nooit'] : ['nu', 'ooit', 'nooit'];
  const [values, setValues] = useState({ verdict: 'nu', motivation: '', action: '', plannedOn: '', conditionKind: 'budget', conditionText: '', decisionDueOn: '', updateEveryWeeks: '', reason: 'too_expensive' });
  const updateEveryWeeks = values.updateEveryWeeks || String(settings.data?.defaultUpdateEveryWeeks ?? 6);
  // With four eyes on, an officer's answer goes to the advisor first; the advisor's own goes out at once.
  const isReviewed = mode === 'answer' && settings.data?.requiresAnswerReview === true && !isAdvisor;
  const templates = (settings.data?.answerTemplates ?? []).filter((template) => template.verdict === values.verdict);
  const set = (name: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [name]: value }));
  const answer = useMutation({
    mutationFn: () => {
      const common = { version: request.version, motivation: values.motivation };
      const body =
        values.verdict === 'nu'
          ? { ...common, verdict: 'nu', action: values.action, plannedOn: values.plannedOn }
          : values.verdict === 'ooit'
            ? { ...common, verdict: 'ooit', conditions: values.conditionText ? [{ kind: values.conditionKind, text: values.conditionText }] : [], decisionDueOn: values.decisionDueOn, updateEveryWeeks: Number(updateEveryWeeks) }
            : { ...common, verdict: 'nooit', reasons: [values.reason] };
      return api<Request>(tenantPath(municipality, `/requests/${request.id}/${mode === 'changeVerdict' ? 'verdict-change' : 'answer'}`), { method: 'POST', body });
    },
    onSuccess: (updated) => {
      storeRequest(queryClient, municipality, updated);
      const verdict = t(`verdict.${values.verdict}`);
      if (mode === 'changeVerdict') announce(t('status.verdictChanged', { verdict }));
      else announce(updated.proposedAnswer ? t('status.proposed', { verdict }) : t('status.answered', { verdict }));
    },
  });
  const problem = answer.error instanceof ApiProblem ? answer.error : undefined;
  const error = (field: string) => problem?.fieldError(`body.${field}`);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    answer.mutate();
  };
  return (
    <section aria-labelledby={`${mode}-heading`}>
      <Heading level={2} id={`${mode}-heading`}>
        {mode === 'changeVerdict' ? t('answer.changeTitle') : t('answer.title')}
      </Heading>
      {mode === 'changeVerdict' && <Paragraph>{t('answer.changeIntro')}</Paragraph>}
      {isReviewed && <Paragraph>{t('answer.reviewNotice')}</Paragraph>}
      <ProblemAlert error={answer.error} fieldIds={{ 'body.motivation': 'answer-motivation', 'body.plannedOn': 'answer-plannedOn', 'body.conditions': 'answer-conditionText', 'body.decisionDueOn': 'answer-decisionDueOn' }} />
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <SelectField id="answer-verdict" label={t('answer.verdict')} value={values.verdict} onChange={set('verdict')} options={verdicts.map((verdict) => ({ value: verdict, label: t(`verdict.${verdict}.long`) }))} />
        {templates.length > 0 && (
          <SelectField
            id="answer-template"
            label={t('answer.template')}
            value=""
            onChange={(title) => set('motivation')(templates.find((template) => template.title === title)?.text ?? values.motivation)}
            options={[{ value: '', label: t('common.choose') }, ...templates.map((template) => ({ value: template.title, label: template.title }))]}
          />
        )}
        {values.verdict === 'nu' && (
          <>
            <TextField id="answer-action" label={t('answer.action')} value={values.action} onChange={set('action')} error={error('action')} />
            <TextField id="answer-plannedOn" label={t('answer.plannedOn')} type="date" value={values.plannedOn} onChange={set('plannedOn')} error={error('plannedOn')} />
          </>
        )}
        {values.verdict === 'ooit' && (
          <>
            <SelectField id="answer-conditionKind" label={t('answer.conditionKind')} value={values.conditionKind} onChange={set('conditionKind')} options={conditionKinds.map((kind) => ({ value: kind, label: t(`conditionKind.${kind}`) }))} />
            <TextField id="answer-conditionText" label={t('answer.conditionText')} value={values.conditionText} onChange={set('conditionText')} error={error('conditions') ?? error('conditions.0.text')} />
            <TextField id="answer-decisionDueOn" label={t('answer.decisionDueOn')} type="date" value={values.decisionDueOn} onChange={set('decisionDueOn')} error={error('decisionDueOn')} />
            <TextField id="answer-updateEveryWeeks" label={t('answer.updateEveryWeeks')} value={updateEveryWeeks} onChange={set('updateEveryWeeks')} error={error('updateEveryWeeks')} />
          </>
        )}
        {values.verdict === 'nooit' && <SelectField id="answer-reason" label={t('answer.reason')} value={values.reason} onChange={set('reason')} options={reasons.map((reason) => ({ value: reason, label: t(`refusalReason.${reason}`) }))} error={error('reasons')} />}
        <TextField id="answer-motivation" label={t('answer.motivation')} description={t('answer.motivationDescription')} multiline value={values.motivation} onChange={set('motivation')} error={error('motivation')} />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={answer.isPending}>
            {mode === 'changeVerdict' ? t('answer.sendChange') : isReviewed ? t('answer.propose') : t('answer.send')}
          </Button>
        </div>
      </form>
    </section>
  );
}
