import { Button, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, tenantPath } from '../../../api/client.ts';
import type { User } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { RoleAssignment } from '../admin-types.ts';
import { FocusOnChange } from './FocusOnChange.tsx';
import { ErrorSummary } from './Messages.tsx';
import { fieldErrorOf, fieldIdsFor } from './RecordForm.tsx';
import { RoleGrantsEditor, type RoleScopes } from './RoleGrantsEditor.tsx';

/**
 * The roles of an existing account, saved at once on every add or remove. Each change sends the whole list
 * with the version read, so two admins cannot silently undo each other.
 */
export function UserRolesEditor(props: { municipality: string; user: User; scopes: RoleScopes; onSaved(user: User): void; onReload(): void; onClose(): void }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState<User | null>(null);
  // The answer to the last save is newer than the list until the list is fetched again.
  const user = saved && saved.version >= props.user.version ? saved : props.user;
  const save = useMutation({
    mutationFn: (next: RoleAssignment[]) => api<User>(tenantPath(props.municipality, `/users/${user.id}`), { method: 'PATCH', body: { version: user.version, roles: next } }),
    onSuccess: (result) => {
      setSaved(result);
      props.onSaved(result);
    },
  });
  const grants: RoleAssignment[] = user.roles.map((grant) => ({ role: grant.role, scopeId: grant.scopeId, title: grant.title ?? null }));
  return (
    <FocusOnChange signal={props.user.id}>
      <section aria-labelledby={`roles-heading-${props.user.id}`} className="admin-panel">
        <Heading level={2} id={`roles-heading-${props.user.id}`}>
          {t('admin.users.rolesOf', { name: user.displayName })}
        </Heading>
        <ErrorSummary
          error={save.error}
          fieldIds={fieldIdsFor(save.error, [['body.roles', `roles-${props.user.id}-role`]])}
          onReload={() => {
            save.reset();
            setSaved(null);
            props.onReload();
          }}
        />
        <RoleGrantsEditor
          idPrefix={`roles-${props.user.id}`}
          legend={t('admin.users.roles')}
          grants={grants}
          scopes={props.scopes}
          busy={save.isPending}
          error={fieldErrorOf(save.error, 'body.roles')}
          onChange={(next) => save.mutateAsync(next)}
        />
        <Paragraph>
          <Button appearance="secondary-action-button" onClick={props.onClose}>
            {t('admin.users.close')}
          </Button>
        </Paragraph>
      </section>
    </FocusOnChange>
  );
}
