import { Alert, Paragraph } from '@utrecht/component-library-react/css-module';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useParams } from 'react-router';
import { hasRole, loginPathFor, useSession } from '../../../api/session.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

/**
 * The administration is for admins; others get a clear answer (the API refuses them too). The check runs
 * before any admin page renders, so a non-admin's browser never asks the admin endpoints for data.
 */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { municipality = '' } = useParams();
  const location = useLocation();
  const { t } = useI18n();
  const session = useSession(municipality);
  if (session.isPending) return <Loading />;
  if (!session.data) return <Navigate to={loginPathFor(municipality, `${location.pathname}${location.search}`)} replace />;
  if (!hasRole(session.data, 'admin')) {
    return (
      <>
        <PageTitle>{t('admin.noAccess.title')}</PageTitle>
        <Alert type="warning" role="alert">
          <Paragraph>{t('admin.noAccess')}</Paragraph>
        </Alert>
        <Paragraph>
          <AppLink to={`/${municipality}/mijn`}>{t('admin.noAccess.home')}</AppLink>
        </Paragraph>
      </>
    );
  }
  return <>{children}</>;
}
