import { Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Navigate, useLocation, useParams } from 'react-router';
import { api, rememberCsrfToken, tenantPath } from '../../../api/client.ts';
import { returnAfterRegistration, sessionKey } from '../../../api/session.ts';
import type { CurrentSession } from '../../../api/types.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

/**
 * Where the link from the registration e-mail leads. The token is in the fragment (#…), which the browser never
 * sends to a server; it goes to the API in a request body. Using it makes the account and logs the person in.
 */
export function ConfirmRegistrationPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const { hash } = useLocation();
  const token = hash.replace(/^#/, '');
  const queryClient = useQueryClient();
  // Where the person was going when they registered: read once, since reading it also forgets it.
  const [destination, setDestination] = useState<string | null>(null);
  const confirm = useMutation({
    mutationFn: () => api<CurrentSession>(tenantPath(municipality, '/registrations/confirmation'), { method: 'POST', body: { token } }),
    onSuccess: (session) => {
      rememberCsrfToken(session.csrfToken);
      setDestination(returnAfterRegistration(municipality));
      queryClient.setQueryData(sessionKey(municipality), session);
    },
  });
  const { mutate } = confirm;
  useEffect(() => {
    if (token) mutate();
  }, [token, mutate]);

  if (confirm.isSuccess && destination) return <Navigate to={destination} replace state={{ welcome: true }} />;
  if (!token) {
    return (
      <>
        <PageTitle>{t('confirmRegistration.title')}</PageTitle>
        <Paragraph>{t('confirmRegistration.noToken')}</Paragraph>
      </>
    );
  }
  if (confirm.isError) {
    return (
      <>
        <PageTitle>{t('confirmRegistration.title')}</PageTitle>
        <ProblemAlert error={confirm.error} />
        <Paragraph>
          <AppLink to={`/${municipality}/registreren`}>{t('confirmRegistration.again')}</AppLink>
        </Paragraph>
      </>
    );
  }
  return <Loading />;
}
