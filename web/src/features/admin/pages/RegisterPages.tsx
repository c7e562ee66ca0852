import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import type { Council, CouncilTerm, Department, Neighbourhood, NeighbourhoodList, NeighbourhoodSummary, PartnerOrganisation, Portfolio, Theme, UserList } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AreasEditor } from '../components/AreasEditor.tsx';
import { RegisterPage } from '../components/RegisterPage.tsx';

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
          { name: 'contactEmail', label: t('field.contactEmail'), kind: 'email' },
        ],
        valuesOf: (item) => ({ name: text(item?.name), code: text(item?.code), contactEmail: text(item?.contactEmail) }),
      }}
    />
  );
}

const partnerKinds = ['police', 'housing_corporation', 'welfare', 'education', 'other'];

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
          { name: 'contactEmail', label: t('field.contactEmail'), kind: 'email' },
        ],
        valuesOf: (item) => ({ name: text(item?.name), kind: text(item?.kind), contactEmail: text(item?.contactEmail) }),
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
          { label: t('field.isActive'), value: (item) => (item.isActive ? t('common.yes') : t('common.no')) },
        ],
        fields: [
          { name: 'nameNl', label: t('field.nameNl'), kind: 'text', required: true },
          { name: 'nameEn', label: t('field.nameEn'), kind: 'text', required: true },
          { name: 'code', label: t('field.code'), kind: 'text', required: true, description: t('field.codeDescription') },
          { name: 'sortOrder', label: t('field.sortOrder'), kind: 'number' },
          { name: 'isActive', label: t('field.isActive'), kind: 'checkbox' },
        ],
        valuesOf: (item) => ({ nameNl: text(item?.nameNl), nameEn: text(item?.nameEn), code: text(item?.code), sortOrder: String(item?.sortOrder ?? 0), isActive: item?.isActive ?? true }),
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
          { label: t('field.isNeighbourhoodPolicy'), value: (item) => (item.isNeighbourhoodPolicy ? t('common.yes') : t('common.no')) },
        ],
        fields: [
          { name: 'name', label: t('field.name'), kind: 'text', required: true },
          { name: 'code', label: t('field.code'), kind: 'text', required: true, description: t('field.codeDescription') },
          { name: 'isNeighbourhoodPolicy', label: t('field.isNeighbourhoodPolicy'), kind: 'checkbox' },
        ],
        valuesOf: (item) => ({ name: text(item?.name), code: text(item?.code), isNeighbourhoodPolicy: item?.isNeighbourhoodPolicy ?? false }),
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
          { label: t('field.startsOn'), value: (item) => item.startsOn },
          { label: t('field.endsOn'), value: (item) => item.endsOn },
        ],
        fields: [
          { name: 'name', label: t('field.name'), kind: 'text', required: true },
          { name: 'startsOn', label: t('field.startsOn'), kind: 'date', required: true },
          { name: 'endsOn', label: t('field.endsOn'), kind: 'date', required: true },
        ],
        valuesOf: (item) => ({ name: text(item?.name), startsOn: text(item?.startsOn), endsOn: text(item?.endsOn) }),
      }}
    />
  );
}

function useNeighbourhoodOptions(municipality: string) {
  const list = useQuery({ queryKey: ['neighbourhoods', municipality, 'all'], queryFn: () => api<NeighbourhoodList>(tenantPath(municipality, '/neighbourhoods?pageSize=100')) });
  return (list.data?.items ?? []).map((item: NeighbourhoodSummary) => ({ value: item.id, label: item.name }));
}

const legalForms = ['foundation', 'association', 'informal'];

export function CouncilsPage() {
  const { t } = useI18n();
  const { municipality = '' } = useParams();
  const neighbourhoods = useNeighbourhoodOptions(municipality);
  return (
    <RegisterPage<Council>
      definition={{
        textKey: 'admin.councils',
        path: '/councils',
        nameOf: (item) => item.name,
        columns: [
          { label: t('field.name'), value: (item) => item.name },
          { label: t('field.neighbourhood'), value: (item) => item.neighbourhood.name },
          { label: t('field.legalForm'), value: (item) => t(`legalForm.${item.legalForm}`) },
          { label: t('field.contactEmail'), value: (item) => text(item.contactEmail) },
        ],
        fields: [
          { name: 'name', label: t('field.name'), kind: 'text', required: true },
          { name: 'neighbourhoodId', label: t('field.neighbourhood'), kind: 'select', required: true, options: neighbourhoods },
          { name: 'legalForm', label: t('field.legalForm'), kind: 'select', required: true, options: legalForms.map((form) => ({ value: form, label: t(`legalForm.${form}`) })) },
          { name: 'contactEmail', label: t('field.contactEmail'), kind: 'email' },
          { name: 'website', label: t('field.website'), kind: 'url' },
        ],
        valuesOf: (item) => ({ name: text(item?.name), neighbourhoodId: text(item?.neighbourhood.id), legalForm: text(item?.legalForm), contactEmail: text(item?.contactEmail), website: text(item?.website) }),
      }}
    />
  );
}

type NeighbourhoodRow = NeighbourhoodSummary & Partial<Omit<Neighbourhood, keyof NeighbourhoodSummary>> & { version: number };

/** The list endpoint gives summaries; editing a neighbourhood needs its version, so the page loads details on demand. */
export function NeighbourhoodsPage() {
  const { t } = useI18n();
  const { municipality = '' } = useParams();
  const users = useQuery({ queryKey: ['users', municipality, 'staff'], queryFn: () => api<UserList>(tenantPath(municipality, '/users?pageSize=100')) });
  // A programme manager is municipal staff: advisors, officers, administrators.
  const staff = (users.data?.items ?? [])
    .filter((user) => user.roles.some((grant) => ['advisor', 'officer', 'admin'].includes(grant.role)))
    .map((user) => ({ value: user.id, label: user.displayName }));
  return (
    <RegisterPage<NeighbourhoodRow>
      definition={{
        textKey: 'admin.neighbourhoods',
        path: '/neighbourhoods',
        editsDetail: true,
        renderBelowForm: (item) => <AreasEditor municipality={municipality} neighbourhoodId={item.id} />,
        nameOf: (item) => item.name,
        columns: [
          { label: t('field.name'), value: (item) => item.name },
          { label: t('field.cbsCode'), value: (item) => text(item.cbsCode) },
          { label: t('field.isDevelopmentArea'), value: (item) => (item.isDevelopmentArea ? t('common.yes') : t('common.no')) },
        ],
        fields: [
          { name: 'name', label: t('field.name'), kind: 'text', required: true },
          { name: 'cbsCode', label: t('field.cbsCode'), kind: 'text', description: t('field.cbsCodeDescription') },
          { name: 'description', label: t('field.description'), kind: 'textarea' },
          { name: 'isDevelopmentArea', label: t('field.isDevelopmentArea'), kind: 'checkbox' },
          { name: 'programmeManagerUserId', label: t('field.programmeManager'), kind: 'select', description: t('field.programmeManagerDescription'), options: staff },
          { name: 'boundary', label: t('field.boundary'), kind: 'json', description: t('field.boundaryDescription') },
        ],
        valuesOf: (item) => ({
          name: text(item?.name),
          cbsCode: text(item?.cbsCode),
          description: text(item?.description),
          isDevelopmentArea: item?.isDevelopmentArea ?? false,
          programmeManagerUserId: text(item?.programmeManager?.id),
          boundary: item?.boundary ? JSON.stringify(item.boundary) : '',
        }),
      }}
    />
  );
}
