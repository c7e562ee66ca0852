import { Heading, OrderedList, OrderedListItem } from '@utrecht/component-library-react/css-module';
import type { Request } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

/** Every step and message in order; internal notes (staff only) are marked as such. */
export function RequestTimeline({ request }: { request: Request }) {
  const { t, language } = useI18n();
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  return (
    <section aria-labelledby="timeline-heading">
      <Heading level={2} id="timeline-heading">
        {t('requestPage.timeline')}
      </Heading>
      <OrderedList className="app-timeline">
        {request.timeline.map((event) => (
          <OrderedListItem key={event.id} className={event.isInternal ? 'app-timeline__internal' : undefined}>
            <time dateTime={event.occurredAt}>{new Date(event.occurredAt).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })}</time>: {event.summary} ({event.actorLabel ?? t('requestEvent.actorSubmitterSide')})
            {event.isInternal && <strong> · {t('conversation.internalLabel')}</strong>}
            {event.text && <span className="app-timeline__text">{event.text}</span>}
          </OrderedListItem>
        ))}
      </OrderedList>
    </section>
  );
}
