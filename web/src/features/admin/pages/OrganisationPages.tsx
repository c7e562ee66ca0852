import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import type { CouncilTerm, Department, NeighbourhoodList, Page, PartnerOrganisation, Portfolio, Theme } from '../../../api/types.ts';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { FieldDefinition } from '../components/RecordForm.tsx';
import { ListCsvSection } from '../components/ListCsvSection.tsx';
import { RegisterPage } from '../components/RegisterPage.tsx';

// The municipality's short lists: alike enough for one editable-list page each, edited in the row.

const text = (value: string | null | undefined) => value ?? '';

/** The English name beside the Dutch one: optional, the Dutch name shows where it is empty. */
function useEnglishNameField(): FieldDefinition {
  const { t } = useI18n();
  return { name: 'nameEn', label: t('field.nameEnOptional'), kind: 'text', description: t('admin.nameEnHint'), autoComplete: 'off' };
}

export function DepartmentsPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const nameEnField = useEnglishNameField();
  return (
    <RegisterPage<Department>
      definition={{
        textKey: 'admin.departments',
        path: '/departments',
        extra: (refresh) => <ListCsvSection municipality={municipality} path="/departments" importPath="/department-imports" onImported={refresh} />,
        nameOf: (item) => item.name,
        columns: [
          { label: t('field.name'), value: (item) => item.name },
          { label: t('field.nameEn'), value: (item) => text(item.nameEn) },
          { label: t('field.code'), value: (item) => item.code },
          { label: t('field.contactEmail'), value: (item) => text(item.contactEmail) },
        ],
        fields: [
          { name: 'name', label: t('field.name'), kind: 'text', required: true },
          nameEnField,
          { name: 'code', label: t('field.code'), kind: 'text', required: true, description: t('field.codeDescription') },
          { name: 'contactEmail', label: t('field.contactEmail'), kind: 'email', description: t('admin.departments.contactEmailHint'), autoComplete: 'off' },
        ],
        valuesOf: (item) => ({ name: text(item?.name), nameEn: text(item?.nameEn), code: text(item?.code), contactEmail: text(item?.contactEmail) }),
        deleteConsequence: t('admin.departments.deleteConsequence'),
      }}
    />
  );
}

const partnerKinds = ['police', 'housing_corporation', 'welfare', 'education', 'other'] as const;

export function PartnersPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const nameEnField = useEnglishNameField();
  return (
    <RegisterPage<PartnerOrganisation>
      definition={{
        textKey: 'admin.partners',
        path: '/partner-organisations',
        extra: (refresh) => <ListCsvSection municipality={municipality} path="/partner-organisations" importPath="/partner-organisation-imports" onImported={refresh} />,
        nameOf: (item) => item.name,
        columns: [
          { label: t('field.name'), value: (item) => item.name },
          { label: t('field.nameEn'), value: (item) => text(item.nameEn) },
          { label: t('field.kind'), value: (item) => t(`partnerKind.${item.kind}`) },
          { label: t('field.contactEmail'), value: (item) => text(item.contactEmail) },
        ],
        fields: [
          { name: 'name', label: t('field.name'), kind: 'text', required: true },
          nameEnField,
          { name: 'kind', label: t('field.kind'), kind: 'select', required: true, options: partnerKinds.map((kind) => ({ value: kind, label: t(`partnerKind.${kind}`) })) },
          { name: 'contactEmail', label: t('field.contactEmail'), kind: 'email', autoComplete: 'off' },
        ],
        valuesOf: (item) => ({ name: text(item?.name), nameEn: text(item?.nameEn), kind: text(item?.kind), contactEmail: text(item?.contactEmail) }),
        deleteConsequence: t('admin.partners.deleteConsequence'),
      }}
    />
  );
}

export function ThemesPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  return (
    <RegisterPage<Theme>
      definition={{
        textKey: 'admin.themes',
        path: '/themes',
        extra: (refresh) => <ListCsvSection municipality={municipality} path="/themes" importPath="/theme-imports" onImported={refresh} />,
        nameOf: (item) => item.nameNl,
        columns: [
          { label: t('field.nameNl'), value: (item) => item.nameNl },
          { label: t('field.nameEn'), value: (item) => item.nameEn },
          { label: t('field.sortOrder'), value: (item) => String(item.sortOrder) },
          { label: t('field.isActive'), value: (item) => (item.isActive ? t('common.yes') : t('common.no')) },
        ],
        fields: [
          { name: 'nameNl', label: t('field.nameNl'), kind: 'text', required: true },
          { name: 'nameEn', label: t('field.nameEn'), kind: 'text', required: true },
          { name: 'code', label: t('field.code'), kind: 'text', required: true, description: t('field.codeDescription') },
          { name: 'sortOrder', label: t('field.sortOrder'), kind: 'number', description: t('admin.themes.sortOrderHint') },
          { name: 'isActive', label: t('field.isActive'), kind: 'checkbox', description: t('admin.themes.isActiveHint') },
        ],
        valuesOf: (item) => ({ nameNl: text(item?.nameNl), nameEn: text(item?.nameEn), code: text(item?.code), sortOrder: String(item?.sortOrder ?? 0), isActive: item?.isActive ?? true }),
        deleteConsequence: t('admin.themes.deleteConsequence'),
      }}
    />
  );
}

