import { Heading } from '@utrecht/component-library-react/css-module';
import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** The page's one h1, also used as the browser tab title so screen-reader users hear where they landed. */
export function PageTitle({ children }: { children: string }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${children} · ${t('app.name')}`;
  }, [children, t]);
  return <Heading level={1}>{children}</Heading>;
}
