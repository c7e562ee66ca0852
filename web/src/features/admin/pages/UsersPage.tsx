import { Button, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import type { Page, User, UserList } from '../../../api/types.ts';
import { Loading, ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AdminOnly } from '../components/AdminOnly.tsx';
import { type FormValues, RecordForm } from '../components/RecordForm.tsx';
import { roles, UserRolesEditor } from '../components/UserRolesEditor.tsx';

/** Where the scope of each role comes from; municipality-wide roles have none. */
const scopeSource: Record<string, string | undefined> = { council_member: '/councils', advisor: '/neighbourhoods', officer: '/departments', alderman: '/portfolios', partner: '/partner-organisations' };

function useScopeNames(municipality: string) {
  const sources = Object.values(scopeSource) as string[];
  const lists = useQuery({
    queryKey: ['scope-names', municipality],
    queryFn: async () => {
      const pages = await Promise.all(sources.map((path) => api<Page<{ id: string; name: string }>>(tenantPath(municipality, `${path}?pageSize=100`))));
      return Object.fromEntries(sources.map((path, index) => [path, pages[index].items.map((item) => ({ value: item.id, label: item.name }))]));
    },
  });
  return lists.data ?? {};
}

export function UsersPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [isAdding, setIsAdding] = useState(false);
  const [editingRolesOf, setEditingRolesOf] = useState<string | null>(null);
  const scopes = useScopeNames(municipality);
  const key = ['users', municipality, search];
  const users = useQuery({ queryKey: key, queryFn: () => api<UserList>(tenantPath(municipality, `/users?pageSize=100${search ? `&search=${encodeURIComponent(search)}` : ''}`)) });
  const scopeOptionsFor = (forRole: string) => (scopeSource[forRole] ? (scopes[scopeSource[forRole] as string] ?? []) : []);
  const describeGrant = (grant: User['roles'][number]) => [t(`role.${grant.role}`), scopeName(grant)].filter(Boolean).join(': ');
  const scopeName = (grant: User['roles'][number]) => {
    const source = scopeSource[grant.role];
    return source ? (scopes[source]?.find((option) => option.value === grant.scopeId)?.label ?? '') : '';
  };

  /** "Adviseur wijkgericht werken: Helmond-Noord, Stiphout" — one line per role, its scopes after it. */
  const describeRoles = (user: User) => {
    const byRole = new Map<string, string[]>();
    for (const grant of user.roles) byRole.set(grant.role, [...(byRole.get(grant.role) ?? []), scopeName(grant)].filter(Boolean));
    return [...byRole.entries()].map(([role, names]) => (names.length > 0 ? `${t(`role.${role}`)}: ${names.join(', ')}` : t(`role.${role}`))).join('; ');
  };

  const create = useMutation({
    mutationFn: (values: FormValues) =>
      api<User>(tenantPath(municipality, '/users'), {
        method: 'POST',
        body: {
          email: values.email,
          displayName: values.displayName,
          password: values.password || undefined,
          roles: values.role ? [{ role: values.role, scopeId: values.scopeId || undefined }] : [],
        },
      }),
    onSuccess: (user) => {
      setMessage(t('admin.saved', { name: user.displayName }));
      setIsAdding(false);
      queryClient.invalidateQueries({ queryKey: ['users', municipality] });
    },
  });
  const toggleActive = useMutation({
    mutationFn: (user: User) => api<User>(tenantPath(municipality, `/users/${user.id}`), { method: 'PATCH', body: { version: user.version, isActive: !user.isActive } }),
    onSuccess: (user) => {
      setMessage(t(user.isActive ? 'admin.users.activated' : 'admin.users.deactivated', { name: user.displayName }));
      queryClient.invalidateQueries({ queryKey: ['users', municipality] });
    },
  });
  const scopeOptions = role ? scopeOptionsFor(role) : [];

  return (
    <AdminOnly>
      <PageTitle>{t('admin.users.title')}</PageTitle>
      <Paragraph>{t('admin.users.intro')}</Paragraph>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      <ProblemAlert error={toggleActive.error} />
      {isAdding ? (
        <section aria-labelledby="new-user-heading">
          <Heading level={2} id="new-user-heading">
            {t('admin.users.new')}
          </Heading>
          <RecordForm
            key={role}
            idPrefix="new-user"
            fields={[
              { name: 'displayName', label: t('field.displayName'), kind: 'text', required: true },
              { name: 'email', label: t('field.email'), kind: 'email', required: true },
              { name: 'password', label: t('field.password'), kind: 'text', description: t('field.passwordRules') },
              { name: 'role', label: t('field.role'), kind: 'select', options: roles.map((value) => ({ value, label: t(`role.${value}`) })) },
              ...(scopeOptions.length > 0 ? [{ name: 'scopeId', label: t('field.scope'), kind: 'select' as const, required: true, options: scopeOptions }] : []),
            ]}
            initial={{ displayName: '', email: '', password: '', role, scopeId: '' }}
            submitLabel={t('common.add')}
            busy={create.isPending}
            error={create.error}
            onSubmit={(values) => (values.role !== role ? setRole(String(values.role)) : create.mutate(values))}
            onCancel={() => setIsAdding(false)}
          />
          <Paragraph>{t('admin.users.roleHint')}</Paragraph>
        </section>
      ) : (
        <Button appearance="primary-action-button" onClick={() => setIsAdding(true)}>
          {t('admin.users.new')}
        </Button>
      )}
      <TextField id="user-search" label={t('admin.users.search')} value={search} onChange={setSearch} />
      {users.isPending && <Loading />}
      <ProblemAlert error={users.error} />
      {users.data && (
        <Table>
          <TableCaption>{t('admin.count', { count: users.data.total })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('field.displayName')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('field.email')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('field.role')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {users.data.items.map((user) =>
              editingRolesOf === user.id ? (
                <TableRow key={user.id}>
                  <TableCell colSpan={4}>
                    <UserRolesEditor municipality={municipality} user={user} scopeOptions={scopeOptionsFor} describe={describeGrant} onClose={() => setEditingRolesOf(null)} />
                  </TableCell>
                </TableRow>
              ) : (
                <TableRow key={user.id}>
                  <TableCell>
                    {user.displayName}
                    {!user.isActive && ` (${t('admin.users.inactive')})`}
                  </TableCell>
                  <TableCell>{user.email}</TableCell>
                  <TableCell>{describeRoles(user)}</TableCell>
                  <TableCell>
                    <Button appearance="subtle-button" onClick={() => setEditingRolesOf(user.id)} aria-label={t('admin.users.editRolesOf', { name: user.displayName })}>
                      {t('admin.users.editRoles')}
                    </Button>{' '}
                    <Button
                      appearance="subtle-button"
                      onClick={() => toggleActive.mutate(user)}
                      aria-label={user.isActive ? t('admin.users.deactivate', { name: user.displayName }) : t('admin.users.activate', { name: user.displayName })}
                    >
                      {user.isActive ? t('admin.users.deactivateShort') : t('admin.users.activateShort')}
                    </Button>
                  </TableCell>
                </TableRow>
              ),
            )}
          </TableBody>
        </Table>
      )}
    </AdminOnly>
  );
}
