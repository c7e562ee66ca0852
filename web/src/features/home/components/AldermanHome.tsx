import { Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { AppLink } from '../../../components/AppLink.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { RequestsSection } from '../../requests/components/RequestsSection.tsx';

/**
 * An alderman reads along: what is late, the advice on which the college must decide a deviation (§3.3), and how
 * responsive the departments are.
 */
export function AldermanHome({ municipality }: { municipality: string }) {
  const { t } = useI18n();
  return (
    <>
      <section aria-labelledby="alderman-home-heading">
        <Heading level={2} id="alderman-home-heading">
          {t('myHome.alderman')}
        </Heading>
        <Paragraph>{t('myHome.aldermanText')}</Paragraph>
        <Paragraph>
          <AppLink to={`/${municipality}/reactiesnelheid`}>{t('insights.homeLink')}</AppLink>
        </Paragraph>
      </section>
      <RequestsSection municipality={municipality} heading={t('home.alderman.college')} filter={{ decidingBody: 'college' }} emptyText={t('home.alderman.noCollege')} />
      <RequestsSection municipality={municipality} heading={t('home.alderman.overdue')} filter={{ isOverdue: 'true', sort: 'deadline' }} emptyText={t('home.alderman.noOverdue')} />
    </>
  );
}
