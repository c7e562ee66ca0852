import { Button, Paragraph } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiProblem } from '../../../api/client.ts';
import { returnPathAfterLogin, useLogIn, useSession } from '../../../api/session.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { PasswordField } from '../../../components/PasswordField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

export function LoginPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = returnPathAfterLogin(municipality, params.get('naar'));
  const session = useSession(municipality);
  const logIn = useLogIn(municipality);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  if (session.data) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    logIn.mutate({ email, password }, { onSuccess: () => navigate(next) });
  };
  const problem = logIn.error instanceof ApiProblem ? logIn.error : undefined;

  return (
    <>
      <PageTitle>{t('login.title')}</PageTitle>
      <Paragraph>{t('login.intro')}</Paragraph>
      <ProblemAlert error={logIn.error} fieldIds={{ 'body.email': 'login-email', 'body.password': 'login-password' }} />
      <form className="app-form" onSubmit={submit} noValidate>
        <TextField id="login-email" label={t('login.email')} type="email" autoComplete="username" value={email} onChange={setEmail} required error={problem?.fieldError('body.email')} />
        <PasswordField
          id="login-password"
          label={t('login.password')}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          required
          error={problem?.fieldError('body.password')}
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={logIn.isPending} disabled={logIn.isPending}>
            {t('login.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
