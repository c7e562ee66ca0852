import { Paragraph } from '@utrecht/component-library-react/css-module';
import { useParams } from 'react-router';
import { AppLink } from '../../../components/AppLink.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  const { municipality = '' } = useParams();
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <AppLink to={`/${municipality}`}>{t('notFound.home')}</AppLink>
      </Paragraph>
    </>
  );
}
