import { Button, FormField, FormLabel, Heading, Paragraph, Select, SelectOption, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { api, tenantPath } from '../../../api/client.ts';
import type { RoleGrant, User } from '../../../api/types.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

export const roles = ['resident', 'council_member', 'advisor', 'officer', 'alderman', 'partner', 'admin'] as const;

/**
 * The roles of one account: remove one, or add a role with what it applies to. Every change sends the
 * whole list with the version read, so two admins cannot silently undo each other.
 */
export function UserRolesEditor(props: { municipality: string; user: User; scopeOptions(role: string): { value: string; label: string }[]; describe(grant: RoleGrant): string; onClose(): void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [role, setRole] = useState('');
  const [scopeId, setScopeId] = useState('');
  const save = useMutation({
    mutationFn: (next: { role: string; scopeId: string | null; title?: string | null }[]) =>
      api<User>(tenantPath(props.municipality, `/users/${props.user.id}`), { method: 'PATCH', body: { version: props.user.version, roles: next } }),
    onSuccess: () => {
      setRole('');
      setScopeId('');
      queryClient.invalidateQueries({ queryKey: ['users', props.municipality] });
    },
  });
  const current = props.user.roles.map((grant) => ({ role: grant.role, scopeId: grant.scopeId, title: grant.title }));
  const options = role ? props.scopeOptions(role) : [];
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (role) save.mutate([...current, { role, scopeId: scopeId || null }]);
  };
  return (
    <section aria-labelledby={`roles-${props.user.id}`}>
      <Heading level={2} id={`roles-${props.user.id}`}>
        {t('admin.users.rolesOf', { name: props.user.displayName })}
      </Heading>
      <ProblemAlert error={save.error} />
      {current.length === 0 && <Paragraph>{t('admin.users.noRoles')}</Paragraph>}
      <UnorderedList>
        {props.user.roles.map((grant, index) => (
          <UnorderedListItem key={`${grant.role}-${grant.scopeId}`}>
            {props.describe(grant)}{' '}
            <Button appearance="subtle-button" onClick={() => save.mutate(current.filter((_, position) => position !== index))}>
              {t('admin.users.removeRole', { role: props.describe(grant) })}
            </Button>
          </UnorderedListItem>
        ))}
      </UnorderedList>
      <form className="app-form" onSubmit={add}>
        <FormField>
          <Paragraph>
            <FormLabel htmlFor={`add-role-${props.user.id}`}>{t('field.role')}</FormLabel>
          </Paragraph>
          <Select id={`add-role-${props.user.id}`} value={role} onChange={(event: ChangeEvent<HTMLSelectElement>) => { setRole(event.target.value); setScopeId(''); }}>
            <SelectOption value="">{t('common.choose')}</SelectOption>
            {roles.map((value) => (
              <SelectOption key={value} value={value}>
                {t(`role.${value}`)}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        {options.length > 0 && (
          <FormField>
            <Paragraph>
              <FormLabel htmlFor={`add-scope-${props.user.id}`}>{t('field.scope')}</FormLabel>
            </Paragraph>
            <Select id={`add-scope-${props.user.id}`} value={scopeId} onChange={(event: ChangeEvent<HTMLSelectElement>) => setScopeId(event.target.value)}>
              <SelectOption value="">{t('common.choose')}</SelectOption>
              {options.map((option) => (
                <SelectOption key={option.value} value={option.value}>
                  {option.label}
                </SelectOption>
              ))}
            </Select>
          </FormField>
        )}
        <div>
          <Button type="submit" appearance="primary-action-button" busy={save.isPending} disabled={!role}>
            {t('admin.users.addRole')}
          </Button>{' '}
          <Button type="button" appearance="secondary-action-button" onClick={props.onClose}>
            {t('admin.users.close')}
          </Button>
        </div>
      </form>
    </section>
  );
}
