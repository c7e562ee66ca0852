import { Heading, OrderedList, OrderedListItem } from '@utrecht/component-library-react/css-module';
import type { ReportDetail, ReportEvent } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ReportedOn } from './ReportedOn.tsx';

/**
 * Everything that happened to the report, oldest first: who did what and when, what the reporter was told, and
 * the internal notes (staff only; the server leaves them out for everyone else) marked as such.
 */
export function ReportHistory({ report }: { report: ReportDetail }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="report-history-heading">
      <Heading level={2} id="report-history-heading">
        {t('reports.history.title')}
      </Heading>
      <OrderedList className="app-timeline">
        {report.history.map((event) => (
          <OrderedListItem key={event.id}>
            <ReportedOn value={event.at} withTime />: <EventSummary event={event} /> ({event.actorName ?? (event.kind === 'submitted' ? t('reports.history.reporter') : t('reports.history.system'))})
            {event.messageToReporter && (
              <span className="app-timeline__text">
                <strong>{t('reports.history.message')}</strong> {event.messageToReporter}
              </span>
            )}
            {event.internalNote && (
              <span className="app-timeline__text app-timeline__internal">
                <strong>{t('reports.history.internalNote')}</strong> {event.internalNote}
              </span>
            )}
          </OrderedListItem>
        ))}
      </OrderedList>
    </section>
  );
}

/** Changes besides the status, each said in words of its own. */
const namedKinds = ['assigned', 'priorityChanged', 'note', 'split', 'referred', 'referralUpdated', 'linkedToRequest', 'unlinkedFromRequest'];

function EventSummary({ event }: { event: ReportEvent }) {
  const { t } = useI18n();
  if (event.kind === 'submitted') return <>{t('reports.history.submitted')}</>;
  const reference = (name: string) => (typeof event.details?.[name] === 'string' ? (event.details[name] as string) : '');
  if (event.kind === 'duplicateMerged') return <>{t('reports.history.duplicateMerged', { reference: reference('duplicateReference') })}</>;
  if (event.kind === 'splitFrom') return <>{t('reports.history.splitFrom', { reference: reference('parentReference') })}</>;
  if (event.kind === 'merged') return <>{t('reports.history.merged')}</>;
  if (namedKinds.includes(event.kind)) return <>{t(`reports.history.${event.kind}`)}</>;
  if (event.toStatus && event.fromStatus) return <>{t('reports.history.statusChanged', { from: t(`reportStatus.${event.fromStatus}`), to: t(`reportStatus.${event.toStatus}`) })}</>;
  if (event.toStatus) return <>{t('reports.history.statusSet', { to: t(`reportStatus.${event.toStatus}`) })}</>;
  return <>{t('reports.history.other')}</>;
}
