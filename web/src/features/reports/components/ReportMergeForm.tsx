import { Button, ButtonGroup, DataList, Paragraph } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, tenantPath } from '../../../api/client.ts';
import type { ReportDetail, ReportList, ReportSummary } from '../../../api/types.ts';
import { Fact } from '../../../components/Fact.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { fieldErrorOf, type OnChanged, ReportActionCard, useReportChange } from './ReportAction.tsx';
import { ReportedOn } from './ReportedOn.tsx';

/**
 * A duplicate merged into the report that was there first. The handler types the other report's reference, sees
 * what that report is, and only then confirms: a merge closes this report and moves its reporter.
 */
export function ReportMergeForm({ municipality, report, onChanged }: { municipality: string; report: ReportDetail; onChanged: OnChanged }) {
  const { t } = useI18n();
  const [reference, setReference] = useState('');
  const [lookupError, setLookupError] = useState<string>();
  const [isLooking, setLooking] = useState(false);
  const [original, setOriginal] = useState<ReportSummary>();
  // What was found takes the focus, so keyboard and screen-reader users hear it before they confirm.
  const preview = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (original) preview.current?.focus();
  }, [original]);
  const merge = useReportChange<{ originalReportId: string; version: number }>(municipality, report, '/merge', onChanged, () =>
    t('reports.merge.done', { reference: report.reference, original: original?.reference ?? '' }),
  );

  const lookUp = async (event: FormEvent) => {
    event.preventDefault();
    merge.reset();
    setOriginal(undefined);
    const wanted = reference.trim().toUpperCase();
    if (!wanted) return setLookupError(t('reports.merge.referenceMissing'));
    if (wanted === report.reference) return setLookupError(t('reports.merge.itself'));
    setLooking(true);
    try {
      const found = await api<ReportList>(tenantPath(municipality, `/reports?${new URLSearchParams({ search: wanted, pageSize: '5' })}`));
      const match = found.items.find((item) => item.reference.toUpperCase() === wanted);
      setLookupError(match ? undefined : t('reports.merge.notFound', { reference: wanted }));
      setOriginal(match);
      if (!match) document.getElementById('report-merge-reference')?.focus();
    } catch {
      setLookupError(t('reports.merge.lookupFailed'));
    } finally {
      setLooking(false);
    }
  };

  const error = lookupError ?? fieldErrorOf(merge.error, 'body.originalReportId');
  return (
    <ReportActionCard id="report-merge" title={t('reports.merge.title')} error={merge.error} fieldIds={{ 'body.originalReportId': 'report-merge-reference' }}>
      <Paragraph>{t('reports.merge.intro')}</Paragraph>
      <form className="app-form" onSubmit={lookUp} noValidate>
        <TextField id="report-merge-reference" label={t('reports.merge.reference')} description={t('reports.merge.referenceHint')} required value={reference} onChange={setReference} error={error} />
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={isLooking}>
            {t('reports.merge.lookUp')}
          </Button>
        </div>
      </form>
      {original && (
        <div className="app-merge-preview" ref={preview} tabIndex={-1}>
          <Paragraph>{t('reports.merge.found')}</Paragraph>
          <DataList>
            <Fact label={t('reports.column.reference')}>{original.reference}</Fact>
            <Fact label={t('reports.column.category')}>{original.category.name}</Fact>
            <Fact label={t('reports.fact.address')}>{original.address || original.neighbourhoodName}</Fact>
            <Fact label={t('reports.column.status')}>{t(`reportStatus.${original.status}`)}</Fact>
            <Fact label={t('reports.column.reportedAt')}>
              <ReportedOn value={original.reportedAt} />
            </Fact>
          </DataList>
          <Paragraph>{t('reports.merge.consequence', { reference: report.reference, original: original.reference })}</Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action-button" busy={merge.isPending} onClick={() => merge.mutate({ originalReportId: original.id, version: report.version })}>
              {t('reports.merge.confirm', { original: original.reference })}
            </Button>
            <Button appearance="subtle-button" onClick={() => setOriginal(undefined)}>
              {t('reports.merge.cancel')}
            </Button>
          </ButtonGroup>
        </div>
      )}
    </ReportActionCard>
  );
}
