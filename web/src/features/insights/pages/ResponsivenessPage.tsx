import '../insights.css';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../../api/client.ts';
import { useParams, useSearchParams } from 'react-router';
import { hasRole, loginPathFor, useSession } from '../../../api/session.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading, ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatsFor } from '../components/chart-theme.ts';
import { GroupCharts } from '../components/GroupCharts.tsx';
import { HeadlineFigures } from '../components/HeadlineFigures.tsx';
import { MonthTrend } from '../components/MonthTrend.tsx';
import { ResponsivenessFilters } from '../components/ResponsivenessFilters.tsx';
import { VerdictChart } from '../components/VerdictChart.tsx';
import { addressOf, todayInAmsterdam, viewFromAddress } from '../period.ts';
import { type Responsiveness, useResponsiveness, useResponsivenessSettings } from '../queries.ts';

// The roles that hold the permission request.viewInternal on the server: they always see the figures.
const staffRoles = ['advisor', 'officer', 'alderman', 'admin'];

/** How quickly the municipality acknowledges and answers what neighbourhoods ask, for a period, per group. */
export function ResponsivenessPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const session = useSession(municipality);
  const [parameters, setParameters] = useSearchParams();
  const view = viewFromAddress(parameters, todayInAmsterdam());
  const settings = useResponsivenessSettings(municipality);
  const isStaff = staffRoles.some((role) => hasRole(session.data, role));
  // Councils always see how the municipality answers them; everyone else while the municipality keeps it public.
  const maySee = isStaff || hasRole(session.data, 'council_member') || settings.data?.isPublic === true;
  const figures = useResponsiveness(municipality, view, maySee);

  if (session.isPending || settings.isPending) return <Loading />;
  if (!maySee) return <NoAccess municipality={municipality} isLoggedIn={Boolean(session.data)} />;
  return (
    <>
      <PageTitle>{t('insights.title')}</PageTitle>
      <Paragraph>{t('insights.intro')}</Paragraph>
      {settings.data && <Paragraph small>{t(settings.data.isPublic ? 'insights.publicNote' : 'insights.privateNote')}</Paragraph>}
      {hasRole(session.data, 'admin') && settings.data && <PublicSwitch municipality={municipality} isPublic={settings.data.isPublic} />}
      <ResponsivenessFilters view={view} onApply={(next) => setParameters(addressOf(next))} />
      {figures.isPending && <Loading />}
      <ProblemAlert error={figures.error} />
      {figures.data && (
        <div className="insights-results" aria-busy={figures.isPlaceholderData}>
          {figures.isPlaceholderData && <Loading />}
          <Results figures={figures.data} />
        </div>
      )}
    </>
  );
}

function Results({ figures }: { figures: Responsiveness }) {
  const { t, language } = useI18n();
  const format = formatsFor(language);
  const period = t('insights.period', { from: format.date(figures.from), to: format.date(figures.to) });
  const total = figures.groups.reduce((sum, group) => sum + group.total, 0);
  if (total === 0) {
    return (
      <Alert type="info">
        <Paragraph>{t('insights.empty', { period })}</Paragraph>
      </Alert>
    );
  }
  return (
    <>
      <Paragraph className="insights-period">
        {t('insights.periodShown', { period, grouping: t(`insights.grouping.${figures.groupBy}`) })}
      </Paragraph>
      <HeadlineFigures figures={figures} />
      <VerdictChart figures={figures} period={period} />
      {figures.groupBy === 'month' ? <MonthTrend figures={figures} period={period} /> : <GroupCharts figures={figures} period={period} />}
    </>
  );
}

/** Visitors, residents, council members and partners: say what the page is and how to get in, not a broken page. */
function NoAccess({ municipality, isLoggedIn }: { municipality: string; isLoggedIn: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <PageTitle>{t('insights.noAccess.title')}</PageTitle>
      <Alert type="warning" role="alert">
        <Paragraph>{isLoggedIn ? t('insights.noAccess.role') : t('insights.noAccess.visitor')}</Paragraph>
      </Alert>
      <Paragraph>
        {isLoggedIn ? <AppLink to={`/${municipality}/mijn`}>{t('insights.noAccess.home')}</AppLink> : <AppLink to={loginPathFor(municipality, `/${municipality}/reactiesnelheid`)}>{t('insights.noAccess.logIn')}</AppLink>}
      </Paragraph>
    </>
  );
}

/** For administrators: whether visitors and residents see these figures too. */
function PublicSwitch({ municipality, isPublic }: { municipality: string; isPublic: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (next: boolean) => api<{ isPublic: boolean }>(tenantPath(municipality, '/responsiveness-settings'), { method: 'PUT', body: { isPublic: next } }),
    onSuccess: (saved) => queryClient.setQueryData(['responsiveness-settings', municipality], saved),
  });
  return (
    <div className="insights-public-switch">
      <ProblemAlert error={save.error} />
      {save.isSuccess && <SuccessAlert>{t(save.data.isPublic ? 'insights.madePublic' : 'insights.madePrivate')}</SuccessAlert>}
      <Button appearance="secondary-action-button" busy={save.isPending} disabled={save.isPending} onClick={() => save.mutate(!isPublic)}>
        {t(isPublic ? 'insights.makePrivate' : 'insights.makePublic')}
      </Button>
    </div>
  );
}
