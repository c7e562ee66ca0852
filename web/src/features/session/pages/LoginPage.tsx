import { Alert, Button, ButtonLink, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useQuery } from '@tanstack/react-query';
import type { MouseEvent } from 'react';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import { isChallenge, registerPathFor, returnPathAfterLogin, securityPath, useCompleteLogIn, useLogIn, useSession } from '../../../api/session.ts';
import type { CurrentSession, SecondFactorChallenge } from '../../../api/types.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { PasswordField } from '../../../components/PasswordField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type Proof, SecondFactorProof } from '../components/SecondFactorProof.tsx';

export function LoginPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = returnPathAfterLogin(municipality, params.get('naar'));
  const session = useSession(municipality);
  const logIn = useLogIn(municipality);
  const completeLogIn = useCompleteLogIn(municipality);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [challenge, setChallenge] = useState<SecondFactorChallenge | undefined>();
  const registration = useQuery({ queryKey: ['registration-options', municipality], queryFn: () => api<{ isOpen: boolean }>(tenantPath(municipality, '/registration-options')) });
  const signOn = useQuery({ queryKey: ['sign-on-options', municipality], queryFn: () => api<{ isEnabled: boolean; label: string | null }>(tenantPath(municipality, '/single-sign-on/options')) });
  // Back from the municipality's identity provider without a session: why, in words.
  const signOnFailure = params.get('sso');
  const signOnFailureKey = signOnFailure && ['expired', 'failed', 'noAccount', 'noEmail', 'unavailable'].includes(signOnFailure) ? `login.sso.${signOnFailure}` : undefined;
  // A link styled as a button, followed inside the app.
  const follow = (path: string) => (event: MouseEvent) => {
    event.preventDefault();
    navigate(path);
  };

  // Someone whose role needs a second factor they do not have yet goes to add one first.
  const destination = (answer: CurrentSession) => (answer.mustEnrolSecondFactor ? securityPath(municipality) : next);
  if (session.data) return <Navigate to={destination(session.data)} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    logIn.mutate(
      { email, password },
      {
        onSuccess: (answer) => {
          if (isChallenge(answer)) {
            setPassword('');
            setChallenge(answer);
          } else navigate(destination(answer));
        },
      },
    );
  };
  const complete = (proof: Proof) => {
    if (!challenge) return;
    completeLogIn.mutate(
      { challengeToken: challenge.challengeToken, ...proof },
      {
        onSuccess: (answer) => navigate(destination(answer)),
        onError: (error) => {
          // Too slow or too many tries: back to the password.
          if (error instanceof ApiProblem && error.code === 'LOGIN_STEP_EXPIRED') setChallenge(undefined);
        },
      },
    );
  };
  const problem = logIn.error instanceof ApiProblem ? logIn.error : undefined;

  if (challenge) {
    return (
      <>
        <PageTitle>{t('login.secondStepTitle')}</PageTitle>
        <Paragraph>{t(challenge.methods.includes('totp') ? 'login.secondStepIntroCode' : 'login.secondStepIntroPasskey')}</Paragraph>
        <SecondFactorProof
          idPrefix="login"
          methods={challenge.methods}
          passkeyOptions={challenge.passkeyOptions}
          busy={completeLogIn.isPending}
          error={completeLogIn.error}
          submitLabel={t('login.submit')}
          onProof={complete}
        />
      </>
    );
  }

  return (
    <>
      <PageTitle>{t('login.title')}</PageTitle>
      {signOnFailureKey && (
        <Alert type="warning" role="alert">
          <Paragraph>{t(signOnFailureKey)}</Paragraph>
        </Alert>
      )}
      {signOn.data?.isEnabled && signOn.data.label && (
        <section className="app-login-sso" aria-labelledby="login-sso-heading">
          <Heading level={2} id="login-sso-heading">
            {t('login.ssoTitle')}
          </Heading>
          <Paragraph>{t('login.ssoIntro')}</Paragraph>
          {/* A whole-page visit: the server sends the browser on to the identity provider. */}
          <ButtonLink href={`/api/v1${tenantPath(municipality, `/single-sign-on/start?naar=${encodeURIComponent(next)}`)}`} appearance="primary-action-button">
            {t('login.ssoButton', { label: signOn.data.label })}
          </ButtonLink>
        </section>
      )}
      <Paragraph>{t('login.intro')}</Paragraph>
      <ProblemAlert error={logIn.error ?? completeLogIn.error} fieldIds={{ 'body.email': 'login-email', 'body.password': 'login-password' }} />
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
        <Paragraph>
          <AppLink to={`/${municipality}/wachtwoord-vergeten`}>{t('login.forgotten')}</AppLink>
        </Paragraph>
      </form>
      {/* Other ways in (DigiD or eHerkenning through a broker) will be listed here as buttons of their own. */}
      {registration.data?.isOpen && (
        <section className="app-login-alternatives" aria-labelledby="login-new-heading">
          <Heading level={2} id="login-new-heading">
            {t('login.newTitle')}
          </Heading>
          <Paragraph>{t('login.newIntro')}</Paragraph>
          <ButtonLink href={registerPathFor(municipality, params.get('naar'))} appearance="secondary-action-button" onClick={follow(registerPathFor(municipality, params.get('naar')))}>
            {t('login.register')}
          </ButtonLink>
        </section>
      )}
    </>
  );
}
