import { Button, ButtonGroup } from '@utrecht/component-library-react/css-module';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import type { User } from '../../../api/types.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

/** A new e-mail address for an account; the old and the new address both hear of it from the server. */
export function EmailChangeForm(props: { municipality: string; user: User; onSaved(user: User): void; onCancel(): void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState(props.user.email);
  const id = `email-${props.user.id}`;
  const save = useMutation({
    mutationFn: () => api<User>(tenantPath(props.municipality, `/users/${props.user.id}`), { method: 'PATCH', body: { version: props.user.version, email } }),
    onSuccess: props.onSaved,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const problem = save.error instanceof ApiProblem ? save.error : undefined;
  return (
    <form className="app-form" onSubmit={submit} noValidate aria-label={t('admin.users.changeEmailOf', { name: props.user.displayName })}>
      <ProblemAlert error={save.error} fieldIds={{ 'body.email': id }} />
      <TextField id={id} label={t('admin.users.newEmail', { name: props.user.displayName })} description={t('admin.users.newEmailNote')} type="email" autoComplete="off" value={email} onChange={setEmail} required error={problem?.fieldError('body.email')} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={save.isPending} disabled={save.isPending}>
          {t('admin.users.saveEmail')}
        </Button>
        <Button type="button" appearance="subtle-button" onClick={props.onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
