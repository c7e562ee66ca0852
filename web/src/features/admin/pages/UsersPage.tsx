import { Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import type { User, UserList } from '../../../api/types.ts';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AppLink } from '../../../components/AppLink.tsx';
import { AdminPage, useAdminHref } from '../components/AdminPage.tsx';
import { FocusOnChange } from '../components/FocusOnChange.tsx';
import { EmailChangeForm } from '../components/EmailChangeForm.tsx';
import { ErrorSummary, type Outcome, OutcomeMessage } from '../components/Messages.tsx';
import { NewUserForm } from '../components/NewUserForm.tsx';
import { Pagination } from '../components/Pagination.tsx';
import { roles, useRoleScopes } from '../components/RoleGrantsEditor.tsx';
import { SecuritySettingsForm } from '../components/SecuritySettingsForm.tsx';
import { UserRolesEditor } from '../components/UserRolesEditor.tsx';

const pageSize = 25;

/** /beheer/gebruikers: accounts, searchable and filtered by role; add one, change its roles, (de)activate it. */
export function UsersPage() {
  const { municipality = '' } = useParams();
  const { t, language } = useI18n();
  const adminHref = useAdminHref();
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.get('zoek') ?? '';
  const role = searchParams.get('rol') ?? '';
  const page = Math.max(1, Number(searchParams.get('pagina')) || 1);
  const [draft, setDraft] = useState({ search, role });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [isAdding, setIsAdding] = useState(false);
  const [editingRolesOf, setEditingRolesOf] = useState<string | null>(null);
  const [editingEmailOf, setEditingEmailOf] = useState<string | null>(null);
  const [pageTurn, setPageTurn] = useState<object | null>(null);
  const scopes = useRoleScopes(municipality);
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (search) query.set('search', search);
  if (role) query.set('role', role);
  const key = ['admin', municipality, '/users'];
  const users = useQuery({ queryKey: [...key, 'list', page, search, role], queryFn: () => api<UserList>(tenantPath(municipality, `/users?${query}`)), placeholderData: keepPreviousData });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });

  const toggleActive = useMutation({
    mutationFn: (user: User) => api<User>(tenantPath(municipality, `/users/${user.id}`), { method: 'PATCH', body: { version: user.version, isActive: !user.isActive } }),
    onSuccess: (user) => {
      setOutcome({ text: t(user.isActive ? 'admin.users.activated' : 'admin.users.deactivated', { name: user.displayName }), keepsFocus: true });
      refresh();
    },
  });

  const sendLink = useMutation({
    mutationFn: (user: User) => api<{ expiresAt: string }>(tenantPath(municipality, `/users/${user.id}/password-link`), { method: 'POST', body: {} }),
    onSuccess: (sent, user) => {
      const until = new Date(sent.expiresAt).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' });
      setOutcome({ text: t('admin.users.linkSent', { name: user.displayName, email: user.email, until }), keepsFocus: true });
      refresh();
    },
  });
  const resetFactors = useMutation({
    mutationFn: (user: User) => api<{ removed: number }>(tenantPath(municipality, `/users/${user.id}/second-factors`), { method: 'DELETE' }),
    onSuccess: (reset, user) => setOutcome({ text: t(reset.removed === 0 ? 'admin.users.noFactors' : 'admin.users.factorsReset', { name: user.displayName, count: reset.removed }), keepsFocus: true }),
  });

  const filter = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (draft.search.trim()) next.zoek = draft.search.trim();
    if (draft.role) next.rol = draft.role;
    setSearchParams(next);
    setPageTurn({});
  };
  const clearFilters = () => {
    setDraft({ search: '', role: '' });
    setSearchParams({});
  };
  const turnPage = (next: number) => {
    setSearchParams((current) => {
      current.set('pagina', String(next));
      return current;
    });
    setPageTurn({});
  };
  const closeRoles = (user: User) => {
    setEditingRolesOf(null);
    requestAnimationFrame(() => document.getElementById(`roles-button-${user.id}`)?.focus());
  };
  const describeRoles = (user: User) => (user.roles.length === 0 ? t('admin.roles.none') : scopes.summarise(user.roles));
  const roleOptions = roles.map((value) => ({ value, label: t(`role.${value}`) }));

  return (
    <AdminPage title={t('admin.users.title')} intro={t('admin.users.intro')}>
      <OutcomeMessage outcome={outcome} />
      <ErrorSummary error={toggleActive.error ?? sendLink.error ?? resetFactors.error} />
      {isAdding ? (
        <FocusOnChange signal={isAdding}>
          <section aria-labelledby="new-user-heading" className="admin-panel">
            <Heading level={2} id="new-user-heading">
              {t('admin.users.new')}
            </Heading>
            <NewUserForm
              municipality={municipality}
              scopes={scopes}
              onCreated={(user) => {
                setIsAdding(false);
                setOutcome({ text: t('admin.users.invited', { name: user.displayName, email: user.email }) });
                refresh();
              }}
              onCancel={() => {
                setIsAdding(false);
                requestAnimationFrame(() => document.getElementById('new-user-button')?.focus());
              }}
            />
          </section>
        </FocusOnChange>
      ) : (
        <Paragraph>
          <Button
            id="new-user-button"
            appearance="primary-action-button"
            onClick={() => {
              setOutcome(null);
              setIsAdding(true);
            }}
          >
            {t('admin.users.new')}
          </Button>{' '}
          <AppLink to={adminHref('gebruikers/importeren')}>{t('admin.userImport.link')}</AppLink>
        </Paragraph>
      )}

      <search aria-label={t('admin.search.label')} className="admin-filters">
      <form onSubmit={filter}>
        <TextField id="user-search" label={t('admin.users.search')} value={draft.search} onChange={(value) => setDraft({ ...draft, search: value })} />
        <SelectField id="user-role" label={t('admin.users.roleFilter')} value={draft.role} onChange={(value) => setDraft({ ...draft, role: value })} options={[{ value: '', label: t('admin.users.allRoles') }, ...roleOptions]} />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button">
            {t('admin.search.submit')}
          </Button>
          {(search || role) && (
            <Button type="button" appearance="subtle-button" onClick={clearFilters}>
              {t('admin.search.clear')}
            </Button>
          )}
        </ButtonGroup>
      </form>
      </search>

      {users.isPending && <Loading />}
      <ProblemAlert error={users.error} />
      {users.data && (
        <FocusOnChange signal={pageTurn}>
          <Table className="admin-table">
            <TableCaption>{search || role ? t('admin.users.captionFiltered', { count: users.data.total }) : t('admin.caption', { name: t('admin.users.title'), count: users.data.total })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('field.displayName')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('field.email')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.users.roles')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {users.data.items.length === 0 && (
                <TableRow>
                  <TableCell colSpan={4}>{t('admin.noResults')}</TableCell>
                </TableRow>
              )}
              {users.data.items.map((user) =>
                editingEmailOf === user.id ? (
                  <TableRow key={user.id}>
                    <TableCell colSpan={4}>
                      <EmailChangeForm
                        municipality={municipality}
                        user={user}
                        onSaved={(saved) => {
                          setEditingEmailOf(null);
                          setOutcome({ text: t('admin.users.emailChanged', { name: saved.displayName, email: saved.email }) });
                          refresh();
                        }}
                        onCancel={() => {
                          setEditingEmailOf(null);
                          requestAnimationFrame(() => document.getElementById(`email-button-${user.id}`)?.focus());
                        }}
                      />
                    </TableCell>
                  </TableRow>
                ) : editingRolesOf === user.id ? (
                  <TableRow key={user.id}>
                    <TableCell colSpan={4}>
                      <UserRolesEditor
                        municipality={municipality}
                        user={user}
                        scopes={scopes}
                        onSaved={(saved) => {
                          setOutcome({ text: t('admin.users.rolesSaved', { name: saved.displayName }), keepsFocus: true });
                          refresh();
                        }}
                        onReload={refresh}
                        onClose={() => closeRoles(user)}
                      />
                    </TableCell>
                  </TableRow>
                ) : (
                  <TableRow key={user.id}>
                    <TableCell>
                      {user.displayName}
                      {!user.isActive && (
                        <>
                          {' '}
                          <span className="app-badge">{t('admin.users.inactive')}</span>
                        </>
                      )}
                      {user.isActive && !user.hasPassword && (
                        <>
                          {' '}
                          <span className="app-badge">{t('admin.users.invitedBadge')}</span>
                        </>
                      )}
                    </TableCell>
                    <TableCell>{user.email}</TableCell>
                    <TableCell>{describeRoles(user)}</TableCell>
                    <TableCell>
                      <ButtonGroup className="admin-row-actions admin-row-actions--wrap">
                        <Button
                          id={`roles-button-${user.id}`}
                          appearance="subtle-button"
                          onClick={() => {
                            setOutcome(null);
                            setEditingRolesOf(user.id);
                          }}
                          aria-label={t('admin.users.editRolesOf', { name: user.displayName })}
                        >
                          {t('admin.users.editRoles')}
                        </Button>
                        <Button
                          appearance="subtle-button"
                          hint={user.isActive ? 'danger' : undefined}
                          busy={toggleActive.isPending && toggleActive.variables?.id === user.id}
                          onClick={() => !toggleActive.isPending && toggleActive.mutate(user)}
                          aria-label={user.isActive ? t('admin.users.deactivate', { name: user.displayName }) : t('admin.users.activate', { name: user.displayName })}
                        >
                          {user.isActive ? t('admin.users.deactivateShort') : t('admin.users.activateShort')}
                        </Button>
                        <Button
                          id={`email-button-${user.id}`}
                          appearance="subtle-button"
                          onClick={() => {
                            setOutcome(null);
                            setEditingEmailOf(user.id);
                          }}
                          aria-label={t('admin.users.changeEmailOf', { name: user.displayName })}
                        >
                          {t('admin.users.changeEmail')}
                        </Button>
                        {user.isActive && (
                          <Button
                            appearance="subtle-button"
                            busy={sendLink.isPending && sendLink.variables?.id === user.id}
                            onClick={() => !sendLink.isPending && sendLink.mutate(user)}
                            aria-label={t('admin.users.sendLinkTo', { name: user.displayName })}
                          >
                            {t('admin.users.sendLink')}
                          </Button>
                        )}
                        <Button
                          appearance="subtle-button"
                          busy={resetFactors.isPending && resetFactors.variables?.id === user.id}
                          onClick={() => !resetFactors.isPending && resetFactors.mutate(user)}
                          aria-label={t('admin.users.resetFactorsOf', { name: user.displayName })}
                        >
                          {t('admin.users.resetFactors')}
                        </Button>
                      </ButtonGroup>
                    </TableCell>
                  </TableRow>
                ),
              )}
            </TableBody>
          </Table>
          <Pagination page={page} pageCount={users.data.pageCount} onChange={turnPage} />
        </FocusOnChange>
      )}
      <SecuritySettingsForm municipality={municipality} />
    </AdminPage>
  );
}
