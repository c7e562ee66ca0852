import { Button, ButtonGroup, Checkbox, FormField, FormLabel, Paragraph } from '@utrecht/component-library-react/css-module';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import { hasRole, useSession } from '../../../api/session.ts';
import type { Department, Neighbourhood, Page, Theme } from '../../../api/types.ts';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { AskCallToAction } from '../components/AskCallToAction.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Pagination } from '../../admin/components/Pagination.tsx';
import { RequestExportLinks } from '../components/RequestExportLinks.tsx';
import { RequestTable } from '../components/RequestTable.tsx';
import { useRequests } from '../queries.ts';

const filterNames = ['search', 'neighbourhoodId', 'kind', 'state', 'verdict', 'themeId', 'departmentId', 'isOverdue', 'isOpen', 'mine', 'sort'] as const;
type Filter = Partial<Record<(typeof filterNames)[number], string>>;
const pageSize = 25;

/**
 * /vragen: find requests by neighbourhood, kind, status, verdict, theme, department, overdue and words (Dutch
 * full-text search), filtered and paged by the API. Staff see everything and can export what they found; others
 * see public requests and their own side's. The filters live in the address, so a list can be shared.
 */
export function RequestListPage() {
  const { municipality = '' } = useParams();
  const { t, nameOf } = useI18n();
  const session = useSession(municipality);
  const [params, setParams] = useSearchParams();
  const applied: Filter = Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? undefined]).filter((entry) => entry[1]));
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const [draft, setDraft] = useState<Filter>(applied);
  const [areFiltersOpen, setFiltersOpen] = useState(false);
  const activeFilterCount = Object.keys(applied).filter((name) => name !== 'sort').length;
  const set = (name: keyof Filter) => (value: string) => setDraft((current) => ({ ...current, [name]: value || undefined }));
  const requests = useRequests(municipality, { ...applied, page: String(page), pageSize: String(pageSize) });
  const options = <T,>(path: string) => ({ queryKey: ['options', municipality, path], staleTime: 5 * 60_000, queryFn: () => api<Page<T>>(tenantPath(municipality, path)) });
  const neighbourhoods = useQuery(options<Neighbourhood>('/neighbourhoods?pageSize=100'));
  const themes = useQuery(options<Theme>('/themes?pageSize=100'));
  const departments = useQuery(options<Department>('/departments?pageSize=100'));
  const isStaff = ['advisor', 'officer', 'alderman', 'admin'].some((role) => hasRole(session.data, role));

  const apply = (filter: Filter, toPage = 1) => setParams(new URLSearchParams(Object.entries({ ...filter, page: toPage > 1 ? String(toPage) : undefined }).filter((entry): entry is [string, string] => Boolean(entry[1]))));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };
  const choose = (items: { value: string; label: string }[]) => [{ value: '', label: t('requestList.any') }, ...items];
  const total = requests.data?.total ?? 0;
  return (
    <>
      <PageTitle>{t('requestList.title')}</PageTitle>
      <Paragraph appearance="lead">{isStaff ? t('requestList.introStaff') : t('requestList.intro')}</Paragraph>
      <AskCallToAction municipality={municipality} />
      {/* On a phone the filters fold away behind one button that says how many are in use. */}
      <Button className="app-filter-toggle" appearance="secondary-action-button" aria-expanded={areFiltersOpen} aria-controls="request-filters" onClick={() => setFiltersOpen((open) => !open)}>
        {activeFilterCount > 0 ? t('requestList.filterToggleCount', { count: activeFilterCount }) : t('requestList.filterToggle')}
      </Button>
      <form id="request-filters" className="app-filter" data-open={areFiltersOpen} onSubmit={onSubmit} aria-label={t('requestList.filters')}>
        <TextField id="filter-search" label={t('requestList.search')} value={draft.search ?? ''} onChange={set('search')} />
        <SelectField id="filter-neighbourhood" label={t('requestList.neighbourhood')} value={draft.neighbourhoodId ?? ''} onChange={set('neighbourhoodId')} options={choose((neighbourhoods.data?.items ?? []).map((item) => ({ value: item.id, label: item.name })))} />
        <SelectField id="filter-kind" label={t('requests.kind')} value={draft.kind ?? ''} onChange={set('kind')} options={choose(['question', 'request', 'advice_solicited', 'advice_unsolicited', 'initiative'].map((kind) => ({ value: kind, label: t(`requestKind.${kind}`) })))} />
        <SelectField id="filter-state" label={t('requests.state')} value={draft.state ?? ''} onChange={set('state')} options={choose(['submitted', 'acknowledged', 'routed', 'answered', 'closed'].map((state) => ({ value: state, label: t(`requestState.${state}`) })))} />
        <SelectField id="filter-verdict" label={t('answer.verdict')} value={draft.verdict ?? ''} onChange={set('verdict')} options={choose(['nu', 'ooit', 'nooit'].map((verdict) => ({ value: verdict, label: t(`verdict.${verdict}`) })))} />
        <SelectField id="filter-theme" label={t('submit.theme')} value={draft.themeId ?? ''} onChange={set('themeId')} options={choose((themes.data?.items ?? []).map((item) => ({ value: item.id, label: nameOf(item) })))} />
        <SelectField id="filter-department" label={t('triage.department')} value={draft.departmentId ?? ''} onChange={set('departmentId')} options={choose((departments.data?.items ?? []).map((item) => ({ value: item.id, label: nameOf(item) })))} />
        <SelectField id="filter-sort" label={t('requestList.sort')} value={draft.sort ?? 'newest'} onChange={(value) => set('sort')(value === 'newest' ? '' : value)} options={['newest', 'deadline'].map((sort) => ({ value: sort, label: t(`requestList.sort.${sort}`) }))} />
        {(['isOverdue', 'isOpen', ...(session.data ? (['mine'] as const) : [])] as const).map((name) => (
          <FormField key={name} type="checkbox">
            <Paragraph>
              <Checkbox id={`filter-${name}`} checked={draft[name] === 'true'} onChange={(event) => set(name)((event.target as HTMLInputElement).checked ? 'true' : '')} />{' '}
              <FormLabel htmlFor={`filter-${name}`} type="checkbox">
                {t(`requestList.${name}`)}
              </FormLabel>
            </Paragraph>
          </FormField>
        ))}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {t('requestList.apply')}
          </Button>
          <Button
            appearance="subtle-button"
            onClick={() => {
              setDraft({});
              apply({});
            }}
          >
            {t('requestList.clear')}
          </Button>
        </ButtonGroup>
      </form>
      {isStaff && <RequestExportLinks municipality={municipality} filter={applied} />}
      <ProblemAlert error={requests.error} />
      {requests.isPending && <Loading />}
      {requests.data && (
        <>
          <Paragraph role="status">{t('requestList.found', { total })}</Paragraph>
          {requests.data.items.length > 0 && <RequestTable municipality={municipality} items={requests.data.items} caption={t('requestList.caption', { page, pageCount: Math.max(1, Math.ceil(total / pageSize)) })} />}
          <Pagination page={page} pageCount={Math.ceil(total / pageSize)} onChange={(next) => apply(applied, next)} />
        </>
      )}
    </>
  );
}
