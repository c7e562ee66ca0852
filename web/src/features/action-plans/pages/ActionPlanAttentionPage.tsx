import { Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useState } from 'react';
import { useParams } from 'react-router';
import { AppLink } from '../../../components/AppLink.tsx';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAttention } from '../queries.ts';

/** The advisor's list: every action in their neighbourhoods' plans that is overdue, at risk, delayed or due soon. */
export function ActionPlanAttentionPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const attention = useAttention(municipality, reason ? { reason } : {});
  return (
    <>
      <PageTitle>{t('actionPlanAttention.title')}</PageTitle>
      <Paragraph>{t('actionPlanAttention.intro')}</Paragraph>
      <SelectField
        id="attention-reason"
        label={t('actionPlanAttention.show')}
        value={reason}
        onChange={setReason}
        options={[{ value: '', label: t('actionPlanAttention.all') }, ...(['overdue', 'at_risk', 'delayed', 'deadline_soon'] as const).map((value) => ({ value, label: t(`actionPlan.attention.${value}`) }))]}
      />
      {attention.isPending && <Loading />}
      <ProblemAlert error={attention.error} />
      {attention.data && attention.data.items.length === 0 && <Paragraph>{t('actionPlanAttention.none')}</Paragraph>}
      {attention.data && attention.data.items.length > 0 && (
        <>
          <Paragraph>{t('actionPlanAttention.count', { count: attention.data.total })}</Paragraph>
          <div className="app-card-table-frame">
            <Table className="app-card-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('actionPlan.field.title')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('actionPlanAttention.why')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('actionPlan.field.deadlineOn')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('actionPlan.owner')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('actionPlanList.plan')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {attention.data.items.map((item) => (
                  <TableRow key={item.action.id}>
                    <TableCell data-label={t('actionPlan.field.title')}>{item.action.title}</TableCell>
                    <TableCell data-label={t('actionPlanAttention.why')}>
                      {t(`actionPlan.attention.${item.reason}`)} ({t(`actionPlan.status.${item.action.status}`)})
                    </TableCell>
                    <TableCell data-label={t('actionPlan.field.deadlineOn')}>{item.action.deadlineOn ? <CalendarDate value={item.action.deadlineOn} /> : '—'}</TableCell>
                    <TableCell data-label={t('actionPlan.owner')}>{item.ownerName ?? '—'}</TableCell>
                    <TableCell data-label={t('actionPlanList.plan')}>
                      <AppLink to={`/${municipality}/wijkactieplannen/${item.plan.id}`}>{item.plan.title}</AppLink> ({item.neighbourhood.name})
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </>
  );
}