/** The departments, themes and wijken a portfolio can cover, each list loaded once for the page. */
function usePortfolioChoices(municipality: string) {
  const { nameOf } = useI18n();
  const load = <Item,>(path: string) => ({ queryKey: ['admin', municipality, path, 'choices'], queryFn: () => api<Page<Item>>(tenantPath(municipality, `${path}?pageSize=100`)) });
  const departments = useQuery(load<Department>('/departments'));
  const themes = useQuery(load<Theme>('/themes'));
  const neighbourhoods = useQuery(load<NeighbourhoodList['items'][number]>('/neighbourhoods'));
  const options = {
    departmentIds: (departments.data?.items ?? []).map((item) => ({ value: item.id, label: nameOf(item) })),
    themeIds: (themes.data?.items ?? []).map((item) => ({ value: item.id, label: nameOf(item) })),
    neighbourhoodIds: (neighbourhoods.data?.items ?? []).map((item) => ({ value: item.id, label: item.name })),
  };
  /** "Verkeer, Groen" for the ids of one list, in the list's order. */
  const names = (list: keyof typeof options, ids: string[]) =>
    options[list]
      .filter((option) => ids.includes(option.value))
      .map((option) => option.label)
      .join(', ');
  return { options, names };
}

export function PortfoliosPage() {
  const { t } = useI18n();
  const { municipality = '' } = useParams();
  const nameEnField = useEnglishNameField();
  const choices = usePortfolioChoices(municipality);
  return (
    <RegisterPage<Portfolio>
      definition={{
        textKey: 'admin.portfolios',
        path: '/portfolios',
        extra: (refresh) => <ListCsvSection municipality={municipality} path="/portfolios" importPath="/portfolio-imports" onImported={refresh} />,
        nameOf: (item) => item.name,
        columns: [
          { label: t('field.name'), value: (item) => item.name },
          { label: t('field.isNeighbourhoodPolicy'), value: (item) => (item.isNeighbourhoodPolicy ? t('common.yes') : t('common.no')) },
          { label: t('admin.portfolios.departments'), value: (item) => choices.names('departmentIds', item.departmentIds) || t('admin.portfolios.none') },
          { label: t('admin.portfolios.themes'), value: (item) => choices.names('themeIds', item.themeIds) || t('admin.portfolios.none') },
          { label: t('admin.portfolios.neighbourhoods'), value: (item) => choices.names('neighbourhoodIds', item.neighbourhoodIds) || t('admin.portfolios.none') },
        ],
        fields: [
          { name: 'name', label: t('field.name'), kind: 'text', required: true },
          nameEnField,
          { name: 'code', label: t('field.code'), kind: 'text', required: true, description: t('field.codeDescription') },
          { name: 'isNeighbourhoodPolicy', label: t('field.isNeighbourhoodPolicy'), kind: 'checkbox', description: t('admin.portfolios.isNeighbourhoodPolicyHint') },
          { name: 'departmentIds', label: t('admin.portfolios.departments'), kind: 'checkboxes', description: t('admin.portfolios.departmentsHint'), options: choices.options.departmentIds },
          { name: 'themeIds', label: t('admin.portfolios.themes'), kind: 'checkboxes', description: t('admin.portfolios.themesHint'), options: choices.options.themeIds },
          { name: 'neighbourhoodIds', label: t('admin.portfolios.neighbourhoods'), kind: 'checkboxes', description: t('admin.portfolios.neighbourhoodsHint'), options: choices.options.neighbourhoodIds },
        ],
        valuesOf: (item) => ({
          name: text(item?.name),
          nameEn: text(item?.nameEn),
          code: text(item?.code),
          isNeighbourhoodPolicy: item?.isNeighbourhoodPolicy ?? false,
          departmentIds: item?.departmentIds ?? [],
          themeIds: item?.themeIds ?? [],
          neighbourhoodIds: item?.neighbourhoodIds ?? [],
        }),
        deleteConsequence: t('admin.portfolios.deleteConsequence'),
      }}
    />
  );
}

export function CouncilTermsPage() {
  const { t } = useI18n();
  const nameEnField = useEnglishNameField();
  return (
    <RegisterPage<CouncilTerm>
      definition={{
        textKey: 'admin.councilTerms',
        path: '/council-terms',
        nameOf: (item) => item.name,
        columns: [
          { label: t('field.name'), value: (item) => item.name },
          { label: t('field.startsOn'), value: (item) => <CalendarDate value={item.startsOn} /> },
          { label: t('field.endsOn'), value: (item) => <CalendarDate value={item.endsOn} /> },
        ],
        fields: [
          { name: 'name', label: t('field.name'), kind: 'text', required: true, description: t('admin.councilTerms.nameHint') },
          nameEnField,
          { name: 'startsOn', label: t('field.startsOn'), kind: 'date', required: true },
          { name: 'endsOn', label: t('field.endsOn'), kind: 'date', required: true },
        ],
        valuesOf: (item) => ({ name: text(item?.name), nameEn: text(item?.nameEn), startsOn: text(item?.startsOn), endsOn: text(item?.endsOn) }),
      }}
    />
  );
}
