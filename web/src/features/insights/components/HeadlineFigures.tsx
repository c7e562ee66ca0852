import { Heading } from '@utrecht/component-library-react/css-module';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Responsiveness } from '../queries.ts';
import { formatsFor } from './chart-theme.ts';

/** The period in a few numbers. The on-time share over all groups is weighted by the answered requests of each. */
export function HeadlineFigures({ figures }: { figures: Responsiveness }) {
  const { t, language } = useI18n();
  const format = formatsFor(language);
  const total = figures.groups.reduce((sum, group) => sum + group.total, 0);
  const answered = figures.groups.reduce((sum, group) => sum + group.answered, 0);
  const answeredOnTime = figures.groups.reduce((sum, group) => sum + Math.round((group.answeredOnTimeShare ?? 0) * group.answered), 0);
  const nuDue = figures.groups.reduce((sum, group) => sum + group.nuDue, 0);
  const nuInTime = figures.groups.reduce((sum, group) => sum + Math.round((group.nuCarriedOutInTimeShare ?? 0) * group.nuDue), 0);
  const items = [
    { key: 'total', label: t('insights.headline.total'), value: format.count(total), note: t('insights.headline.totalNote', { count: format.count(answered) }) },
    { key: 'onTime', label: t('insights.headline.onTime'), value: format.percent(answered > 0 ? answeredOnTime / answered : null), note: t('insights.headline.onTimeNote', { count: format.count(answeredOnTime), answered: format.count(answered) }) },
    {
      key: 'nuInTime',
      label: t('insights.headline.nuInTime'),
      value: format.percent(nuDue > 0 ? nuInTime / nuDue : null),
      note: t('insights.headline.nuInTimeNote', { count: format.count(nuInTime), due: format.count(nuDue), weeks: figures.shortTermWeeks }),
    },
    { key: 'overdue', label: t('insights.headline.overdueOoit'), value: format.count(figures.overdueOoitUpdates), note: t('insights.headline.overdueOoitNote') },
  ];
  return (
    <section aria-labelledby="insights-headline-heading" className="insights-section">
      <Heading level={2} id="insights-headline-heading" className="app-visually-hidden">
        {t('insights.headline.title')}
      </Heading>
      <dl className="insights-headline">
        {items.map((item) => (
          <div key={item.key} className="insights-headline__item" data-figure={item.key}>
            <dt>{item.label}</dt>
            <dd className="insights-headline__value">{item.value}</dd>
            <dd className="insights-headline__note">{item.note}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
