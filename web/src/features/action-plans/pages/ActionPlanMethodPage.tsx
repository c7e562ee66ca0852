import { Button, Heading, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react/css-module';
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

function PublishMethod({ municipality, method }: { municipality: string; method: ActionPlanMethod }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ contributionWeeksBefore: String(method.contributionWeeksBefore), reportIntervalMonths: String(method.reportIntervalMonths), deadlineReminderDays: String(method.deadlineReminderDays) });
  const step = usePlanStep<Record<string, unknown>>(municipality, 'method', '/action-plan-method', { method: 'PUT', done: () => t('actionPlanMethod.published') });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const numberOf = (value: string) => (value.trim() === '' ? null : Number(value));
    step.mutate({
      sections: method.sections,
      contributionSteps: method.contributionSteps,
      contributionWeeksBefore: numberOf(form.contributionWeeksBefore),
      reportIntervalMonths: numberOf(form.reportIntervalMonths),
      deadlineReminderDays: numberOf(form.deadlineReminderDays),
      version: method.version,
    });
  };
  const field = (key: keyof typeof form) => ({ id: `method-${key}`, label: t(`actionPlanMethod.field.${key}`), value: form[key], onChange: (value: string) => setForm((current) => ({ ...current, [key]: value })), error: step.fieldError(key), inputMode: 'numeric' as const, required: true });
  return (
    <form className="app-form app-card" onSubmit={onSubmit} noValidate aria-labelledby="publish-heading">
      <Heading level={2} id="publish-heading">
        {t('actionPlanMethod.publish')}
      </Heading>
      <Paragraph>{t('actionPlanMethod.publishIntro')}</Paragraph>
      <ProblemAlert error={step.error} fieldIds={Object.fromEntries(Object.keys(form).map((key) => [`body.${key}`, `method-${key}`]))} />
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
