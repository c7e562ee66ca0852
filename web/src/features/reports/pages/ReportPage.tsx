import { Alert, DataList, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { ReportDetail } from '../../../api/types.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { Fact } from '../../../components/Fact.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { NotFoundPage } from '../../public/pages/NotFoundPage.tsx';
import { ReportAssignForm, ReportNoteForm, ReportPriorityForm } from '../components/ReportHandlingForms.tsx';
import { ReportHistory } from '../components/ReportHistory.tsx';
import { ReportMergeForm } from '../components/ReportMergeForm.tsx';
import { ReportPhotos } from '../components/ReportPhotos.tsx';
import { ReportReferralForm } from '../components/ReportReferralForm.tsx';
import { ReportRequestLinkForm } from '../components/ReportRequestLinkForm.tsx';
import { ReportSplitForm } from '../components/ReportSplitForm.tsx';
import { ReportStatusForm } from '../components/ReportStatusForm.tsx';
import { ReportTurnIntoRequestForm } from '../components/ReportTurnIntoRequestForm.tsx';
import { ReportedOn } from '../components/ReportedOn.tsx';
import { useReport, useReportCategories } from '../queries.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * /meldingen/:reportId — one report for the people who handle it: the facts, the reporter's words and contact,
 * the whole history with internal notes, and the status form when the server says this person may use it. Other
 * paths under /meldingen (the public report form, the status link) have routes of their own; anything else that
 * is not an id is not a report.
 */
export function ReportPage() {
  const { municipality = '', reportId = '' } = useParams();
  const isId = uuid.test(reportId);
  const report = useReport(municipality, reportId, isId);
  if (!isId) return <NotFoundPage />;
  if (report.isPending) return <Loading />;
  if (report.error || !report.data) return <ProblemAlert error={report.error} />;
  const item = report.data;
  return <ReportDetails municipality={municipality} item={item} />;
}

/**
 * What the last change did (role=status). Focus moves to it, so keyboard and screen-reader users hear it; a
 * change that fails takes it away, so an old confirmation never stands beside the new problem.
 */
function Confirmation({ confirmation }: { confirmation: { message: string } | undefined }) {
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirmation) frame.current?.focus();
  }, [confirmation]);
  if (!confirmation) return null;
  return (
    <div ref={frame} tabIndex={-1} className="app-status-focus">
      <Alert type="ok" role="status">
        <Paragraph>{confirmation.message}</Paragraph>
      </Alert>
    </div>
  );
}

function ReportDetails({ municipality, item }: { municipality: string; item: ReportDetail }) {
  const { t } = useI18n();
  // A new object per change, so the same sentence twice still moves the focus.
  const [confirmation, setConfirmation] = useState<{ message: string } | undefined>();
  const category = item.category.mainName ? `${item.category.name} (${item.category.mainName})` : item.category.name;
  const answers = useAnswersInWords(municipality, item);
  const onChanged = (message: string | undefined) => setConfirmation(message ? { message } : undefined);
  return (
    <>
      <Paragraph>
        <AppLink to={`/${municipality}/meldingen`}>{t('reports.backToQueue')}</AppLink>
      </Paragraph>
      <PageTitle>{t('reports.page.title', { reference: item.reference })}</PageTitle>
      <Confirmation confirmation={confirmation} />
      <Paragraph appearance="lead">
        {category} · {t(`reportStatus.${item.status}`)}
        {item.isOverdue && <strong> · {t('reports.overdue')}</strong>}
      </Paragraph>
      <div className="app-columns">
        <section aria-labelledby="report-description-heading">
          <Heading level={2} id="report-description-heading">
            {t('reports.page.description')}
          </Heading>
          <Paragraph className="app-preserve-lines">{item.description}</Paragraph>
          {answers.length > 0 && (
            <DataList>
              {answers.map(({ question, answer }) => (
                <Fact key={question} label={question}>
                  {answer}
                </Fact>
              ))}
            </DataList>
          )}
          <Heading level={2}>{t('reports.page.facts')}</Heading>
          <DataList>
            <Fact label={t('reports.column.reference')}>{item.reference}</Fact>
            <Fact label={t('reports.column.category')}>{category}</Fact>
            <Fact label={t('reports.column.status')}>{t(`reportStatus.${item.status}`)}</Fact>
            {item.forwardedTo && <Fact label={t('reports.fact.forwardedTo')}>{item.forwardedTo}</Fact>}
            {item.mergedIntoReportId && (
              <Fact label={t('reports.fact.mergedInto')}>
                <AppLink to={`/${municipality}/meldingen/${item.mergedIntoReportId}`}>{item.mergedIntoReference ?? t('reports.fact.theOriginal')}</AppLink>
              </Fact>
            )}
            {item.requestId && (
              <Fact label={t('reports.fact.request')}>
                <AppLink to={`/${municipality}/vragen/${item.requestId}`}>{t('reports.fact.openRequest')}</AppLink>
              </Fact>
            )}
            <Fact label={t('reports.column.priority')}>{t(`reportPriority.${item.priority}`)}</Fact>
            <Fact label={t('reports.column.neighbourhood')}>{item.neighbourhoodName}</Fact>
            <Fact label={t('reports.fact.area')}>{item.areaName ?? t('reports.fact.none')}</Fact>
            <Fact label={t('reports.fact.department')}>{item.departmentName ?? t('reports.fact.notRouted')}</Fact>
            <Fact label={t('reports.fact.assignedTo')}>{item.assignedTo ?? t('reports.fact.nobody')}</Fact>
            <Fact label={t('reports.fact.address')}>{item.address || t('reports.fact.coordinates', { latitude: item.latitude.toFixed(5), longitude: item.longitude.toFixed(5) })}</Fact>
            <Fact label={t('reports.column.handleBy')}>
              {item.handleBy ? <CalendarDate value={item.handleBy} /> : t('reports.noDeadline')}
              {item.isOverdue && <strong> {t('reports.overdue')}</strong>}
            </Fact>
            <Fact label={t('reports.column.reportedAt')}>
              <ReportedOn value={item.reportedAt} withTime />
            </Fact>
            {item.closedAt && (
              <Fact label={t('reports.fact.closedAt')}>
                <ReportedOn value={item.closedAt} withTime />
              </Fact>
            )}
            <Fact label={t('reports.fact.channel')}>{channelName(t, item.channel)}</Fact>
          </DataList>
          <Heading level={2}>{t('reports.page.reporter')}</Heading>
          <ReporterContact item={item} />
        </section>
        <div>
          <ReportHandling municipality={municipality} item={item} onChanged={onChanged} />
        </div>
      </div>
      <ReportPhotos municipality={municipality} report={item} onChanged={onChanged} />
      <ReportHistory report={item} />
    </>
  );
}

