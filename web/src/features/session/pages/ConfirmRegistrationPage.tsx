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
const sentTokens = new Set<string>();
const destinations = new Map<string, string>();

export function ConfirmRegistrationPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const { hash } = useLocation();
  const token = hash.replace(/^#/, '');
  const queryClient = useQueryClient();
  const [destination, setDestination] = useState(() => destinations.get(token));
  const confirm = useMutation({
    mutationFn: () => api<CurrentSession>(tenantPath(municipality, '/registrations/confirmation'), { method: 'POST', body: { token } }),
    onSuccess: async (session) => {
      // The page asked "who is this?" as it loaded, before the account existed. That answer (a visitor) may still be
      // on its way: cancel it, or it lands after this one and the new resident is sent to the login page.
      await queryClient.cancelQueries({ queryKey: sessionKey(municipality) });
      rememberCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKey(municipality), session);
      // Where the person was going when they registered: read once, since reading it also forgets it.
      const next = returnAfterRegistration(municipality);
      destinations.set(token, next);
      setDestination(next);
    },
  });
  const { mutate } = confirm;
  useEffect(() => {
    // The link works once: the page sends it once, even when it is rendered anew while the answer comes in.
    if (!token || sentTokens.has(token)) return;
    sentTokens.add(token);
    mutate();
  }, [token, mutate]);

  if (destination) return <Navigate to={destination} replace state={{ welcome: true }} />;
  if (!token) {
    return (
      <>
        <PageTitle>{t('confirmRegistration.title')}</PageTitle>
        <Paragraph>{t('confirmRegistration.noToken')}</Paragraph>
      </>
    );
  }
  if (confirm.isError && !destinations.has(token)) {
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
