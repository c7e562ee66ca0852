import { Button, ButtonGroup, Checkbox, FormField, FormLabel, Heading } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useState } from 'react';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type Action, type ActionPlan, useOriginChoices, usePlanStep, useParties } from '../queries.ts';

const textFields = ['specific', 'location', 'indicator', 'unit', 'fundingSource'] as const;
const numberFields = ['baseline', 'target', 'budgetEuros', 'hours'] as const;
const dateFields = ['startsOn', 'deadlineOn'] as const;

/** What a person typed, as the API wants it: an empty box is "not given" (null), a number box a number. */
function valuesOf(form: Record<string, string>) {
  return {
    ...Object.fromEntries(textFields.map((key) => [key, form[key].trim() === '' ? null : form[key]])),
    ...Object.fromEntries(numberFields.map((key) => [key, form[key].trim() === '' ? null : Number(form[key].replace(',', '.'))])),
    ...Object.fromEntries(dateFields.map((key) => [key, form[key] === '' ? null : form[key]])),
  };
}

function initialOf(action: Action | undefined): Record<string, string> {
  const form: Record<string, string> = { title: action?.title ?? '', ownerKind: action?.owner?.kind ?? '', ownerId: action?.owner?.id ?? '' };
  for (const key of [...textFields, ...numberFields, ...dateFields]) form[key] = action?.[key] === null || action?.[key] === undefined ? '' : String(action[key]);
  return form;
}

/**
 * Adds an action under a challenge, or changes one, with every SMART field: what and where, how measured, who does it
 * (confirmed as effort on top of regular work), what it takes, and when.
 */
export function ActionForm({ municipality, plan, challengeId, action, onDone }: { municipality: string; plan: ActionPlan; challengeId: string; action?: Action; onDone(): void }) {
  const { t } = useI18n();
  const [form, setForm] = useState(() => initialOf(action));
  const [isOnTop, setOnTop] = useState(action?.isOnTopOfRegularWork ?? false);
  const parties = useParties(municipality, plan.neighbourhood.id, true);
  // Only a new action says where it comes from; the origin of an existing one stays.
  const origins = useOriginChoices(municipality, plan.neighbourhood.id, !action);
  const [origin, setOrigin] = useState('');
  const prefix = action ? `edit-${action.id}` : `new-${challengeId}`;
  const step = usePlanStep<Record<string, unknown>>(municipality, plan.id, action ? `/action-plan-actions/${action.id}` : `/action-plan-challenges/${challengeId}/actions`, {
    method: action ? 'PATCH' : 'POST',
    done: () => t(action ? 'actionPlan.actionSaved' : 'actionPlan.actionAdded', { title: form.title }),
  });
  const set = (key: string) => (value: string) => setForm((current) => ({ ...current, [key]: value, ...(key === 'ownerKind' ? { ownerId: '' } : {}) }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const owner = form.ownerKind && form.ownerId ? { kind: form.ownerKind, id: form.ownerId } : null;
    const [originKind, originId] = origin.split(':');
    const originFields = originKind === 'request' ? { originRequestId: originId } : originKind === 'followUp' ? { originFollowUpId: originId } : {};
    step.mutate({ title: form.title, ...valuesOf(form), owner, isOnTopOfRegularWork: isOnTop, ...originFields, ...(action ? { version: action.version } : {}) }, { onSuccess: onDone });
  };
  const field = (key: string, type?: 'date') => ({ id: `${prefix}-${key}`, label: t(`actionPlan.field.${key}`), value: form[key], onChange: set(key), error: step.fieldError(key), ...(type ? { type } : {}) });
  const ownerChoices = form.ownerKind ? (parties.data?.[form.ownerKind as 'department' | 'partner' | 'council'] ?? []) : [];
  const fieldIds = Object.fromEntries(Object.keys(form).map((key) => [`body.${key}`, `${prefix}-${key}`]));
  return (
    <form className="app-form app-card" onSubmit={onSubmit} noValidate aria-labelledby={`${prefix}-heading`}>
      <Heading level={4} id={`${prefix}-heading`}>
        {action ? t('actionPlan.editAction', { title: action.title }) : t('actionPlan.newAction')}
      </Heading>
      <ProblemAlert error={step.error} fieldIds={{ ...fieldIds, 'body.owner.id': `${prefix}-ownerId`, 'body.owner': `${prefix}-ownerKind` }} />
      <TextField {...field('title')} required />
      {!action && (origins.data?.requests.length || origins.data?.followUps.length) ? (
        <SelectField
          id={`${prefix}-origin`}
          label={t('actionPlan.field.origin')}
          description={t('actionPlan.hint.origin')}
          value={origin}
          onChange={setOrigin}
          error={step.fieldError('originRequestId') ?? step.fieldError('originFollowUpId')}
          options={[
            { value: '', label: t('actionPlan.noOrigin') },
            ...(origins.data?.requests ?? []).map((item) => ({ value: `request:${item.id}`, label: t('actionPlan.originRequest', { reference: item.reference, title: item.title }) })),
            ...(origins.data?.followUps ?? []).map((item) => ({ value: `followUp:${item.id}`, label: t('actionPlan.originFollowUp', { description: item.description }) })),
          ]}
        />
      ) : null}
      <TextField {...field('specific')} multiline description={t('actionPlan.hint.specific')} />
      <TextField {...field('location')} />
      <TextField {...field('indicator')} description={t('actionPlan.hint.indicator')} />
      <TextField {...field('baseline')} inputMode="numeric" />
      <TextField {...field('target')} inputMode="numeric" />
      <TextField {...field('unit')} description={t('actionPlan.hint.unit')} />
      <SelectField
        {...field('ownerKind')}
        options={[{ value: '', label: t('actionPlan.noOwner') }, ...(['department', 'partner', 'council'] as const).map((kind) => ({ value: kind, label: t(`actionPlan.party.${kind}`) }))]}
      />
      {form.ownerKind && <SelectField {...field('ownerId')} error={step.fieldError('owner.id')} options={[{ value: '', label: t('actionPlan.chooseOwner') }, ...ownerChoices.map((choice) => ({ value: choice.id, label: choice.name }))]} />}
      <FormField
        type="checkbox"
        input={<Checkbox id={`${prefix}-onTop`} checked={isOnTop} onChange={(event) => setOnTop((event.target as HTMLInputElement).checked)} />}
        label={
          <FormLabel htmlFor={`${prefix}-onTop`} type="checkbox">
            {t('actionPlan.field.isOnTopOfRegularWork')}
          </FormLabel>
        }
      />
      <TextField {...field('budgetEuros')} inputMode="numeric" />
      <TextField {...field('hours')} inputMode="numeric" />
      <TextField {...field('fundingSource')} />
      <TextField {...field('startsOn', 'date')} />
      <TextField {...field('deadlineOn', 'date')} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={step.isPending}>
          {action ? t('actionPlan.saveAction') : t('actionPlan.addAction')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onDone}>
          {t('actionPlan.cancelEdit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
