import { Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useRequests } from '../queries.ts';
import { RequestExportLinks } from './RequestExportLinks.tsx';
import { RequestTable } from './RequestTable.tsx';

/** A home page shows the most urgent ones; the list page has the rest. */
const shownOnHome = 20;

/**
 * A titled list of requests for a home page (filtered and sorted by the API), with an optional link to submit a new
 * one, a link to the whole list when there is more, and, for staff, links to export it.
 */
export function RequestsSection(props: { municipality: string; heading: string; filter: Record<string, string | undefined>; showSubmitLink?: boolean; emptyText: string; isExportable?: boolean }) {
  const { t } = useI18n();
  const requests = useRequests(props.municipality, { pageSize: String(shownOnHome), ...props.filter });
  const items = requests.data?.items ?? [];
  const total = requests.data?.total ?? 0;
  const allHref = `/${props.municipality}/vragen?${new URLSearchParams(Object.entries(props.filter).filter((entry): entry is [string, string] => Boolean(entry[1])))}`;
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
      {items.length > 0 && <RequestTable municipality={props.municipality} items={items} caption={props.heading} isCaptionShown={false} />}
      {total > items.length && (
        <Paragraph>
          <AppLink to={allHref}>{t('requests.showAll', { total })}</AppLink>
        </Paragraph>
      )}
    </section>
  );
}
