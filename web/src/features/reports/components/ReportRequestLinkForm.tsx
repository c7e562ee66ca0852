import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react/css-module';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, tenantPath } from '../../../api/client.ts';
import type { ReportDetail, RequestList, RequestSummary } from '../../../api/types.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { fieldErrorOf, type OnChanged, ReportActionCard, useReportChange } from './ReportAction.tsx';

/**
 * A recurring problem may need more than a repair: link the report to a neighbourhood request (found by its
 * reference, e.g. HLM-2026-0142), or undo the link.
 */
export function ReportRequestLinkForm({ municipality, report, onChanged }: { municipality: string; report: ReportDetail; onChanged: OnChanged }) {
  const { t } = useI18n();
  const [reference, setReference] = useState('');
  const [lookupError, setLookupError] = useState<string>();
  const [isLooking, setLooking] = useState(false);
  const [found, setFound] = useState<RequestSummary>();
  const linked = useQuery({
    queryKey: ['request', municipality, report.requestId],
    enabled: Boolean(report.requestId),
    queryFn: () => api<{ id: string; reference: string; title: string }>(tenantPath(municipality, `/requests/${report.requestId}`)),
  });
  const link = useReportChange<{ requestId: string | null; version: number }>(municipality, report, '/request-link', onChanged, (_updated, body) =>
    body.requestId ? t('reports.requestLink.done', { reference: found?.reference ?? '' }) : t('reports.requestLink.undone'),
  );

  const lookUp = async (event: FormEvent) => {
    event.preventDefault();
    link.reset();
    setFound(undefined);
    const wanted = reference.trim();
    if (wanted.length < 2) return setLookupError(t('reports.requestLink.referenceMissing'));
    setLooking(true);
    try {
      const list = await api<RequestList>(tenantPath(municipality, `/requests?${new URLSearchParams({ search: wanted, pageSize: '5' })}`));
      const match = list.items.find((item) => item.reference.toUpperCase() === wanted.toUpperCase()) ?? (list.items.length === 1 ? list.items[0] : undefined);
      setLookupError(match ? undefined : t('reports.requestLink.notFound', { reference: wanted }));
      setFound(match);
    } catch {
      setLookupError(t('reports.merge.lookupFailed'));
    } finally {
      setLooking(false);
    }
  };

  return (
    <ReportActionCard id="report-request-link" title={t('reports.requestLink.title')} error={link.error} fieldIds={{ 'body.requestId': 'report-request-reference' }}>
      {report.requestId && (
        <>
          <Paragraph>
            {t('reports.requestLink.current')}{' '}
            <AppLink to={`/${municipality}/vragen/${report.requestId}`}>{linked.data ? `${linked.data.reference}: ${linked.data.title}` : t('reports.requestLink.theRequest')}</AppLink>
          </Paragraph>
          <Button appearance="secondary-action-button" busy={link.isPending} onClick={() => link.mutate({ requestId: null, version: report.version })}>
            {t('reports.requestLink.unlink')}
          </Button>
        </>
      )}
      <form className="app-form" onSubmit={lookUp} noValidate>
        <TextField
          id="report-request-reference"
          label={report.requestId ? t('reports.requestLink.otherReference') : t('reports.requestLink.reference')}
          description={t('reports.requestLink.referenceHint')}
          required
          value={reference}
          onChange={setReference}
          error={lookupError ?? fieldErrorOf(link.error, 'body.requestId')}
        />
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={isLooking}>
            {t('reports.merge.lookUp')}
          </Button>
        </div>
      </form>
      {found && (
        <>
          <Paragraph>{t('reports.requestLink.found', { reference: found.reference, title: found.title })}</Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action-button" busy={link.isPending} onClick={() => link.mutate({ requestId: found.id, version: report.version }, { onSuccess: () => { setFound(undefined); setReference(''); } })}>
              {t('reports.requestLink.confirm', { reference: found.reference })}
            </Button>
            <Button appearance="subtle-button" onClick={() => setFound(undefined)}>
              {t('reports.merge.cancel')}
            </Button>
          </ButtonGroup>
        </>
      )}
    </ReportActionCard>
  );
}
