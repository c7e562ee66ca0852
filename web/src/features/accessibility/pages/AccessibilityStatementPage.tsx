import { Heading, Link, Paragraph } from '@utrecht/component-library-react/css-module';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import { hasRole, useSession } from '../../../api/session.ts';
import type { AccessibilityStatement } from '../../../api/types.ts';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AccessibilityStatementForm } from '../components/AccessibilityStatementForm.tsx';

/**
 * /:municipality/toegankelijkheid: the accessibility statement after the Dutch government's model
 * (digitoegankelijk.nl): where Wijkwerk stands, how that was checked, what is not right yet, whom to tell and
 * where to complain. The municipality fills in its own contact details and date.
 */
export function AccessibilityStatementPage() {
  const { municipality = '' } = useParams();
  const { t, language } = useI18n();
  const session = useSession(municipality);
  const statement = useQuery({ queryKey: ['accessibility-statement', municipality], queryFn: () => api<AccessibilityStatement>(tenantPath(municipality, '/accessibility-statement')) });
  if (statement.isPending) return <Loading />;
  if (!statement.data) return <ProblemAlert error={statement.error} />;
  const data = statement.data;
  const date = (value: string) => new Date(`${value}T12:00:00Z`).toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
  return (
    <>
      <PageTitle>{t('accessibility.title')}</PageTitle>
      <Paragraph lead>{t('accessibility.intro', { municipality: data.municipalityName })}</Paragraph>
      <section aria-labelledby="accessibility-status">
        <Heading level={2} id="accessibility-status">
          {t('accessibility.statusTitle')}
        </Heading>
        <Paragraph>{t(`accessibility.status.${data.status}`)}</Paragraph>
        <Paragraph>{data.adoptedOn ? t('accessibility.statedOn', { date: date(data.adoptedOn) }) : t('accessibility.notStated')}</Paragraph>
      </section>
      <section aria-labelledby="accessibility-tested">
        <Heading level={2} id="accessibility-tested">
          {t('accessibility.testedTitle')}
        </Heading>
        <Paragraph>{t('accessibility.tested')}</Paragraph>
      </section>
      <section aria-labelledby="accessibility-issues">
        <Heading level={2} id="accessibility-issues">
          {t('accessibility.issuesTitle')}
        </Heading>
        <Paragraph className="app-preserve-lines">{data.knownIssues ?? t('accessibility.noIssues')}</Paragraph>
      </section>
      <section aria-labelledby="accessibility-contact">
        <Heading level={2} id="accessibility-contact">
          {t('accessibility.contactTitle')}
        </Heading>
        <Paragraph>{t('accessibility.contact', { days: data.responseWorkingDays })}</Paragraph>
        {data.contactEmail && (
          <Paragraph>
            {t('accessibility.email')} <Link href={`mailto:${data.contactEmail}`}>{data.contactEmail}</Link>
          </Paragraph>
        )}
        {data.contactPhone && (
          <Paragraph>
            {t('accessibility.phone')} <Link href={`tel:${data.contactPhone.replace(/[^+\d]/g, '')}`}>{data.contactPhone}</Link>
          </Paragraph>
        )}
        {!data.contactEmail && !data.contactPhone && <Paragraph>{t('accessibility.noContact', { municipality: data.municipalityName })}</Paragraph>}
      </section>
      <section aria-labelledby="accessibility-complaints">
        <Heading level={2} id="accessibility-complaints">
          {t('accessibility.complaintsTitle')}
        </Heading>
        <Paragraph>{t('accessibility.complaints', { municipality: data.municipalityName })}</Paragraph>
      </section>
      {hasRole(session.data, 'admin') && <AccessibilityStatementForm municipality={municipality} statement={data} />}
    </>
  );
}
