import { Button, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import { ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { PasswordField } from '../../../components/PasswordField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

/** The logged-in person sets a new password; the server ends their sessions on other devices. */
export function ChangePassword({ municipality }: { municipality: string }) {
  const { t } = useI18n();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const change = useMutation({
    mutationFn: () => api<{ revokedSessions: number }>(tenantPath(municipality, '/sessions/current/password'), { method: 'PUT', body: { currentPassword, newPassword } }),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  const problem = change.error instanceof ApiProblem ? change.error : undefined;
  return (
    <section aria-labelledby="change-password-heading">
      <Heading level={2} id="change-password-heading">
        {t('changePassword.title')}
      </Heading>
      <Paragraph>{t('changePassword.intro')}</Paragraph>
      {change.isSuccess && <SuccessAlert>{t('changePassword.saved')}</SuccessAlert>}
      <ProblemAlert error={change.error} fieldIds={{ 'body.currentPassword': 'change-password-current', 'body.newPassword': 'change-password-new' }} />
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <PasswordField
          id="change-password-current"
          label={t('changePassword.current')}
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrentPassword}
          required
          error={problem?.fieldError('body.currentPassword')}
        />
        <PasswordField
          id="change-password-new"
          label={t('changePassword.new')}
          description={t('changePassword.newDescription')}
          autoComplete="new-password"
          value={newPassword}
          onChange={setNewPassword}
          required
          error={problem?.fieldError('body.newPassword')}
        />
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={change.isPending} disabled={change.isPending}>
            {t('changePassword.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
