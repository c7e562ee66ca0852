import { Button, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type ActionPlan, usePlanStep, useReports } from '../queries.ts';

/**
 * The progress reports to the council, one per period since adoption: when each was due and sent, and its PDF. The
 * advisor makes the reports that are due now instead of waiting for the nightly run.
 */
export function ReportsSection({ municipality, plan, mayMake }: { municipality: string; plan: ActionPlan; mayMake: boolean }) {
  const { t, language } = useI18n();
  const isMonitored = plan.currentVersionNumber !== null;
  const reports = useReports(municipality, plan.id, isMonitored);
  const make = usePlanStep<Record<string, never>>(municipality, plan.id, `/action-plans/${plan.id}/reports`, { done: () => t('actionPlan.reportsMade') });
  if (!isMonitored) return null;
  const items = reports.data?.items ?? [];
  return (
    <section aria-labelledby="reports-heading">
      <Heading level={2} id="reports-heading">
        {t('actionPlan.reports')}
      </Heading>
      <Paragraph>{t('actionPlan.reportsIntro', { months: plan.reportIntervalMonths })}</Paragraph>
      <ProblemAlert error={reports.error ?? make.error} />
      {reports.data && items.length === 0 && <Paragraph>{t('actionPlan.noReports')}</Paragraph>}
      {items.length > 0 && (
        <div className="app-card-table-frame">
          <Table className="app-card-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('actionPlan.report')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('actionPlan.period')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('actionPlan.reportSent')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((report) => (
                <TableRow key={report.number}>
                  <TableCell data-label={t('actionPlan.report')}>
                    <a href={`/api/v1/municipalities/${municipality}/action-plans/${plan.id}/reports/${report.number}/document?lang=${language}`}>{t('actionPlan.reportPdf', { number: report.number })}</a>
                  </TableCell>
                  <TableCell data-label={t('actionPlan.period')}>
                    <CalendarDate value={report.periodStartsOn} /> – <CalendarDate value={report.periodEndsOn} />
                  </TableCell>
                  <TableCell data-label={t('actionPlan.reportSent')}>
                    {report.sentOn ? <CalendarDate value={report.sentOn} /> : t('actionPlan.notSent')}
                    {report.isLate && ` — ${t('actionPlan.reportLate')}`}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {mayMake && (
        <Button appearance="secondary-action-button" busy={make.isPending} onClick={() => make.mutate({})}>
          {t('actionPlan.makeReports')}
        </Button>
      )}
    </section>
  );
}
