import '../../insights/insights.css';
import * as Plot from '@observablehq/plot';
import { Alert, Button, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import type { SatisfactionFigure, SatisfactionFigures } from '../../../api/types.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { chartBase, chartColours, formatsFor } from '../../insights/components/chart-theme.ts';
import { PlotChart } from '../../insights/components/PlotChart.tsx';
import { isCalendarDate, lastTwelveMonths, type Period, todayInAmsterdam } from '../../insights/period.ts';

/** The period lives in the address (van, tot), so a view can be shared; without it, the last twelve months. */
function periodFromAddress(parameters: URLSearchParams): Period {
  const fallback = lastTwelveMonths(todayInAmsterdam());
  const from = parameters.get('van');
  const to = parameters.get('tot');
  return { from: isCalendarDate(from) ? from : fallback.from, to: isCalendarDate(to) ? to : fallback.to };
}

/**
 * /meldingen/tevredenheid: how satisfied reporters were with the handling, per category and per department, for
 * those who may read reports. A bar per group (share satisfied) and the same figures in a table below it.
 */
export function ReportSatisfactionPage() {
  const { municipality = '' } = useParams();
  const { t, language } = useI18n();
  const [parameters, setParameters] = useSearchParams();
  const period = periodFromAddress(parameters);
  const figures = useQuery({
    queryKey: ['report-satisfaction', municipality, period.from, period.to, language],
    placeholderData: keepPreviousData,
    queryFn: () => api<SatisfactionFigures>(tenantPath(municipality, `/report-satisfaction?${new URLSearchParams({ from: period.from, to: period.to })}`)),
  });
  return (
    <>
      <Paragraph>
        <AppLink to={`/${municipality}/meldingen`}>{t('reports.backToQueue')}</AppLink>
      </Paragraph>
      <PageTitle>{t('reports.satisfaction.title')}</PageTitle>
      <Paragraph appearance="lead">{t('reports.satisfaction.intro')}</Paragraph>
      <PeriodForm period={period} onApply={(next) => setParameters(new URLSearchParams({ van: next.from, tot: next.to }))} />
      {figures.isPending && <Loading />}
      <ProblemAlert error={figures.error} />
      {figures.data && (
        <div className="insights-results" aria-busy={figures.isPlaceholderData}>
          <Results figures={figures.data} />
        </div>
      )}
    </>
  );
}

/** From and to; nothing is fetched until the person asks for it, so a half-typed date never counts. */
function PeriodForm({ period, onApply }: { period: Period; onApply(period: Period): void }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  useEffect(() => {
    setFrom(period.from);
    setTo(period.to);
    setErrors({});
  }, [period.from, period.to]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const yearLater = isCalendarDate(from) ? new Date(Date.parse(`${from}T12:00:00Z`) + 366 * 86_400_000).toISOString().slice(0, 10) : '';
    const found = {
      from: isCalendarDate(from) ? undefined : t('insights.filters.dateRequired'),
      to: !isCalendarDate(to) ? t('insights.filters.dateRequired') : isCalendarDate(from) && from > to ? t('insights.filters.endBeforeStart') : yearLater && to > yearLater ? t('reports.satisfaction.periodTooLong') : undefined,
    };
    setErrors(found);
    if (!found.from && !found.to) onApply({ from, to });
  };
  return (
    <section aria-labelledby="satisfaction-period-heading" className="insights-filters">
      <Heading level={2} id="satisfaction-period-heading" className="app-visually-hidden">
        {t('reports.satisfaction.period')}
      </Heading>
      <form onSubmit={onSubmit} noValidate className="insights-filters__form">
        <TextField id="satisfaction-from" type="date" label={t('insights.filters.from')} value={from} onChange={setFrom} error={errors.from} />
        <TextField id="satisfaction-to" type="date" label={t('insights.filters.to')} value={to} onChange={setTo} error={errors.to} />
        <Button type="submit" appearance="primary-action-button">
          {t('insights.filters.apply')}
        </Button>
      </form>
    </section>
  );
}

function Results({ figures }: { figures: SatisfactionFigures }) {
  const { t, language } = useI18n();
  const format = formatsFor(language);
  const period = t('insights.period', { from: format.date(figures.from), to: format.date(figures.to) });
  const answers = figures.byCategory.reduce((sum, row) => sum + row.answers, 0);
  if (answers === 0) {
    return (
      <Alert type="info">
        <Paragraph>{t('reports.satisfaction.empty', { period })}</Paragraph>
      </Alert>
    );
  }
  const satisfied = figures.byCategory.reduce((sum, row) => sum + row.satisfied, 0);
  return (
    <>
      <Paragraph className="insights-period">{t('reports.satisfaction.summary', { period, answers: format.count(answers), percent: format.percent(satisfied / answers) })}</Paragraph>
      <SatisfactionChart id="satisfaction-category" title={t('reports.satisfaction.byCategory')} rowHeading={t('reports.satisfaction.category')} rows={figures.byCategory} noName={t('reports.satisfaction.noCategory')} period={period} />
      <SatisfactionChart id="satisfaction-department" title={t('reports.satisfaction.byDepartment')} rowHeading={t('reports.satisfaction.department')} rows={figures.byDepartment} noName={t('reports.satisfaction.noDepartment')} period={period} />
    </>
  );
}

type Row = SatisfactionFigure & { label: string; share: number };

/**
 * One bar per group: the share of answers that was satisfied, with the share and the number of answers written at
 * its end. Names stand above their bars, so long category names fit on a phone too. The table carries the same
 * figures and the reopened reports.
 */
function SatisfactionChart(props: { id: string; title: string; rowHeading: string; rows: SatisfactionFigure[]; noName: string; period: string }) {
  const { t, language } = useI18n();
  const format = formatsFor(language);
  const rows: Row[] = props.rows.map((row) => ({ ...row, label: row.name ?? props.noName, share: row.answers > 0 ? row.satisfied / row.answers : 0 }));
  const labels = rows.map((row) => row.label);
  const barText = (row: Row) => t('reports.satisfaction.barText', { percent: format.percent(row.share), answers: format.count(row.answers) });
  const draw = (width: number) => {
    // About 7 px a character at 14 px: on a phone a long name and its figures take two lines above the bar.
    const charactersPerLine = Math.max(20, Math.floor((width - 24) / 7));
    const lines = Math.max(1, ...rows.map((row) => Math.ceil(`${row.label}: ${barText(row)}`.length / charactersPerLine)));
    const step = 30 + 18 * Math.min(lines, 3);
    return Plot.plot({
      ...chartBase(width),
      height: step * rows.length + 60,
      marginLeft: 8,
      marginRight: 16,
      y: { domain: labels, axis: null, padding: 0 },
      x: { domain: [0, 100], label: t('reports.satisfaction.axis'), labelAnchor: 'center', grid: true, ticks: width < 500 ? 5 : 10, tickFormat: (value: number) => `${value}%` },
      marks: [
        // A bar of 20 px at the bottom of its row; the group's name and figures just above it, growing upwards.
        Plot.barX(rows, { y: 'label', x: (row: Row) => row.share * 100, fill: chartColours.share, insetTop: step - 24, insetBottom: 4 }),
        Plot.ruleX([0]),
        Plot.text(rows, { y: 'label', x: 0, text: (row: Row) => `${row.label}: ${barText(row)}`, textAnchor: 'start', lineAnchor: 'bottom', dy: step / 2 - 27, fill: '#000', lineWidth: charactersPerLine / 2 }),
      ],
    });
  };
  return (
    <section aria-labelledby={`${props.id}-heading`} className="insights-section">
      <Heading level={2} id={`${props.id}-heading`}>
        {props.title}
      </Heading>
      <Paragraph>{t('reports.satisfaction.caption', { period: props.period })}</Paragraph>
      <PlotChart draw={draw} label={t('reports.satisfaction.chartLabel', { title: props.title })} />
      <SatisfactionTable
        caption={props.title}
        rowHeading={props.rowHeading}
        columns={[t('reports.satisfaction.answers'), t('reports.satisfaction.satisfied'), t('reports.satisfaction.share'), t('reports.satisfaction.reopened')]}
        rows={rows.map((row) => ({ label: row.label, cells: [format.count(row.answers), format.count(row.satisfied), format.percent(row.answers > 0 ? row.share : null), format.count(row.reopened)] }))}
      />
    </section>
  );
}

/** The figures behind a chart; on a phone each group becomes a card with its figures named, so nothing scrolls sideways. */
function SatisfactionTable(props: { caption: string; rowHeading: string; columns: string[]; rows: { label: string; cells: string[] }[] }) {
  return (
    <div className="app-card-table-frame">
      <Table className="app-card-table app-card-table--headed">
        {/* The chart's heading stands right above; the caption names the table for screen readers without repeating it. */}
        <TableCaption className="app-visually-hidden">{props.caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{props.rowHeading}</TableHeaderCell>
            {props.columns.map((column) => (
              <TableHeaderCell key={column} scope="col" numericColumn>
                {column}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.rows.map((row) => (
            <TableRow key={row.label}>
              <TableHeaderCell scope="row">{row.label}</TableHeaderCell>
              {row.cells.map((cell, index) => (
                <TableCell key={props.columns[index]} numericColumn data-label={props.columns[index]}>
                  {cell}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
