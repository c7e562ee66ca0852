import { Button, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../../api/client.ts';
import type { ReportDetail } from '../../../api/types.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { refreshReport } from '../queries.ts';
import type { OnChanged } from './ReportAction.tsx';

/**
 * The photos with the report, and, for those who handle it, approval for the public map: only where the
 * reporter allowed publication; withdrawing is always possible.
 */
export function ReportPhotos({ municipality, report, onChanged }: { municipality: string; report: ReportDetail; onChanged: OnChanged }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const mayApprove = report.allowedActions.includes('approvePhoto');
  const approve = useMutation({
    mutationFn: ({ photoId, isApproved }: { photoId: string; number: number; isApproved: boolean }) =>
      api(tenantPath(municipality, `/reports/${report.id}/photos/${photoId}/approval`), { method: 'POST', body: { isApproved } }),
    onSuccess: async (_answer, { number, isApproved }) => {
      await refreshReport(queryClient, municipality, report.id);
      onChanged(isApproved ? t('reports.photos.approved', { number }) : t('reports.photos.withdrawn', { number }));
    },
    onError: () => {
      onChanged(undefined);
      void refreshReport(queryClient, municipality, report.id);
    },
  });
  if (report.photos.length === 0) return null;
  return (
    <section aria-labelledby="report-photos-heading">
      <Heading level={2} id="report-photos-heading">
        {t('reports.photos.title')}
      </Heading>
      <Paragraph>{report.mayPublishPhotos ? t('reports.photos.mayPublish') : t('reports.photos.mayNotPublish')}</Paragraph>
      <ProblemAlert error={approve.error} />
      <ul className="app-photo-grid">
        {report.photos.map((photo, index) => {
          const number = index + 1;
          return (
            <li key={photo.id}>
              <a href={photo.url} target="_blank" rel="noreferrer">
                <img src={photo.url} alt={t('reports.photos.alt', { number, reference: report.reference })} loading="lazy" />
              </a>
              <Paragraph>{photo.isApproved ? t('reports.photos.isPublic') : t('reports.photos.isNotPublic')}</Paragraph>
              {mayApprove && (photo.isApproved || report.mayPublishPhotos) && (
                <Button appearance="secondary-action-button" busy={approve.isPending && approve.variables?.photoId === photo.id} onClick={() => approve.mutate({ photoId: photo.id, number, isApproved: !photo.isApproved })}>
                  {photo.isApproved ? t('reports.photos.withdraw', { number }) : t('reports.photos.approve', { number })}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
