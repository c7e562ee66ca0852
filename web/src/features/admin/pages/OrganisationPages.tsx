import type { CouncilTerm, Department, PartnerOrganisation, Portfolio, Theme } from '../../../api/types.ts';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { RegisterPage } from '../components/RegisterPage.tsx';

// The municipality's short lists: alike enough for one editable-list page each, edited in the row.

const text = (value: string | null | undefined) => value ?? '';

export function DepartmentsPage() {
  const { t } = useI18n();
  return (
    <RegisterPage<Department>
      definition={{
        textKey: 'admin.departments',
        path: '/departments',
        nameOf: (item) => item.name,
        columns: [
          { label: t('field.name'), value: (item) => item.name },
          { label: t('field.code'), value: (item) => item.code },
          { label: t('field.contactEmail'), value: (item) => text(item.contactEmail) },
        ],
        fields: [
          { name: 'name', label: t('field.name'), kind: 'text', required: true },
          { name: 'code', label: t('field.code'), kind: 'text', required: true, description: t('field.codeDescription') },
          { name: 'contactEmail', label: t('field.contactEmail'), kind: 'email', description: t('admin.departments.contactEmailHint'), autoComplete: 'off' },
        ],
        valuesOf: (item) => ({ name: text(item?.name), code: text(item?.code), contactEmail: text(item?.contactEmail) }),
        deleteConsequence: t('admin.departments.deleteConsequence'),
      }}
    />
  );
}

const partnerKinds = ['police', 'housing_corporation', 'welfare', 'education', 'other'] as const;

export function PartnersPage() {
  const { t } = useI18n();
  return (
    <RegisterPage<PartnerOrganisation>
      definition={{
        textKey: 'admin.partners',
        path: '/partner-organisations',
        nameOf: (item) => item.name,
        columns: [
          { label: t('field.name'), value: (item) => item.name },
          { label: t('field.kind'), value: (item) => t(`partnerKind.${item.kind}`) },
          { label: t('field.contactEmail'), value: (item) => text(item.contactEmail) },
        ],
        fields: [
          { name: 'name', label: t('field.name'), kind: 'text', required: true },
          { name: 'kind', label: t('field.kind'), kind: 'select', required: true, options: partnerKinds.map((kind) => ({ value: kind, label: t(`partnerKind.${kind}`) })) },
          { name: 'contactEmail', label: t('field.contactEmail'), kind: 'email', autoComplete: 'off' },
        ],
        valuesOf: (item) => ({ name: text(item?.name), kind: text(item?.kind), contactEmail: text(item?.contactEmail) }),
        deleteConsequence: t('admin.partners.deleteConsequence'),
      }}
    />
  );
}

export function ThemesPage() {
  const { t } = useI18n();
  return (
    <RegisterPage<Theme>
      definition={{
        textKey: 'admin.themes',
        path: '/themes',
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

export function PortfoliosPage() {
  const { t } = useI18n();
  return (
    <RegisterPage<Portfolio>
      definition={{
        textKey: 'admin.portfolios',
        path: '/portfolios',
        nameOf: (item) => item.name,
        columns: [
          { label: t('field.name'), value: (item) => item.name },
          { label: t('field.code'), value: (item) => item.code },
          { label: t('field.isNeighbourhoodPolicy'), value: (item) => (item.isNeighbourhoodPolicy ? t('common.yes') : t('common.no')) },
        ],
        fields: [
          { name: 'name', label: t('field.name'), kind: 'text', required: true },
          { name: 'code', label: t('field.code'), kind: 'text', required: true, description: t('field.codeDescription') },
          { name: 'isNeighbourhoodPolicy', label: t('field.isNeighbourhoodPolicy'), kind: 'checkbox', description: t('admin.portfolios.isNeighbourhoodPolicyHint') },
        ],
        valuesOf: (item) => ({ name: text(item?.name), code: text(item?.code), isNeighbourhoodPolicy: item?.isNeighbourhoodPolicy ?? false }),
        deleteConsequence: t('admin.portfolios.deleteConsequence'),
      }}
    />
  );
}

export function CouncilTermsPage() {
  const { t } = useI18n();
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
          { name: 'startsOn', label: t('field.startsOn'), kind: 'date', required: true },
          { name: 'endsOn', label: t('field.endsOn'), kind: 'date', required: true },
        ],
        valuesOf: (item) => ({ name: text(item?.name), startsOn: text(item?.startsOn), endsOn: text(item?.endsOn) }),
      }}
    />
  );
}
