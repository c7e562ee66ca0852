import { Paragraph } from '@utrecht/component-library-react/css-module';
import { Navigate, useLocation, useParams } from 'react-router';
import { securityPath, useSession } from '../../../api/session.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading, SuccessAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AdminHome } from '../components/AdminHome.tsx';
import { AldermanHome } from '../components/AldermanHome.tsx';
import { AdvisorHome } from '../components/AdvisorHome.tsx';
import { ChangePassword } from '../components/ChangePassword.tsx';
import { MySessions } from '../components/MySessions.tsx';
import { CouncilMemberHome } from '../components/CouncilMemberHome.tsx';
import { NotificationPreferences } from '../components/NotificationPreferences.tsx';
import { OfficerHome } from '../components/OfficerHome.tsx';
import { PartnerHome } from '../components/PartnerHome.tsx';
import { ResidentHome } from '../components/ResidentHome.tsx';
import { CalendarSubscription } from '../../meetings/components/CalendarSubscription.tsx';

/** One page, a section per role the user holds: a person can be both council member and resident. */
export function MyHomePage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const session = useSession(municipality);
  // Just confirmed their registration: the account is ready.
  const isWelcome = (useLocation().state as { welcome?: boolean } | null)?.welcome === true;
  if (session.isPending) return <Loading />;
  if (!session.data) return <Navigate to={`/${municipality}/inloggen`} replace />;
  const roles = new Set(session.data.user.roles.map((grant) => grant.role));
  const scopes = (role: string) => session.data!.user.roles.filter((grant) => grant.role === role).map((grant) => grant.scopeId).filter((id): id is string => Boolean(id));

  return (
    <>
      <PageTitle>{t('myHome.title', { name: session.data.user.displayName })}</PageTitle>
      {isWelcome && <SuccessAlert>{t('myHome.welcome')}</SuccessAlert>}
      {roles.size === 0 && <Paragraph>{t('myHome.noRoles')}</Paragraph>}
      {roles.has('admin') && <AdminHome municipality={municipality} />}
      {roles.has('advisor') && <AdvisorHome municipality={municipality} neighbourhoodIds={scopes('advisor')} />}
      {roles.has('council_member') && <CouncilMemberHome municipality={municipality} councilIds={scopes('council_member')} />}
      {roles.has('officer') && <OfficerHome municipality={municipality} departmentIds={scopes('officer')} />}
      {roles.has('alderman') && <AldermanHome municipality={municipality} portfolioIds={scopes('alderman')} />}
      {roles.has('partner') && <PartnerHome municipality={municipality} partnerIds={scopes('partner')} />}
      {roles.has('resident') && <ResidentHome municipality={municipality} />}
      <NotificationPreferences municipality={municipality} />
      {(['council_member', 'advisor', 'officer', 'alderman', 'partner', 'admin'] as const).some((role) => roles.has(role)) && <CalendarSubscription municipality={municipality} />}
      <Paragraph>
        <AppLink to={securityPath(municipality)}>{t('security.homeLink')}</AppLink>
      </Paragraph>
      <ChangePassword municipality={municipality} />
      <MySessions municipality={municipality} />
    </>
  );
}
