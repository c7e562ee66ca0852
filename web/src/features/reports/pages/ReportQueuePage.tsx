import { Button, ButtonGroup, Checkbox, FormField, FormLabel, Paragraph } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Pagination } from '../../admin/components/Pagination.tsx';
import { useNeighbourhoods } from '../../public/queries.ts';
import { ReportTable } from '../components/ReportTable.tsx';
import { ReportBulkBar } from '../components/ReportBulkBar.tsx';
import { ReportQueueMap } from '../components/ReportQueueMap.tsx';
import { useReportCategories, useReports } from '../queries.ts';

const filterNames = ['search', 'status', 'categoryId', 'neighbourhoodId', 'priority', 'overdue', 'assignedToMe'] as const;
type Filter = Partial<Record<(typeof filterNames)[number], string>>;
const pageSize = 25;
const statuses = ['reported', 'accepted', 'in_progress', 'planned', 'done', 'cancelled', 'forwarded', 'reopened', 'merged'] as const;
/** Without a choice the queue shows what still needs doing; "all" is a choice of its own. */
const defaultStatus = 'open';

/**
 * /meldingen: the back office's queue of reports about public space. The API shows each person their own share
 * (officers their department's, advisors their neighbourhoods'); the filters live in the address, so a queue
 * can be shared and survives a reload.
 */
