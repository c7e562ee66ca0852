import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { todayInAmsterdam } from '../../insights/period.ts';
import { useUpcomingMeetings } from '../queries.ts';
import { whenInWords } from '../when.ts';

/**
 * The neighbourhood's coming meetings: public ones whole and, of closed ones, the public part residents may join.
 * Participants and staff see the closed meetings too.
 */
export function UpcomingMeetings({ municipality, neighbourhoodId }: { municipality: string; neighbourhoodId: string }) {
  const { t, language } = useI18n();
  const meetings = useUpcomingMeetings(municipality, neighbourhoodId, todayInAmsterdam());
  const items = (meetings.data?.items ?? []).filter((meeting) => meeting.state !== 'cancelled');
  return (
    <section aria-labelledby="meetings-heading">
      <Heading level={2} id="meetings-heading">
        {t('meetings.upcoming')}
      </Heading>
      {meetings.isPending && <Loading />}
      {meetings.data && items.length === 0 && <Paragraph>{t('meetings.noneUpcoming')}</Paragraph>}
      {items.length > 0 && (
        <UnorderedList className="app-meetings">
          {items.map((meeting) => (
            <UnorderedListItem key={meeting.id}>
              <strong>{language === 'en' ? meeting.kind.nameEn : meeting.kind.nameNl}</strong>
              {meeting.isPublicPartOnly ? ` — ${t('meetings.publicPart')}` : ''}: <AppLink to={`/${municipality}/overleggen/${meeting.id}`}>{meeting.title}</AppLink>
              <br />
              {whenInWords(meeting, language)}, {meeting.location}
              {meeting.kind.character === 'public' && <> ({t('meetings.everyoneWelcome')})</>}
              <br />
              <a href={`/api/v1/municipalities/${municipality}/meetings/${meeting.id}/calendar`} aria-label={t('meetings.addToCalendarOf', { title: meeting.title })}>
                {t('meetings.addToCalendar')}
              </a>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      <Paragraph>
        {/* A feed to subscribe to in any calendar app: the public meetings and public parts, as on this page. */}
        <a href={`/api/v1/municipalities/${municipality}/neighbourhoods/${neighbourhoodId}/meeting-calendar`}>{t('meetings.subscribe')}</a>
      </Paragraph>
      <Paragraph>
        <AppLink to={`/${municipality}/overlegvormen`}>{t('meetings.kindsLink')}</AppLink>
      </Paragraph>
    </section>
  );
}
