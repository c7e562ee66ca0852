import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

export function AdminIndexPage() {
  const { t } = useI18n();
  return <PageTitle>{t('layout.administration')}</PageTitle>;
}