export function ReportQueuePage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const applied: Filter = Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? undefined]).filter((entry) => entry[1]));
  const status = applied.status ?? defaultStatus;
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  // The list or the map: in the address like the filters, so a reload or a shared link opens the same view.
  const view = params.get('view') === 'map' ? 'map' : 'list';
  const [draft, setDraft] = useState<Filter>(applied);
  const [areFiltersOpen, setFiltersOpen] = useState(false);
  const activeFilterCount = Object.keys(applied).length;
  const set = (name: keyof Filter) => (value: string) => setDraft((current) => ({ ...current, [name]: value || undefined }));
  const filter = { ...applied, status: status === 'all' ? undefined : status };
  const reports = useReports(municipality, { ...filter, page: String(page), pageSize: String(pageSize) }, view === 'list');
  const neighbourhoods = useNeighbourhoods(municipality);
  const categories = useReportCategories(municipality);
  // The selection for a bulk change holds only reports on the page in view.
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const items = reports.data?.items ?? [];
  const selected = items.filter((item) => selectedIds.has(item.id));
  const selection = {
    selectedIds,
    onToggle: (id: string) =>
      setSelectedIds((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
  };

  const apply = (filter: Filter, toPage = 1) => {
    setSelectedIds(new Set());
    applyParams(filter, toPage);
  };
  const applyParams = (chosen: Filter, toPage: number, toView: 'list' | 'map' = view) =>
    setParams(new URLSearchParams(Object.entries({ ...chosen, view: toView === 'map' ? 'map' : undefined, page: toPage > 1 ? String(toPage) : undefined }).filter((entry): entry is [string, string] => Boolean(entry[1]))));
  const show = (toView: 'list' | 'map') => {
    setSelectedIds(new Set());
    applyParams(applied, 1, toView);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };
  const any = { value: '', label: t('reports.filter.any') };
  const total = reports.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <PageTitle>{t('reports.queue.title')}</PageTitle>
      <Paragraph appearance="lead">{t('reports.queue.intro')}</Paragraph>
      <Paragraph>
        <AppLink to={`/${municipality}/meldingen/tevredenheid`}>{t('reports.queue.satisfactionLink')}</AppLink>
      </Paragraph>
      {/* On a phone the filters fold away behind one button that says how many are in use. */}
      <Button className="app-filter-toggle" appearance="secondary-action-button" aria-expanded={areFiltersOpen} aria-controls="report-filters" onClick={() => setFiltersOpen((open) => !open)}>
        {activeFilterCount > 0 ? t('reports.filter.toggleCount', { count: activeFilterCount }) : t('reports.filter.toggle')}
      </Button>
      <form id="report-filters" className="app-filter" data-open={areFiltersOpen} onSubmit={onSubmit} aria-label={t('reports.filter.label')}>
        <TextField id="report-filter-search" label={t('reports.filter.search')} value={draft.search ?? ''} onChange={set('search')} />
        <SelectField
          id="report-filter-status"
          label={t('reports.column.status')}
          value={draft.status ?? defaultStatus}
          onChange={(value) => set('status')(value === defaultStatus ? '' : value)}
          options={[
            { value: 'open', label: t('reports.filter.status.open') },
            { value: 'closed', label: t('reports.filter.status.closed') },
            { value: 'all', label: t('reports.filter.status.all') },
            ...statuses.map((value) => ({ value, label: t(`reportStatus.${value}`) })),
          ]}
        />
        <SelectField
          id="report-filter-category"
          label={t('reports.column.category')}
          value={draft.categoryId ?? ''}
          onChange={set('categoryId')}
          options={[
            any,
            ...(categories.data?.items ?? []).flatMap((main) => [
              { value: main.id, label: t('reports.filter.mainCategory', { name: main.name }) },
              ...main.subcategories.map((sub) => ({ value: sub.id, label: `${sub.name} (${main.name})` })),
            ]),
          ]}
        />
        <SelectField
          id="report-filter-neighbourhood"
          label={t('reports.column.neighbourhood')}
          value={draft.neighbourhoodId ?? ''}
          onChange={set('neighbourhoodId')}
          options={[any, ...(neighbourhoods.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))]}
        />
        <SelectField id="report-filter-priority" label={t('reports.column.priority')} value={draft.priority ?? ''} onChange={set('priority')} options={[any, ...(['high', 'normal', 'low'] as const).map((value) => ({ value, label: t(`reportPriority.${value}`) }))]} />
        <SelectField
          id="report-filter-overdue"
          label={t('reports.filter.overdue')}
          value={draft.overdue ?? ''}
          onChange={set('overdue')}
          options={[any, { value: 'overdue', label: t('reports.filter.overdue.overdue') }, { value: 'threeTimes', label: t('reports.filter.overdue.threeTimes') }]}
        />
        <FormField type="checkbox">
          <Paragraph>
            <Checkbox id="report-filter-assignedToMe" checked={draft.assignedToMe === 'true'} onChange={(event) => set('assignedToMe')((event.target as HTMLInputElement).checked ? 'true' : '')} />{' '}
            <FormLabel htmlFor="report-filter-assignedToMe" type="checkbox">
              {t('reports.filter.assignedToMe')}
            </FormLabel>
          </Paragraph>
        </FormField>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {t('reports.filter.apply')}
          </Button>
          <Button
            appearance="subtle-button"
            onClick={() => {
              setDraft({});
              apply({});
            }}
          >
            {t('reports.filter.clear')}
          </Button>
        </ButtonGroup>
      </form>
      <ButtonGroup className="app-view-switch" role="group" aria-label={t('reports.view.label')}>
        {(['list', 'map'] as const).map((option) => (
          <Button key={option} appearance={view === option ? 'primary-action-button' : 'secondary-action-button'} aria-pressed={view === option} onClick={() => show(option)}>
            {t(`reports.view.${option}`)}
          </Button>
        ))}
      </ButtonGroup>
      {view === 'map' && <ReportQueueMap municipality={municipality} filter={filter} />}
      {view === 'list' && <ProblemAlert error={reports.error} />}
      {view === 'list' && reports.isPending && <Loading />}
      {view === 'list' && reports.data && (
        <>
          <Paragraph role="status">{t('reports.queue.found', { total })}</Paragraph>
          {items.length > 0 && <ReportBulkBar
              municipality={municipality}
              selected={selected}
              isAllSelected={selected.length === items.length}
              onToggleAll={(isSelected) => setSelectedIds(isSelected ? new Set(items.map((item) => item.id)) : new Set())}
              onDone={() => setSelectedIds(new Set())}
            />}
          {items.length > 0 && <ReportTable municipality={municipality} items={items} caption={t('reports.queue.caption', { page, pageCount })} selection={selection} />}
          <Pagination page={page} pageCount={Math.ceil(total / pageSize)} onChange={(next) => apply(applied, next)} />
        </>
      )}
    </>
  );
}
