import { Heading, Link, Paragraph } from '@utrecht/component-library-react/css-module';
import { useQuery } from '@tanstack/react-query';
import { api, tenantPath } from '../../../api/client.ts';
import type { Department, Page } from '../../../api/types.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { RequestsSection } from '../../requests/components/RequestsSection.tsx';

/** An officer's department and what waits for an answer from it. */
export function OfficerHome({ municipality, departmentIds }: { municipality: string; departmentIds: string[] }) {
  const { t, nameOf } = useI18n();
  const departments = useQuery({ queryKey: ['departments', municipality, 'all'], queryFn: () => api<Page<Department>>(tenantPath(municipality, '/departments?pageSize=100')) });
  const mine = departments.data?.items.filter((item) => departmentIds.includes(item.id)) ?? [];
  return (
    <>
      <section aria-labelledby="officer-home-heading">
        <Heading level={2} id="officer-home-heading">
          {t('home.officer.title')}
        </Heading>
        {mine.map((department) => (
          <div key={department.id} className="app-card">
            <Heading level={3}>{nameOf(department)}</Heading>
            {department.contactEmail && (
              <Paragraph>
                {t('council.email')}: <Link href={`mailto:${department.contactEmail}`}>{department.contactEmail}</Link>
              </Paragraph>
            )}
            <Paragraph>{t('home.officer.text')}</Paragraph>
          </div>
        ))}
        <Paragraph>
          <AppLink to={`/${municipality}/reactiesnelheid`}>{t('insights.homeLink')}</AppLink>
        </Paragraph>
      </section>
      {/* "Mine": what the department answers, and what it contributes to. */}
      {departmentIds.length > 0 && <RequestsSection municipality={municipality} heading={t('home.officer.inbox')} filter={{ mine: 'true', isOpen: 'true', sort: 'deadline' }} emptyText={t('home.officer.inboxEmpty')} isExportable />}
    </>
  );
}
