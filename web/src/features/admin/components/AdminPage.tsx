import { Paragraph } from '@utrecht/component-library-react/css-module';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { AppLink } from '../../../components/AppLink.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

/** Addresses inside the administration: adminHref('wijken') → /helmond/beheer/wijken. */
export function useAdminHref(): (section?: string) => string {
  const { municipality = '' } = useParams();
  return (section) => (section ? `/${municipality}/beheer/${section}` : `/${municipality}/beheer`);
}

/**
 * One administration page: the way back up (Beheer › Wijken), the page's one h1 and what the page is for.
 * `trail` lists the pages above this one below Beheer; the overview itself passes `isOverview`.
 */
export function AdminPage(props: { title: string; intro?: string; trail?: { section: string; label: string }[]; isOverview?: boolean; children: ReactNode }) {
  const { t } = useI18n();
  const adminHref = useAdminHref();
  const crumbs = [{ href: adminHref(), label: t('admin.title') }, ...(props.trail ?? []).map((crumb) => ({ href: adminHref(crumb.section), label: crumb.label }))];
  return (
    <>
      {!props.isOverview && (
        <nav aria-label={t('admin.breadcrumb')} className="admin-breadcrumb">
          <ol>
            {crumbs.map((crumb) => (
              <li key={crumb.href}>
                <AppLink to={crumb.href}>{crumb.label}</AppLink>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <PageTitle>{props.title}</PageTitle>
      {props.intro && <Paragraph appearance="lead">{props.intro}</Paragraph>}
      {props.children}
    </>
  );
}