/** Exactly the actions the server allows this person on this report now, one card each. */
function ReportHandling({ municipality, item, onChanged }: { municipality: string; item: ReportDetail; onChanged(message: string | undefined): void }) {
  const allows = (action: ReportDetail['allowedActions'][number]) => item.allowedActions.includes(action);
  const props = { municipality, report: item, onChanged };
  return (
    <>
      {allows('changeStatus') && <ReportStatusForm {...props} />}
      {allows('assign') && <ReportAssignForm {...props} />}
      {allows('setPriority') && <ReportPriorityForm {...props} />}
      {allows('addNote') && <ReportNoteForm {...props} />}
      {allows('merge') && <ReportMergeForm {...props} />}
      {allows('split') && <ReportSplitForm {...props} />}
      {allows('refer') && <ReportReferralForm {...props} />}
      {allows('linkRequest') && <ReportRequestLinkForm {...props} />}
      {allows('turnIntoRequest') && <ReportTurnIntoRequestForm {...props} />}
    </>
  );
}

/** The answers to the category's extra questions, with the question and the chosen option in words where known. */
function useAnswersInWords(municipality: string, item: ReportDetail) {
  const categories = useReportCategories(municipality);
  const questions = categories.data?.items.flatMap((main) => main.subcategories).find((sub) => sub.code === item.category.code)?.questions ?? [];
  return Object.entries(item.answers).map(([code, answer]) => {
    const question = questions.find((candidate) => candidate.code === code);
    return { question: question?.question ?? code, answer: question?.options.find((option) => option.key === answer)?.name ?? answer };
  });
}

/** A channel the catalogue does not know (a new integration) is shown by its code rather than not at all. */
function channelName(t: (key: string) => string, channel: string) {
  const key = `reports.channel.${channel}`;
  const name = t(key);
  return name === key ? channel : name;
}

function ReporterContact({ item }: { item: ReportDetail }) {
  const { t } = useI18n();
  const { reporter } = item;
  if (reporter.isErased) return <Paragraph>{t('reports.reporter.erased')}</Paragraph>;
  return (
    <>
      {!reporter.email && !reporter.phone && <Paragraph>{t('reports.reporter.anonymous')}</Paragraph>}
      {(reporter.email || reporter.phone) && (
        <DataList>
          {reporter.email && (
            <Fact label={t('reports.reporter.email')}>
              <a href={`mailto:${reporter.email}`}>{reporter.email}</a>
            </Fact>
          )}
          {reporter.phone && (
            <Fact label={t('reports.reporter.phone')}>
              <a href={`tel:${reporter.phone.replace(/[\s()-]/g, '')}`}>{reporter.phone}</a>
            </Fact>
          )}
        </DataList>
      )}
      {reporter.followerCount > 0 && <Paragraph>{t('reports.reporter.followers', { count: reporter.followerCount })}</Paragraph>}
    </>
  );
}
