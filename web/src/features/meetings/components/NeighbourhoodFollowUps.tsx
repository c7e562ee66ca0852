import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { hasRole, useSession } from '../../../api/session.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useNeighbourhoodFollowUps } from '../queries.ts';

/**
 * The open agreements from the neighbourhood's meetings, for municipal staff and the neighbourhood's council: what
 * was promised, by whom and by when. Nobody else is shown the section (the API refuses them too).
 */
export function NeighbourhoodFollowUps({ municipality, neighbourhoodId }: { municipality: string; neighbourhoodId: string }) {
  const { t } = useI18n();
  const session = useSession(municipality);
  const mayAsk = ['advisor', 'officer', 'alderman', 'admin', 'council_member'].some((role) => hasRole(session.data, role));
  const followUps = useNeighbourhoodFollowUps(municipality, neighbourhoodId, mayAsk);
  if (!followUps.data) return null;
  return (
    <section aria-labelledby="follow-ups-heading">
      <Heading level={2} id="follow-ups-heading">
        {t('meeting.openFollowUps')}
      </Heading>
      {followUps.data.items.length === 0 ? (
        <Paragraph>{t('meeting.noOpenFollowUps')}</Paragraph>
      ) : (
        <UnorderedList>
          {followUps.data.items.map((item) => (
            <UnorderedListItem key={item.id}>
              {item.description} — {item.owner.name}, {t('meeting.dueOn')} <CalendarDate value={item.dueOn} />
              {item.isOverdue && ` (${t('meeting.overdue')})`} · <AppLink to={`/${municipality}/overleggen/${item.meetingId}`}>{item.meetingTitle}</AppLink>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}
