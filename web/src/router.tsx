import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { AccessibilityStatementPage } from './features/accessibility/pages/AccessibilityStatementPage.tsx';
import { adminRoutes } from './features/admin/routes.tsx';
import { AdviceRequestListPage } from './features/advice-requests/pages/AdviceRequestListPage.tsx';
import { AdviceRequestPage } from './features/advice-requests/pages/AdviceRequestPage.tsx';
import { NewAdviceRequestPage } from './features/advice-requests/pages/NewAdviceRequestPage.tsx';
import { MyHomePage } from './features/home/pages/MyHomePage.tsx';
import { MunicipalityChooserPage } from './features/public/pages/MunicipalityChooserPage.tsx';
import { MunicipalityHomePage } from './features/public/pages/MunicipalityHomePage.tsx';
import { NeighbourhoodPage } from './features/public/pages/NeighbourhoodPage.tsx';
import { NotFoundPage } from './features/public/pages/NotFoundPage.tsx';
import { PrivacyStatementPage } from './features/privacy/pages/PrivacyStatementPage.tsx';
import { RequestListPage } from './features/requests/pages/RequestListPage.tsx';
import { RequestPage } from './features/requests/pages/RequestPage.tsx';
import { SubmitRequestPage } from './features/requests/pages/SubmitRequestPage.tsx';
import { ConfirmRegistrationPage } from './features/session/pages/ConfirmRegistrationPage.tsx';
import { ForgotPasswordPage } from './features/session/pages/ForgotPasswordPage.tsx';
import { LoginPage } from './features/session/pages/LoginPage.tsx';
import { RegisterPage } from './features/session/pages/RegisterPage.tsx';
import { SecurityPage } from './features/session/pages/SecurityPage.tsx';
import { SetPasswordPage } from './features/session/pages/SetPasswordPage.tsx';

// Dutch paths first: these are the addresses residents share.
export const router = createBrowserRouter([
  { path: '/', element: <MunicipalityChooserPage /> },
  // Who runs the installation: outside every municipality (the slug is reserved on the server).
  { path: '/platformbeheer', lazy: async () => ({ Component: (await import('./features/platform/pages/PlatformAdministrationPage.tsx')).PlatformAdministrationPage }) },
  {
    path: '/:municipality',
    element: <Layout />,
    children: [
      { index: true, element: <MunicipalityHomePage /> },
      { path: 'wijken/:slug', element: <NeighbourhoodPage /> },
      { path: 'inloggen', element: <LoginPage /> },
      { path: 'registreren', element: <RegisterPage /> },
      { path: 'registreren/bevestigen', element: <ConfirmRegistrationPage /> },
      { path: 'wachtwoord-vergeten', element: <ForgotPasswordPage /> },
      { path: 'mijn', element: <MyHomePage /> },
      { path: 'mijn/beveiliging', element: <SecurityPage /> },
      { path: 'wachtwoord-instellen', element: <SetPasswordPage /> },
      { path: 'privacy', element: <PrivacyStatementPage /> },
      { path: 'toegankelijkheid', element: <AccessibilityStatementPage /> },
      { path: 'overlegvormen', lazy: async () => ({ Component: (await import('./features/meetings/pages/MeetingKindsPage.tsx')).MeetingKindsPage }) },
      { path: 'overleggen', lazy: async () => ({ Component: (await import('./features/meetings/pages/MeetingListPage.tsx')).MeetingListPage }) },
      { path: 'overleggen/nieuw', lazy: async () => ({ Component: (await import('./features/meetings/pages/PlanMeetingPage.tsx')).PlanMeetingPage }) },
      { path: 'overleggen/:meetingId', lazy: async () => ({ Component: (await import('./features/meetings/pages/MeetingPage.tsx')).MeetingPage }) },
      { path: 'wijkactieplannen', lazy: async () => ({ Component: (await import('./features/action-plans/pages/ActionPlanListPage.tsx')).ActionPlanListPage }) },
      { path: 'wijkactieplannen/werkwijze', lazy: async () => ({ Component: (await import('./features/action-plans/pages/ActionPlanMethodPage.tsx')).ActionPlanMethodPage }) },
      { path: 'wijkactieplannen/aandacht', lazy: async () => ({ Component: (await import('./features/action-plans/pages/ActionPlanAttentionPage.tsx')).ActionPlanAttentionPage }) },
      { path: 'wijkactieplannen/subsidievoorwaarde', lazy: async () => ({ Component: (await import('./features/action-plans/pages/SubsidyConditionPage.tsx')).SubsidyConditionPage }) },
      { path: 'wijkactieplannen/:planId', lazy: async () => ({ Component: (await import('./features/action-plans/pages/ActionPlanPage.tsx')).ActionPlanPage }) },
      { path: 'meldingen/kaart', lazy: async () => ({ Component: (await import('./features/reporting/pages/PublicReportMapPage.tsx')).PublicReportMapPage }) },
      { path: 'meldingen/nieuw', lazy: async () => ({ Component: (await import('./features/reporting/pages/ReportProblemPage.tsx')).ReportProblemPage }) },
      { path: 'meldingen/status/:token', lazy: async () => ({ Component: (await import('./features/reporting/pages/ReportStatusPage.tsx')).ReportStatusPage }) },
      { path: 'vragen', element: <RequestListPage /> },
      { path: 'vragen/nieuw', element: <SubmitRequestPage /> },
      { path: 'vragen/:requestId', element: <RequestPage /> },
      // The queue, its satisfaction figures and ids: the public pages below /meldingen (nieuw, status/:token) have routes of their own.
      { path: 'meldingen', lazy: async () => ({ Component: (await import('./features/reports/pages/ReportQueuePage.tsx')).ReportQueuePage }) },
      { path: 'meldingen/tevredenheid', lazy: async () => ({ Component: (await import('./features/reports/pages/ReportSatisfactionPage.tsx')).ReportSatisfactionPage }) },
      { path: 'meldingen/:reportId', lazy: async () => ({ Component: (await import('./features/reports/pages/ReportPage.tsx')).ReportPage }) },
      { path: 'adviesaanvragen', element: <AdviceRequestListPage /> },
      { path: 'adviesaanvragen/nieuw', element: <NewAdviceRequestPage /> },
      { path: 'adviesaanvragen/:adviceRequestId', element: <AdviceRequestPage /> },
      { path: 'reactiesnelheid', lazy: async () => ({ Component: (await import('./features/insights/pages/ResponsivenessPage.tsx')).ResponsivenessPage }) },
      // For advisors as well as administrators, so outside the administrators' pages below /beheer.
      { path: 'beheer/overlegplanner', lazy: async () => ({ Component: (await import('./features/meetings/pages/MeetingPlannerPage.tsx')).MeetingPlannerPage }) },
      // Staff and council members, not only administrators: outside the admin frame's check.
      { path: 'beheer/overlegfrequentie', lazy: async () => ({ Component: (await import('./features/meetings/pages/MeetingFrequencyPage.tsx')).MeetingFrequencyPage }) },
      { path: 'beheer', children: adminRoutes },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
