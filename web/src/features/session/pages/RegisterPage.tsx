import { Button, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Navigate, useParams, useSearchParams } from 'react-router';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import { loginPathFor, rememberReturnAfterRegistration, returnPathAfterLogin, useSession } from '../../../api/session.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { PasswordField } from '../../../components/PasswordField.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useNeighbourhoods } from '../../public/queries.ts';

/** A resident creates an account; the link in the e-mail confirms the address and logs them in. */
export function RegisterPage() {
  const { municipality = '' } = useParams();
  const { t, language } = useI18n();
  const [params] = useSearchParams();
  const session = useSession(municipality);
  const neighbourhoods = useNeighbourhoods(municipality);
  const options = useQuery({ queryKey: ['registration-options', municipality], queryFn: () => api<{ isOpen: boolean }>(tenantPath(municipality, '/registration-options')) });
  const [values, setValues] = useState({ email: '', displayName: '', password: '', homeNeighbourhoodId: '' });
  const set = (name: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [name]: value }));
  const register = useMutation({
    mutationFn: () =>
      api<{ email: string; expiresAt: string }>(tenantPath(municipality, '/registrations'), {
        method: 'POST',
        body: { email: values.email, displayName: values.displayName, password: values.password, locale: language, homeNeighbourhoodId: values.homeNeighbourhoodId || null },
      }),
    // The confirmation link may open in this browser later: it brings the person back where they were going.
    onSuccess: () => rememberReturnAfterRegistration(municipality, params.get('naar')),
  });
  const sentRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (register.isSuccess) sentRef.current?.focus();
  }, [register.isSuccess]);

  if (session.data) return <Navigate to={returnPathAfterLogin(municipality, params.get('naar'))} replace />;
  if (options.isPending) return <Loading />;
  if (options.data && !options.data.isOpen) {
    return (
      <>
        <PageTitle>{t('register.title')}</PageTitle>
        <Paragraph>{t('register.closed')}</Paragraph>
        <Paragraph>
          <AppLink to={loginPathFor(municipality, params.get('naar') ?? undefined)}>{t('register.toLogin')}</AppLink>
        </Paragraph>
      </>
    );
  }
  if (register.isSuccess) {
    const until = new Date(register.data.expiresAt).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
    return (
      <>
        <PageTitle>{t('register.sentTitle')}</PageTitle>
        <div ref={sentRef} tabIndex={-1} role="status" className="app-confirmation">
          <Paragraph>{t('register.sent', { email: register.data.email, until })}</Paragraph>
          <Paragraph>{t('register.sentNoMail')}</Paragraph>
        </div>
      </>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate();
  };
  const problem = register.error instanceof ApiProblem ? register.error : undefined;
  const fieldIds = { 'body.email': 'register-email', 'body.displayName': 'register-name', 'body.password': 'register-password', 'body.homeNeighbourhoodId': 'register-neighbourhood' };
  return (
    <>
      <PageTitle>{t('register.title')}</PageTitle>
      <Paragraph>{t('register.intro')}</Paragraph>
      <ProblemAlert error={register.error} fieldIds={fieldIds} />
      <form className="app-form" onSubmit={submit} noValidate>
        <TextField id="register-email" label={t('field.email')} description={t('register.emailDescription')} type="email" autoComplete="email" value={values.email} onChange={set('email')} required error={problem?.fieldError('body.email')} />
        <TextField id="register-name" label={t('register.name')} description={t('register.nameDescription')} autoComplete="name" value={values.displayName} onChange={set('displayName')} required error={problem?.fieldError('body.displayName')} />
        <PasswordField
          id="register-password"
          label={t('field.password')}
          description={t('changePassword.newDescription')}
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
          required
          error={problem?.fieldError('body.password')}
        />
        <SelectField
          id="register-neighbourhood"
          label={t('register.neighbourhood')}
          description={t('register.neighbourhoodDescription')}
          value={values.homeNeighbourhoodId}
          onChange={set('homeNeighbourhoodId')}
          options={[{ value: '', label: t('register.noNeighbourhood') }, ...(neighbourhoods.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))]}
          error={problem?.fieldError('body.homeNeighbourhoodId')}
        />
        <Paragraph>
          {t('register.privacy')} <AppLink to={`/${municipality}/privacy`}>{t('register.privacyLink')}</AppLink>
        </Paragraph>
        <div>
          <Button type="submit" appearance="primary-action-button" busy={register.isPending} disabled={register.isPending}>
            {t('register.submit')}
          </Button>
        </div>
      </form>
      <Paragraph>
        {t('register.haveAccount')} <AppLink to={loginPathFor(municipality, params.get('naar') ?? undefined)}>{t('register.toLogin')}</AppLink>
      </Paragraph>
    </>
  );
}
