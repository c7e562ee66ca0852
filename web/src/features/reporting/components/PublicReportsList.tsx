import { Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useState } from 'react';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Pagination } from '../../admin/components/Pagination.tsx';
import { usePublicReports } from '../queries.ts';
import type { PublicReportPoint, PublicReportShow } from '../types.ts';

/** A date and time of a report as a resident reads it: "3 december 2026". */
export function reportDay(value: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(value));
}

/** What a public report says in words: the same on the map's pop-up and in the list. */
export function describePublicReport(point: PublicReportPoint, t: (key: string, values?: Record<string, string | number>) => string, language: string) {
  return {
    title: `${point.reference} — ${point.mainCategoryName}: ${point.categoryName}`,
    lines: [
      point.address || t('reporting.map.noAddress'),
      point.isOpen
        ? t('reporting.map.openSince', { status: t(`reporting.status.${point.status}`), date: reportDay(point.reportedAt, language) })
        : t('reporting.map.closedOn', { status: t(`reporting.status.${point.status}`), date: reportDay(point.closedAt ?? point.reportedAt, language) }),
    ],
  };
}

/**
 * Public reports as a list, paged: the way to the same information as the map without a map. No personal data:
 * the server gives reference, category, address, status and dates only.
 */
export function PublicReportsList({ municipality, show, neighbourhoodId, heading, headingLevel = 2, pageSize = 10 }: { municipality: string; show: PublicReportShow; neighbourhoodId?: string; heading: string; headingLevel?: 2 | 3; pageSize?: number }) {
  const { t, language } = useI18n();
  const [page, setPage] = useState(1);
  const [shownFor, setShownFor] = useState(show);
  // Another filter starts again at the first page.
  if (shownFor !== show) {
    setShownFor(show);
    setPage(1);
  }
  const reports = usePublicReports(municipality, { show, page, pageSize, neighbourhoodId });
  const headingId = `public-reports-heading${neighbourhoodId ? `-${neighbourhoodId}` : ''}`;
  return (
    <section aria-labelledby={headingId}>
      <Heading level={headingLevel} id={headingId} tabIndex={-1}>
        {heading}
      </Heading>
      {reports.isPending && <Loading />}
      {reports.error && <ProblemAlert error={reports.error} />}
      {reports.data && (
        <>
          <Paragraph>{reports.data.total === 0 ? t('reporting.list.none') : t('reporting.list.count', { count: reports.data.total })}</Paragraph>
          <ul className="app-plain-list app-public-reports">
            {reports.data.items.map((item) => {
              const text = describePublicReport(item, t, language);
              return (
                <li key={item.reference} className="app-public-report">
                  <span className={`app-report-dot ${item.isOpen ? 'app-report-dot--open' : 'app-report-dot--done'}`} aria-hidden="true" />
                  <div>
                    <Paragraph>
                      <strong>{item.reference}</strong> {item.mainCategoryName}: {item.categoryName}
                    </Paragraph>
                    <Paragraph>{[item.address, item.neighbourhoodName].filter(Boolean).join(', ')}</Paragraph>
                    <Paragraph>{text.lines[1]}</Paragraph>
                  </div>
                  {item.photoUrl && <img className="app-public-report-photo" src={item.photoUrl} alt={t('reporting.list.photoAlt', { reference: item.reference })} loading="lazy" />}
                </li>
              );
            })}
          </ul>
          <Pagination
            page={reports.data.page}
            pageCount={reports.data.pageCount}
            onChange={(next) => {
              setPage(next);
              document.getElementById(headingId)?.focus();
            }}
          />
        </>
      )}
    </section>
  );
}
