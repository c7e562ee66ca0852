import { Alert, Paragraph } from '@utrecht/component-library-react/css-module';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useParams } from 'react-router';
import { loginPathFor, securityPath, useSession } from '../../../api/session.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ChangePassword } from '../../home/components/ChangePassword.tsx';
import { MySessions } from '../../home/components/MySessions.tsx';
import { MyData } from '../../privacy/components/MyData.tsx';
import { SecondFactors } from '../components/SecondFactors.tsx';

/** Logging in and security: second factors, the password and the sessions of the logged-in person. */
export function SecurityPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const session = useSession(municipality);
  const queryClient = useQueryClient();
  if (session.isPending) return <Loading />;
  if (!session.data) return <Navigate to={loginPathFor(municipality, securityPath(municipality))} replace />;
  const mustEnrol = session.data.mustEnrolSecondFactor;
  return (
    <>
      <PageTitle>{t('security.title')}</PageTitle>
      {mustEnrol ? (
        <Alert type="warning">
          <Paragraph>{t('security.mustEnrol')}</Paragraph>
        </Alert>
      ) : (
        <Paragraph>
          <AppLink to={`/${municipality}/mijn`}>{t('security.backHome')}</AppLink>
        </Paragraph>
      )}
      <SecondFactors municipality={municipality} onAdded={() => queryClient.invalidateQueries({ queryKey: ['session', municipality] })} />
      {!mustEnrol && (
        <>
          <ChangePassword municipality={municipality} />
          <MySessions municipality={municipality} />
          <MyData municipality={municipality} />
        </>
      )}
    </>
  );
}
