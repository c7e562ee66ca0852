import { Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useRequests } from '../queries.ts';
import { RequestExportLinks } from './RequestExportLinks.tsx';
import { RequestTable } from './RequestTable.tsx';

/** A titled list of requests for a home page, with an optional link to submit a new one and, for staff, links to export it. */
export function RequestsSection(props: { municipality: string; heading: string; filter: Record<string, string | undefined>; keep?(item: { neighbourhood: { id: string } | null }): boolean; showSubmitLink?: boolean; emptyText: string; onlyOpen?: boolean; isExportable?: boolean }) {
  const { t } = useI18n();
  const requests = useRequests(props.municipality, { pageSize: '50', ...props.filter });
  const items = (requests.data?.items ?? []).filter((item) => (!props.keep || props.keep(item)) && (!props.onlyOpen || ['submitted', 'acknowledged', 'routed'].includes(item.state)));
  const headingId = `requests-${props.heading.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {props.heading}
      </Heading>
      {props.showSubmitLink && (
        <Paragraph>
          <AppLink to={`/${props.municipality}/vragen/nieuw`}>{t('submit.link')}</AppLink>
        </Paragraph>
      )}
      {props.isExportable && <RequestExportLinks municipality={props.municipality} filter={props.filter} />}
      {requests.isPending && <Loading />}
      {requests.data && items.length === 0 && <Paragraph>{props.emptyText}</Paragraph>}
      {items.length > 0 && <RequestTable municipality={props.municipality} items={items} caption={props.heading} />}
    </section>
  );
}
