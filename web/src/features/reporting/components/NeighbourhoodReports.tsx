import { Paragraph } from '@utrecht/component-library-react/css-module';
import { lazy, Suspense } from 'react';
import { hasRole, useSession } from '../../../api/session.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { PublicReportsList } from './PublicReportsList.tsx';

// The chart library loads only for those who work with the figures: staff and the neighbourhood councils.
const NeighbourhoodReportSignals = lazy(() => import('./NeighbourhoodReportSignals.tsx').then((module) => ({ default: module.NeighbourhoodReportSignals })));

const figureRoles = ['advisor', 'officer', 'alderman', 'admin', 'council_member'];

/**
 * "Meldingen in deze wijk" on a neighbourhood's page: the latest public reports there, and for staff and council
 * members the counts per category (the council sees its neighbourhood's reports in aggregate; the counts are public).
 */
export function NeighbourhoodReports({ municipality, neighbourhoodId }: { municipality: string; neighbourhoodId: string }) {
  const { t } = useI18n();
  const session = useSession(municipality);
  const seesFigures = figureRoles.some((role) => hasRole(session.data, role));
  return (
    <>
      <PublicReportsList municipality={municipality} show="all" neighbourhoodId={neighbourhoodId} heading={t('reporting.neighbourhood.title')} pageSize={5} />
      <Paragraph>
        <AppLink to={`/${municipality}/meldingen/kaart`}>{t('reporting.map.link')}</AppLink>
        {' · '}
        <AppLink to={`/${municipality}/meldingen/nieuw`}>{t('reporting.map.report')}</AppLink>
      </Paragraph>
      {seesFigures && (
        <Suspense fallback={<Loading />}>
          <NeighbourhoodReportSignals municipality={municipality} neighbourhoodId={neighbourhoodId} />
        </Suspense>
      )}
    </>
  );
}
