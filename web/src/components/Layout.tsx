import { Button, PageContent, PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react/css-module';
import { Navigate, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { hasRole, loginPathFor, securityPath, useLogOut, useSession } from '../api/session.ts';
import { themeStyleOf, useAppearance } from '../features/appearance/appearance.ts';
import { ReauthenticationDialog } from '../features/session/components/ReauthenticationDialog.tsx';
import { type Language, useI18n } from '../i18n/i18n.tsx';
import { AppLink } from './AppLink.tsx';
import { ContactDetails } from './ContactDetails.tsx';

/** Header with navigation and language switch, one main landmark, footer: the frame of every municipality page. */
export function Layout() {
  const { municipality = '' } = useParams();
  const { t, language, setLanguage } = useI18n();
  const session = useSession(municipality);
  const logOut = useLogOut(municipality);
  const navigate = useNavigate();
  const location = useLocation();
  const user = session.data?.user;
  const appearance = useAppearance(municipality).data;
  const otherLanguage: Language = language === 'nl' ? 'en' : 'nl';
  // A session that still has to add its required second factor can do nothing else: every page leads there.
  if (session.data?.mustEnrolSecondFactor && location.pathname !== securityPath(municipality)) return <Navigate to={securityPath(municipality)} replace />;

  return (
    // The municipality's colours as design tokens on the page's root: every NL Design System component below takes them.
    <div className="app-page" style={themeStyleOf(appearance?.colours)}>
      <SkipLink href="#main">{t('layout.skipToContent')}</SkipLink>
      <PageHeader className="app-header">
        <div className="app-header__bar">
          <AppLink to={`/${municipality}`} className="app-brand">
            {/* The name follows the logo, so the logo itself says nothing more to a screen reader. */}
            {appearance?.logoUrl && <img src={appearance.logoUrl} alt="" className="app-brand__logo" />}
            <span className="app-brand__text">
              {appearance && <span className="app-brand__name">{appearance.displayName ?? t('layout.municipalityName', { municipality: appearance.municipalityName })}</span>}
              <span className="app-brand__product">{t('app.name')}</span>
            </span>
          </AppLink>
          <nav aria-label={t('layout.mainNavigation')} className="app-nav">
            <ul>
              <li>
                <AppLink to={`/${municipality}`}>{t('layout.neighbourhoods')}</AppLink>
              </li>
              <li>
                <AppLink to={`/${municipality}/vragen`}>{t('layout.requests')}</AppLink>
              </li>
              <li>
                <AppLink to={`/${municipality}/meldingen/nieuw`}>{t('reporting.navigation')}</AppLink>
              </li>
              {['advisor', 'officer', 'alderman', 'admin', 'council_member'].some((role) => hasRole(session.data, role)) && (
                <li>
                  <AppLink to={`/${municipality}/adviesaanvragen`}>{t('layout.adviceRequests')}</AppLink>
                </li>
              )}
              {['officer', 'advisor', 'alderman', 'admin'].some((role) => hasRole(session.data, role)) && (
                <li>
                  <AppLink to={`/${municipality}/meldingen`}>{t('layout.reports')}</AppLink>
                </li>
              )}
              <li>
                <AppLink to={`/${municipality}/overleggen`}>{t('layout.meetings')}</AppLink>
              </li>
              {['advisor', 'officer', 'alderman', 'admin', 'council_member', 'partner'].some((role) => hasRole(session.data, role)) && (
                <li>
                  <AppLink to={`/${municipality}/wijkactieplannen`}>{t('layout.actionPlans')}</AppLink>
                </li>
              )}
              <li>
                <AppLink to={`/${municipality}/reactiesnelheid`}>{t('layout.responsiveness')}</AppLink>
              </li>
              {['advisor', 'officer', 'alderman', 'admin', 'council_member'].some((role) => hasRole(session.data, role)) && (
                <li>
                  <AppLink to={`/${municipality}/beheer/overlegfrequentie`}>{t('layout.meetingFrequency')}</AppLink>
                </li>
              )}
              {user && (
                <li>
                  <AppLink to={`/${municipality}/mijn`}>{t('layout.myHome')}</AppLink>
                </li>
              )}
              {(hasRole(session.data, 'advisor') || hasRole(session.data, 'admin')) && (
                <li>
                  <AppLink to={`/${municipality}/beheer/overlegplanner`}>{t('layout.meetingPlanner')}</AppLink>
                </li>
              )}
              {hasRole(session.data, 'admin') && (
                <li>
                  <AppLink to={`/${municipality}/beheer`}>{t('layout.administration')}</AppLink>
                </li>
              )}
              {!user && (
                <li>
                  {/* Back to this page after logging in, unless this is the login page itself or the front page. */}
                  <AppLink to={location.pathname.startsWith(`/${municipality}/`) ? loginPathFor(municipality, `${location.pathname}${location.search}`) : loginPathFor(municipality)}>{t('layout.logIn')}</AppLink>
                </li>
              )}
            </ul>
          </nav>
          <div className="app-header__tools">
            {user && (
              <>
                <span className="app-user">{t('layout.loggedInAs', { name: user.displayName })}</span>
                <Button
                  appearance="subtle-button"
                  onClick={() => logOut.mutate(false, { onSettled: () => navigate(`/${municipality}`) })}
                >
                  {t('layout.logOut')}
                </Button>
              </>
            )}
            <Button appearance="subtle-button" lang={otherLanguage} onClick={() => setLanguage(otherLanguage)}>
              {t('layout.switchLanguage')}
            </Button>
          </div>
        </div>
      </PageHeader>
      <PageContent>
        <main id="main" tabIndex={-1} className="app-main">
          <Outlet />
        </main>
        {user && <ReauthenticationDialog municipality={municipality} />}
      </PageContent>
      <PageFooter className="app-footer">
        <div className="app-footer__content">
          <Paragraph>{t('layout.footer')}</Paragraph>
          {appearance && <ContactDetails appearance={appearance} />}
          <Paragraph>
            <AppLink to={`/${municipality}/privacy`}>{t('layout.privacy')}</AppLink>
          </Paragraph>
          <Paragraph>
            <AppLink to={`/${municipality}/overlegvormen`}>{t('layout.meetingKinds')}</AppLink>
          </Paragraph>
          <Paragraph>
            <AppLink to={`/${municipality}/toegankelijkheid`}>{t('layout.accessibility')}</AppLink>
          </Paragraph>
          <Paragraph>
            <a href="/api/v1/docs">{t('layout.apiDocs')}</a>
          </Paragraph>
        </div>
      </PageFooter>
    </div>
  );
}
