import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, tenantPath } from '../../../api/client.ts';
import type { User } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { RoleAssignment } from '../admin-types.ts';
import { fieldErrorOf, type FieldDefinition, type FormValues, RecordForm } from './RecordForm.tsx';
import { RoleGrantsEditor, type RoleScopes } from './RoleGrantsEditor.tsx';

/** A new account: who it is and the roles it starts with. The person chooses a password with the link e-mailed to them. */
export function NewUserForm(props: { municipality: string; scopes: RoleScopes; onCreated(user: User): void; onCancel(): void }) {
  const { t } = useI18n();
  const [grants, setGrants] = useState<RoleAssignment[]>([]);
  const fields: FieldDefinition[] = [
    { name: 'displayName', label: t('field.displayName'), kind: 'text', required: true, autoComplete: 'off' },
    { name: 'email', label: t('field.email'), kind: 'email', required: true, autoComplete: 'off', description: t('admin.users.invitationNote') },
    { name: 'locale', label: t('admin.users.locale'), kind: 'select', required: true, options: [{ value: 'nl', label: t('admin.users.locale.nl') }, { value: 'en', label: t('admin.users.locale.en') }] },
  ];
  const create = useMutation({
    mutationFn: (values: FormValues) =>
      api<User>(tenantPath(props.municipality, '/users'), {
        method: 'POST',
        body: { email: values.email || undefined, displayName: values.displayName || undefined, locale: values.locale || undefined, roles: grants },
      }),
    onSuccess: props.onCreated,
  });
  return (
    <RecordForm
      idPrefix="new-user"
      fields={fields}
      initial={{ displayName: '', email: '', locale: 'nl' }}
      submitLabel={t('common.add')}
      busy={create.isPending}
      error={create.error}
      onSubmit={(values) => create.mutate(values)}
      onCancel={props.onCancel}
      childFieldIds={[['body.roles', 'new-user-roles-role']]}
    >
      <RoleGrantsEditor idPrefix="new-user-roles" legend={t('admin.users.roles')} grants={grants} scopes={props.scopes} onChange={setGrants} error={fieldErrorOf(create.error, 'body.roles')} />
    </RecordForm>
  );
}
