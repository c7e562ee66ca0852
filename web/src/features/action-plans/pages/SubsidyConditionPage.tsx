import { Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useState } from 'react';
import { useParams } from 'react-router';
import { AppLink } from '../../../components/AppLink.tsx';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { amsterdamParts } from '../../meetings/when.ts';
import { useSubsidyCondition } from '../queries.ts';

/** The subsidy regulation's condition per council and year: did the council contribute to the plan of that year? */
export function SubsidyConditionPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear));
  const condition = useSubsidyCondition(municipality, year);
  const exportBase = `/api/v1/municipalities/${municipality}/action-plan-subsidy-condition/export?year=${year}`;
  const met = condition.data?.items.filter((item) => item.hasContributed).length ?? 0;
  return (
    <>
      <PageTitle>{t('subsidyCondition.title')}</PageTitle>
      <Paragraph>{t('subsidyCondition.intro')}</Paragraph>
      <SelectField id="subsidy-year" label={t('subsidyCondition.year')} value={year} onChange={setYear} options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((value) => ({ value: String(value), label: String(value) }))} />
      {condition.isPending && <Loading />}
      <ProblemAlert error={condition.error} />
      {condition.data && (
        <>
          <Paragraph>{t('subsidyCondition.summary', { met, total: condition.data.total, year })}</Paragraph>
          <Paragraph>
            <a href={`${exportBase}&format=xlsx`}>{t('subsidyCondition.exportXlsx')}</a> · <a href={`${exportBase}&format=csv`}>{t('subsidyCondition.exportCsv')}</a>
          </Paragraph>
          <div className="app-card-table-frame">
            <Table className="app-card-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('actionPlan.party.council')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('actionPlanList.plan')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('subsidyCondition.contributed')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {condition.data.items.map((item) => (
                  <TableRow key={item.council.id}>
                    <TableCell data-label={t('actionPlan.party.council')}>
                      {item.council.name} ({item.neighbourhood.name})
                    </TableCell>
                    <TableCell data-label={t('actionPlanList.plan')}>{item.plan ? <AppLink to={`/${municipality}/wijkactieplannen/${item.plan.id}`}>{item.plan.title}</AppLink> : t('subsidyCondition.noPlan')}</TableCell>
                    <TableCell data-label={t('subsidyCondition.contributed')}>
                      {item.hasContributed ? (
                        <>
                          {t('subsidyCondition.yes')}
                          {item.firstContributedAt && (
                            <>
                              {', '}
                              <CalendarDate value={amsterdamParts(item.firstContributedAt).day} />
                            </>
                          )}
                        </>
                      ) : (
                        t('subsidyCondition.no')
                      )}
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
