import { Alert, DataList, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiProblem } from '../../../api/client.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { readableDay } from '../../../components/CalendarDate.tsx';
import { Fact } from '../../../components/Fact.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type SatisfactionResult, SatisfactionForm } from '../components/SatisfactionForm.tsx';
import { useReportStatus } from '../queries.ts';

const closed = new Set(['done', 'cancelled', 'forwarded', 'merged']);

/** The reporter's view through the link in the confirmation: where the report stands and every step so far. */
export function ReportStatusPage() {
  const { municipality = '', token = '' } = useParams();
  const { t, language } = useI18n();
  const status = useReportStatus(municipality, token);
  const [answered, setAnswered] = useState<SatisfactionResult | null>(null);
  const confirmation = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (answered) confirmation.current?.focus();
  }, [answered]);
  if (status.isPending) return <Loading />;
  if (status.error) {
    const isUnknown = status.error instanceof ApiProblem && status.error.status === 404;
    return (
      <>
        <PageTitle>{t('reporting.statusPage.notFoundTitle')}</PageTitle>
        {isUnknown ? <Paragraph>{t('reporting.statusPage.notFound')}</Paragraph> : <ProblemAlert error={status.error} />}
      </>
    );
  }
  const report = status.data;
  const moment = (value: string) => new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(value));
  return (
    <>
      <PageTitle>{t('reporting.statusPage.title', { reference: report.reference })}</PageTitle>
      <Paragraph>
        {t('reporting.statusPage.now')} <strong>{t(`reporting.status.${report.status}`)}</strong>
      </Paragraph>
      {report.status === 'merged' && report.mergedIntoReference && <Paragraph>{t('reporting.statusPage.merged', { reference: report.mergedIntoReference })}</Paragraph>}
      {report.status === 'forwarded' && report.forwardedTo && <Paragraph>{t('reporting.statusPage.forwarded', { party: report.forwardedTo })}</Paragraph>}
      {answered && (
        <Alert type="ok" role="status">
          <Heading level={2} ref={confirmation} tabIndex={-1} className="app-status-focus">
            {t('reporting.satisfaction.thanks')}
          </Heading>
          <Paragraph>{answered.isReopened ? t('reporting.satisfaction.reopened', { reference: answered.reference }) : t('reporting.satisfaction.recorded')}</Paragraph>
        </Alert>
      )}
      {!answered && report.status === 'done' && <SatisfactionForm municipality={municipality} token={token} onAnswered={setAnswered} />}
      <DataList>
        <Fact label={t('reporting.statusPage.category')}>
          {report.category.mainName} — {report.category.name}
        </Fact>
        <Fact label={t('reporting.statusPage.where')}>{[report.address, report.neighbourhoodName].filter(Boolean).join(', ')}</Fact>
        <Fact label={t('reporting.statusPage.reportedAt')}>{moment(report.reportedAt)}</Fact>
        {report.departmentName && <Fact label={t('reporting.statusPage.department')}>{report.departmentName}</Fact>}
        {!closed.has(report.status) && report.handleBy && <Fact label={t('reporting.statusPage.handleBy')}>{readableDay(report.handleBy, language)}</Fact>}
        {report.closedAt && <Fact label={t('reporting.statusPage.closedAt')}>{moment(report.closedAt)}</Fact>}
      </DataList>
      <Heading level={2}>{t('reporting.statusPage.description')}</Heading>
      <Paragraph className="app-preserve-lines">{report.description}</Paragraph>
      {report.photos.length > 0 && (
        <>
          <Heading level={2}>{t('reporting.statusPage.photos')}</Heading>
          <ul className="app-report-photos">
            {report.photos.map((photo, index) => (
              <li key={photo.id}>
                <a href={photo.url}>
                  <img src={photo.url} alt={t('reporting.statusPage.photoAlt', { number: index + 1, reference: report.reference })} loading="lazy" />
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <Heading level={2}>{t('reporting.statusPage.history')}</Heading>
      <ol className="app-report-history">
        {report.history.map((entry) => (
          <li key={entry.at + (entry.status ?? '')}>
            <Paragraph>
              <strong>{moment(entry.at)}</strong>
              {entry.status ? ` — ${t(`reporting.status.${entry.status}`)}` : ''}
            </Paragraph>
            {entry.message && <Paragraph className="app-preserve-lines">{entry.message}</Paragraph>}
          </li>
        ))}
      </ol>
      <Paragraph>
        <AppLink to={`/${municipality}/meldingen/nieuw`}>{t('reporting.statusPage.another')}</AppLink>
      </Paragraph>
      <Paragraph>
        <AppLink to={`/${municipality}/meldingen/kaart`}>{t('reporting.map.link')}</AppLink>
      </Paragraph>
    </>
  );
}
