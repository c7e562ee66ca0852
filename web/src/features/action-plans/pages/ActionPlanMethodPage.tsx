import { Button, Fieldset, FieldsetLegend, Heading, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { RequestStatusArea } from '../../requests/components/RequestStatus.tsx';
import { amsterdamParts } from '../../meetings/when.ts';
import { type ActionPlanMethod, usePlanStep, useActionPlanMethod } from '../queries.ts';

/** The way of working, published before any plan is made (§4.1): what the plan holds, who delivers what, and when. */
export function ActionPlanMethodPage() {
  const { municipality = '' } = useParams();
  const { t, language } = useI18n();
  const method = useActionPlanMethod(municipality);
  if (method.isPending) return <Loading />;
  if (method.error || !method.data) return <ProblemAlert error={method.error} />;
  const data = method.data;
  return (
    <RequestStatusArea>
      {(status) => (
        <>
          {status}
          <PageTitle>{t('actionPlanMethod.title')}</PageTitle>
          <Paragraph>
            {data.publishedAt ? (
              <>
                {t('actionPlanMethod.publishedOn')} <CalendarDate value={amsterdamParts(data.publishedAt).day} />
              </>
            ) : (
              t('actionPlanMethod.notPublished')
            )}
          </Paragraph>
          <Heading level={2}>{t('actionPlanMethod.sections')}</Heading>
          <OrderedList>
            {data.sections.map((section) => (
              <OrderedListItem key={section.key}>
                <strong>{language === 'en' ? section.titleEn : section.titleNl}</strong>: {language === 'en' ? section.guidanceEn : section.guidanceNl}
              </OrderedListItem>
            ))}
          </OrderedList>
          <Heading level={2}>{t('actionPlanMethod.contributions')}</Heading>
          <Paragraph>{t('actionPlanMethod.weeksBefore', { weeks: data.contributionWeeksBefore })}</Paragraph>
          <OrderedList>
            {data.contributionSteps.map((step) => (
              <OrderedListItem key={step.party}>
                <strong>{t(`actionPlan.party.${step.party}`)}</strong>: {language === 'en' ? step.deliversEn : step.deliversNl}
              </OrderedListItem>
            ))}
          </OrderedList>
          <Heading level={2}>{t('actionPlanMethod.monitoring')}</Heading>
          <Paragraph>{t('actionPlanMethod.monitoringText', { months: data.reportIntervalMonths, days: data.deadlineReminderDays })}</Paragraph>
          {data.allowedActions.includes('publish') && <PublishMethod municipality={municipality} method={data} />}
        </>
      )}
    </RequestStatusArea>
  );
}

type Section = ActionPlanMethod['sections'][number];
type ContributionStep = ActionPlanMethod['contributionSteps'][number];
const sectionTexts = ['titleNl', 'titleEn', 'guidanceNl', 'guidanceEn'] as const;
const stepTexts = ['deliversNl', 'deliversEn'] as const;

/** A key for a new section from its Dutch title ("Opgaven en acties" → "opgaven-en-acties"), unique in the list. */
function keyFor(section: Section, index: number, taken: Set<string>): string {
  if (section.key) return section.key;
  const base = section.titleNl.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').replace(/^[^a-z]+/, '').slice(0, 36) || `onderdeel-${index + 1}`;
  let key = base.length >= 2 ? base : `onderdeel-${index + 1}`;
  for (let suffix = 2; taken.has(key); suffix++) key = `${base.slice(0, 36)}-${suffix}`;
  taken.add(key);
  return key;
}

/** The advisor or administrator sets the plan's sections, who delivers what, and the numbers, and publishes them. */
function PublishMethod({ municipality, method }: { municipality: string; method: ActionPlanMethod }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ contributionWeeksBefore: String(method.contributionWeeksBefore), reportIntervalMonths: String(method.reportIntervalMonths), deadlineReminderDays: String(method.deadlineReminderDays) });
  const [sections, setSections] = useState<Section[]>(method.sections);
  const [steps, setSteps] = useState<ContributionStep[]>(method.contributionSteps);
  const step = usePlanStep<Record<string, unknown>>(municipality, 'method', '/action-plan-method', { method: 'PUT', done: () => t('actionPlanMethod.published') });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const numberOf = (value: string) => (value.trim() === '' ? null : Number(value));
    const taken = new Set(sections.map((section) => section.key).filter(Boolean));
    step.mutate({
      sections: sections.map((section, index) => ({ ...section, key: keyFor(section, index, taken) })),
      contributionSteps: steps,
      contributionWeeksBefore: numberOf(form.contributionWeeksBefore),
      reportIntervalMonths: numberOf(form.reportIntervalMonths),
      deadlineReminderDays: numberOf(form.deadlineReminderDays),
      version: method.version,
    });
  };
  const field = (key: keyof typeof form) => ({ id: `method-${key}`, label: t(`actionPlanMethod.field.${key}`), value: form[key], onChange: (value: string) => setForm((current) => ({ ...current, [key]: value })), error: step.fieldError(key), inputMode: 'numeric' as const, required: true });
  const fieldIds: Record<string, string> = {
    ...Object.fromEntries(Object.keys(form).map((key) => [`body.${key}`, `method-${key}`])),
    ...Object.fromEntries(sections.flatMap((_section, index) => sectionTexts.map((name) => [`body.sections.${index}.${name}`, `method-section-${index}-${name}`]))),
    ...Object.fromEntries(steps.flatMap((_step, index) => stepTexts.map((name) => [`body.contributionSteps.${index}.${name}`, `method-step-${index}-${name}`]))),
  };
  const changeSection = (index: number, name: (typeof sectionTexts)[number], value: string) => setSections((current) => current.map((section, at) => (at === index ? { ...section, [name]: value } : section)));
  const changeStep = (index: number, name: (typeof stepTexts)[number], value: string) => setSteps((current) => current.map((item, at) => (at === index ? { ...item, [name]: value } : item)));
  return (
    <form className="app-form app-card" onSubmit={onSubmit} noValidate aria-labelledby="publish-heading">
      <Heading level={2} id="publish-heading">
        {t('actionPlanMethod.publish')}
      </Heading>
      <Paragraph>{t('actionPlanMethod.publishIntro')}</Paragraph>
      <ProblemAlert error={step.error} fieldIds={fieldIds} />
      <Heading level={3}>{t('actionPlanMethod.sections')}</Heading>
      {sections.map((section, index) => (
        <Fieldset key={section.key || `new-${index}`}>
          <FieldsetLegend>{t('actionPlanMethod.sectionLegend', { number: index + 1 })}</FieldsetLegend>
          {sectionTexts.map((name) => (
            <TextField
              key={name}
              id={`method-section-${index}-${name}`}
              label={t(`actionPlanMethod.field.${name}`)}
              value={section[name]}
              onChange={(value) => changeSection(index, name, value)}
              error={step.fieldError(`sections.${index}.${name}`)}
              multiline={name.startsWith('guidance')}
              required={name.startsWith('title')}
            />
          ))}
          {sections.length > 1 && (
            <Button type="button" appearance="subtle-button" onClick={() => setSections((current) => current.filter((_item, at) => at !== index))}>
              {t('actionPlanMethod.removeSection', { number: index + 1 })}
            </Button>
          )}
        </Fieldset>
      ))}
      {sections.length < 20 && (
        <div>
          <Button type="button" appearance="secondary-action-button" onClick={() => setSections((current) => [...current, { key: '', titleNl: '', titleEn: '', guidanceNl: '', guidanceEn: '' }])}>
            {t('actionPlanMethod.addSection')}
          </Button>
        </div>
      )}
      <Heading level={3}>{t('actionPlanMethod.contributions')}</Heading>
      {steps.map((item, index) => (
        <Fieldset key={item.party}>
          <FieldsetLegend>{t(`actionPlan.party.${item.party}`)}</FieldsetLegend>
          {stepTexts.map((name) => (
            <TextField key={name} id={`method-step-${index}-${name}`} label={t(`actionPlanMethod.field.${name}`)} value={item[name]} onChange={(value) => changeStep(index, name, value)} error={step.fieldError(`contributionSteps.${index}.${name}`)} multiline required />
          ))}
        </Fieldset>
      ))}
      <Heading level={3}>{t('actionPlanMethod.monitoring')}</Heading>
      <TextField {...field('contributionWeeksBefore')} />
      <TextField {...field('reportIntervalMonths')} />
      <TextField {...field('deadlineReminderDays')} />
      <div>
        <Button type="submit" appearance="primary-action-button" busy={step.isPending}>
          {t('actionPlanMethod.publishButton')}
        </Button>
      </div>
    </form>
  );
}
