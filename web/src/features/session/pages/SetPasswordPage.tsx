import { Button, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import type { PasswordLink } from '../../../api/types.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading, ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { PasswordField } from '../../../components/PasswordField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

/**
 * Where the link from an invitation or reset e-mail leads. The token is in the fragment (#…), which the browser
 * never sends to a server, and goes to the API in a request body only.
 */
export function SetPasswordPage() {
  const { municipality = '' } = useParams();
  const { t, language } = useI18n();
  const { hash } = useLocation();
  const token = hash.replace(/^#/, '');
  const [password, setPassword] = useState('');
  const link = useQuery({
    queryKey: ['password-link', municipality, token],
    queryFn: () => api<PasswordLink>(tenantPath(municipality, '/password-links/inspection'), { method: 'POST', body: { token } }),
    enabled: token.length > 0,
    retry: false,
  });
  const redeem = useMutation({ mutationFn: () => api<{ email: string }>(tenantPath(municipality, '/password-links/redemption'), { method: 'POST', body: { token, newPassword: password } }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    redeem.mutate();
  };
  const problem = redeem.error instanceof ApiProblem ? redeem.error : undefined;

  if (redeem.isSuccess) {
    return (
      <>
        <PageTitle>{t('setPassword.doneTitle')}</PageTitle>
        <SuccessAlert>{t('setPassword.done', { email: redeem.data.email })}</SuccessAlert>
        <Paragraph>
          <AppLink to={`/${municipality}/inloggen`}>{t('setPassword.toLogin')}</AppLink>
        </Paragraph>
      </>
    );
  }
  if (!token) {
    return (
      <>
        <PageTitle>{t('setPassword.title')}</PageTitle>
        <Paragraph>{t('setPassword.noToken')}</Paragraph>
      </>
    );
  }
  if (link.isPending) return <Loading />;
  if (!link.data) {
    return (
      <>
        <PageTitle>{t('setPassword.title')}</PageTitle>
        <ProblemAlert error={link.error} />
      </>
    );
  }
  const until = new Date(link.data.expiresAt).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' });
  return (
    <>
      <PageTitle>{t(link.data.purpose === 'invitation' ? 'setPassword.welcomeTitle' : 'setPassword.title')}</PageTitle>
      <Paragraph>{t('setPassword.intro', { name: link.data.displayName, email: link.data.email, until })}</Paragraph>
      <ProblemAlert error={redeem.error} fieldIds={{ 'body.newPassword': 'set-password-new' }} />
      <form className="app-form" onSubmit={submit} noValidate>
        {/* The e-mail address as the user name, so a password manager stores the new password with it. */}
        <input type="email" name="username" autoComplete="username" value={link.data.email} readOnly hidden />
        <PasswordField
          id="set-password-new"
          label={t('changePassword.new')}
          description={t('changePassword.newDescription')}
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          required
          error={problem?.fieldError('body.newPassword')}
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={redeem.isPending} disabled={redeem.isPending}>
            {t('setPassword.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
