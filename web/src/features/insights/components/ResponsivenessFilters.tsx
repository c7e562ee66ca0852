import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useEffect, useState } from 'react';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type Grouping, isCalendarDate, lastTwelveMonths, lastYear, type Period, type ResponsivenessView, thisYear, todayInAmsterdam } from '../period.ts';

const groupings: Grouping[] = ['department', 'neighbourhood', 'month'];

/** Period and grouping. Nothing changes until the user asks for it (a button), so a half-typed date never fetches. */
export function ResponsivenessFilters({ view, onApply }: { view: ResponsivenessView; onApply(view: ResponsivenessView): void }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(view.from);
  const [to, setTo] = useState(view.to);
  const [groupBy, setGroupBy] = useState<Grouping>(view.groupBy);
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  useEffect(() => {
    setFrom(view.from);
    setTo(view.to);
    setGroupBy(view.groupBy);
    setErrors({});
  }, [view.from, view.to, view.groupBy]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      from: isCalendarDate(from) ? undefined : t('insights.filters.dateRequired'),
      to: !isCalendarDate(to) ? t('insights.filters.dateRequired') : isCalendarDate(from) && from > to ? t('insights.filters.endBeforeStart') : undefined,
    };
    setErrors(found);
    if (!found.from && !found.to) onApply({ from, to, groupBy });
  };
  const today = todayInAmsterdam();
  const presets: { key: string; period: Period }[] = [
    { key: 'lastTwelveMonths', period: lastTwelveMonths(today) },
    { key: 'thisYear', period: thisYear(today) },
    { key: 'lastYear', period: lastYear(today) },
  ];

  return (
    <section aria-labelledby="insights-filters-heading" className="insights-filters">
      <Heading level={2} id="insights-filters-heading" className="app-visually-hidden">
        {t('insights.filters.title')}
      </Heading>
      <form onSubmit={onSubmit} noValidate className="insights-filters__form">
        <TextField id="insights-from" type="date" label={t('insights.filters.from')} value={from} onChange={setFrom} error={errors.from} />
        <TextField id="insights-to" type="date" label={t('insights.filters.to')} value={to} onChange={setTo} error={errors.to} />
        <SelectField
          id="insights-group-by"
          label={t('insights.filters.groupBy')}
          value={groupBy}
          onChange={(value) => setGroupBy(value as Grouping)}
          options={groupings.map((grouping) => ({ value: grouping, label: t(`insights.grouping.${grouping}`) }))}
        />
        <Button type="submit" appearance="primary-action-button">
          {t('insights.filters.apply')}
        </Button>
      </form>
      <div className="insights-presets">
        <Paragraph id="insights-presets-label">{t('insights.filters.presets')}</Paragraph>
        <ButtonGroup aria-labelledby="insights-presets-label">
          {presets.map((preset) => (
            <Button key={preset.key} type="button" appearance="secondary-action-button" onClick={() => onApply({ ...preset.period, groupBy })}>
              {t(`insights.preset.${preset.key}`)}
            </Button>
          ))}
        </ButtonGroup>
      </div>
    </section>
  );
}
