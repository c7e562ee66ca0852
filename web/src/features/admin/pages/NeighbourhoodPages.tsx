import { Paragraph } from '@utrecht/component-library-react/css-module';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import type { Neighbourhood, NeighbourhoodSummary, UserList } from '../../../api/types.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAdminHref } from '../components/AdminPage.tsx';
import { AreaImportForm } from '../components/AreaImportForm.tsx';
import { AreasEditor } from '../components/AreasEditor.tsx';
import type { FieldDefinition, FormValues } from '../components/RecordForm.tsx';
import { RecordPage } from '../components/RecordPage.tsx';
import { RegisterPage } from '../components/RegisterPage.tsx';

// The list gives summaries; the page of one wijk loads the whole record (with its version).
type NeighbourhoodRow = NeighbourhoodSummary & { version: number };

/** A programme manager is municipal staff: advisors, officers, administrators. */
function useProgrammeManagerOptions(municipality: string) {
  const users = useQuery({ queryKey: ['admin', municipality, '/users', 'staff'], queryFn: () => api<UserList>(tenantPath(municipality, '/users?pageSize=100')) });
  return (users.data?.items ?? [])
    .filter((user) => user.isActive && user.roles.some((grant) => ['advisor', 'officer', 'admin'].includes(grant.role)))
    .map((user) => ({ value: user.id, label: user.displayName }));
}

function useNeighbourhoodFields(municipality: string): FieldDefinition[] {
  const { t } = useI18n();
  const managers = useProgrammeManagerOptions(municipality);
  return [
    { name: 'name', label: t('field.name'), kind: 'text', required: true },
    { name: 'cbsCode', label: t('field.cbsCode'), kind: 'text', description: t('field.cbsCodeDescription') },
    { name: 'description', label: t('field.description'), kind: 'textarea', description: t('admin.neighbourhoods.descriptionHint') },
    { name: 'isDevelopmentArea', label: t('field.isDevelopmentArea'), kind: 'checkbox', description: t('admin.neighbourhoods.developmentAreaHint') },
    {
      name: 'programmeManagerUserId',
      label: t('field.programmeManager'),
      kind: 'select',
      description: t('field.programmeManagerDescription'),
      options: managers,
      shownWhen: (values) => Boolean(values.isDevelopmentArea),
    },
    { name: 'boundary', label: t('field.boundary'), kind: 'boundary', description: t('admin.neighbourhoods.boundaryHint') },
    { name: 'isBoundaryOfficial', label: t('admin.neighbourhoods.isBoundaryOfficial'), kind: 'checkbox', description: t('admin.neighbourhoods.isBoundaryOfficialHint') },
  ];
}

const text = (value: string | null | undefined) => value ?? '';

function valuesOf(item: Neighbourhood | undefined): FormValues {
  return {
    name: text(item?.name),
    cbsCode: text(item?.cbsCode),
    description: text(item?.description),
    isDevelopmentArea: item?.isDevelopmentArea ?? false,
    programmeManagerUserId: text(item?.programmeManager?.id),
    boundary: item?.boundary ? JSON.stringify(item.boundary) : '',
    isBoundaryOfficial: item?.isBoundaryOfficial ?? true,
  };
}

/** /beheer/wijken: every wijk, searchable by name or CBS code; new ones are added here. */
export function NeighbourhoodsPage() {
  const { t } = useI18n();
  const { municipality = '' } = useParams();
  const adminHref = useAdminHref();
  const fields = useNeighbourhoodFields(municipality);
  const editHref = (item: { id: string }) => adminHref(`wijken/${item.id}`);
  return (
    <RegisterPage<NeighbourhoodRow>
      definition={{
        textKey: 'admin.neighbourhoods',
        path: '/neighbourhoods',
        isSearchable: true,
        editHref,
        nameOf: (item) => item.name,
        columns: [
          { label: t('field.name'), value: (item) => <AppLink to={editHref(item)}>{item.name}</AppLink> },
          { label: t('field.cbsCode'), value: (item) => text(item.cbsCode) },
          { label: t('field.isDevelopmentArea'), value: (item) => (item.isDevelopmentArea ? t('common.yes') : t('common.no')) },
        ],
        fields,
        valuesOf: () => valuesOf(undefined),
        nextAfterCreate: (item) => <AppLink to={editHref(item)}>{t('admin.neighbourhoods.continueWith', { name: item.name })}</AppLink>,
        deleteConsequence: t('admin.neighbourhoods.deleteConsequence'),
        inUseExplanation: t('admin.neighbourhoods.inUse'),
        extra: (refresh) => <AreaImportForm municipality={municipality} onImported={refresh} />,
      }}
    />
  );
}

/** /beheer/wijken/:neighbourhoodId: the details of one wijk, its buurten, and deleting it. */
export function NeighbourhoodPage() {
  const { t } = useI18n();
  const { municipality = '', neighbourhoodId = '' } = useParams();
  const fields = useNeighbourhoodFields(municipality);
  return (
    <RecordPage<Neighbourhood>
      id={neighbourhoodId}
      definition={{
        textKey: 'admin.neighbourhoods',
        section: 'wijken',
        path: '/neighbourhoods',
        fields,
        valuesOf,
        nameOf: (item) => item.name,
        deleteConsequence: t('admin.neighbourhoods.deleteConsequence'),
        inUseExplanation: t('admin.neighbourhoods.inUse'),
        renderMore: (item, refresh) => (
          <>
            <Paragraph className="admin-aside">
              <AppLink to={`/${municipality}/wijken/${item.slug}`}>{t('admin.neighbourhoods.publicPage', { name: item.name })}</AppLink>
            </Paragraph>
            <AreasEditor municipality={municipality} neighbourhood={item} onChanged={refresh} />
          </>
        ),
      }}
    />
  );
}
