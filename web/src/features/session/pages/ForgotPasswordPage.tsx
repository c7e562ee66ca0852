import { Button, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

/** "Wachtwoord vergeten": a link to choose a new one goes to the address, if it has an account. */
export function ForgotPasswordPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const reset = useMutation({ mutationFn: () => api<{ email: string; validMinutes: number }>(tenantPath(municipality, '/password-resets'), { method: 'POST', body: { email } }) });
  const sentRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (reset.isSuccess) sentRef.current?.focus();
  }, [reset.isSuccess]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate();
  };
  const problem = reset.error instanceof ApiProblem ? reset.error : undefined;

  if (reset.isSuccess) {
    return (
      <>
        <PageTitle>{t('forgotPassword.sentTitle')}</PageTitle>
        {/* The same words whether or not the address has an account: the page must not tell. */}
        <div ref={sentRef} tabIndex={-1} role="status" className="app-confirmation">
          <Paragraph>{t('forgotPassword.sent', { email: reset.data.email, minutes: reset.data.validMinutes })}</Paragraph>
        </div>
        <Paragraph>
          <AppLink to={`/${municipality}/inloggen`}>{t('setPassword.toLogin')}</AppLink>
        </Paragraph>
      </>
    );
  }
  return (
    <>
      <PageTitle>{t('forgotPassword.title')}</PageTitle>
      <Paragraph>{t('forgotPassword.intro')}</Paragraph>
      <ProblemAlert error={reset.error} fieldIds={{ 'body.email': 'forgot-email' }} />
      <form className="app-form" onSubmit={submit} noValidate>
        <TextField id="forgot-email" label={t('field.email')} type="email" autoComplete="username" value={email} onChange={setEmail} required error={problem?.fieldError('body.email')} />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={reset.isPending} disabled={reset.isPending}>
            {t('forgotPassword.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
