import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import type { Council, CouncilList, NeighbourhoodList } from '../../../api/types.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAdminHref } from '../components/AdminPage.tsx';
import type { FieldDefinition, FormValues } from '../components/RecordForm.tsx';
import { RecordPage } from '../components/RecordPage.tsx';
import { RegisterPage } from '../components/RegisterPage.tsx';

type CouncilRow = CouncilList['items'][number] & { version: number };

const legalForms = ['foundation', 'association', 'informal'] as const;
const text = (value: string | null | undefined) => value ?? '';

function useCouncilFields(municipality: string): FieldDefinition[] {
  const { t } = useI18n();
  const neighbourhoods = useQuery({ queryKey: ['admin', municipality, '/neighbourhoods', 'options'], queryFn: () => api<NeighbourhoodList>(tenantPath(municipality, '/neighbourhoods?pageSize=100')) });
  return [
    { name: 'name', label: t('field.name'), kind: 'text', required: true },
    { name: 'legalForm', label: t('field.legalForm'), kind: 'select', required: true, description: t('admin.councils.legalFormHint'), options: legalForms.map((form) => ({ value: form, label: t(`legalForm.${form}`) })) },
    { name: 'neighbourhoodId', label: t('field.neighbourhood'), kind: 'select', required: true, options: (neighbourhoods.data?.items ?? []).map((item) => ({ value: item.id, label: item.name })) },
    { name: 'contactEmail', label: t('council.field.contactEmail'), kind: 'email', autoComplete: 'off' },
    { name: 'contactPhone', label: t('council.field.contactPhone'), kind: 'tel', autoComplete: 'off' },
    { name: 'website', label: t('council.field.website'), kind: 'url', description: t('admin.councils.websiteHint') },
    { name: 'postalAddress', label: t('council.field.postalAddress'), kind: 'textarea' },
  ];
}

function valuesOf(item: Council | undefined): FormValues {
  return {
    name: text(item?.name),
    legalForm: text(item?.legalForm),
    neighbourhoodId: text(item?.neighbourhood.id),
    contactEmail: text(item?.contactEmail),
    contactPhone: text(item?.contactPhone),
    website: text(item?.website),
    postalAddress: text(item?.postalAddress),
  };
}

/** /beheer/wijkorganen: every council with its wijk and contact address. */
export function CouncilsPage() {
  const { t } = useI18n();
  const { municipality = '' } = useParams();
  const adminHref = useAdminHref();
  const fields = useCouncilFields(municipality);
  const editHref = (item: { id: string }) => adminHref(`wijkorganen/${item.id}`);
  return (
    <RegisterPage<CouncilRow>
      definition={{
        textKey: 'admin.councils',
        path: '/councils',
        isSearchable: true,
        editHref,
        nameOf: (item) => item.name,
        columns: [
          { label: t('field.name'), value: (item) => <AppLink to={editHref(item)}>{item.name}</AppLink> },
          { label: t('field.neighbourhood'), value: (item) => item.neighbourhood.name },
          { label: t('field.legalForm'), value: (item) => t(`legalForm.${item.legalForm}`) },
          { label: t('council.field.contactEmail'), value: (item) => text(item.contactEmail) },
        ],
        fields,
        valuesOf: () => valuesOf(undefined),
        nextAfterCreate: (item) => <AppLink to={editHref(item)}>{t('admin.councils.continueWith', { name: item.name })}</AppLink>,
        deleteConsequence: t('admin.councils.deleteConsequence'),
        inUseExplanation: t('admin.councils.inUse'),
      }}
    />
  );
}

/** Members are people with the role "council member" for this council: they are managed under Gebruikers. */
function CouncilMembers({ council }: { council: Council }) {
  const { t } = useI18n();
  const adminHref = useAdminHref();
  const members = council.members ?? [];
  return (
    <section aria-labelledby="members-heading">
      <Heading level={2} id="members-heading">
        {t('admin.councils.members')}
      </Heading>
      {members.length === 0 ? (
        <Paragraph>{t('admin.councils.noMembers')}</Paragraph>
      ) : (
        <Table className="admin-table">
          <TableCaption>{t('admin.councils.membersCaption', { name: council.name, count: members.length })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('field.displayName')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.councils.memberTitle')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.map((member) => (
              <TableRow key={member.userId}>
                <TableCell>{member.displayName}</TableCell>
                <TableCell>{member.title ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Paragraph>
        {t('admin.councils.membersHint')} <AppLink to={`${adminHref('gebruikers')}?rol=council_member`}>{t('admin.councils.manageMembers')}</AppLink>
      </Paragraph>
    </section>
  );
}

/** /beheer/wijkorganen/:councilId: one council's details, members and deleting it. */
export function CouncilPage() {
  const { t } = useI18n();
  const { municipality = '', councilId = '' } = useParams();
  const fields = useCouncilFields(municipality);
  return (
    <RecordPage<Council>
      id={councilId}
      definition={{
        textKey: 'admin.councils',
        section: 'wijkorganen',
        path: '/councils',
        fields,
        valuesOf,
        nameOf: (item) => item.name,
        deleteConsequence: t('admin.councils.deleteConsequence'),
        inUseExplanation: t('admin.councils.inUse'),
        renderMore: (item) => <CouncilMembers council={item} />,
      }}
    />
  );
}
