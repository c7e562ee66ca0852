import { Button, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { hasRole, useSession } from '../../../api/session.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { localName, useI18n } from '../../../i18n/i18n.tsx';
import { todayInAmsterdam } from '../../insights/period.ts';
import { useMeetingList } from '../queries.ts';
import { whenInWords } from '../when.ts';

/** Meetings from today on (or where a rule was set aside), as far as the reader may see them; planners start here. */
export function MeetingListPage() {
  const { municipality = '' } = useParams();
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const session = useSession(municipality);
  const [view, setView] = useState('upcoming');
  const isStaff = ['advisor', 'officer', 'alderman', 'admin'].some((role) => hasRole(session.data, role));
  const mayPlan = ['advisor', 'admin', 'council_member'].some((role) => hasRole(session.data, role));
  const filter: Record<string, string> = view === 'upcoming' ? { from: todayInAmsterdam() } : view === 'held' ? { state: 'held' } : { isOverridden: 'true' };
  const meetings = useMeetingList(municipality, filter);
  return (
    <>
      <PageTitle>{t('meetingList.title')}</PageTitle>
      <Paragraph>{t('meetingList.intro')}</Paragraph>
      {mayPlan && (
        <Paragraph>
          <Button appearance="primary-action-button" onClick={() => navigate(`/${municipality}/overleggen/nieuw`)}>
            {t('meetingList.plan')}
          </Button>
        </Paragraph>
      )}
      <SelectField
        id="meeting-view"
        label={t('meetingList.show')}
        value={view}
        onChange={setView}
        options={[
          { value: 'upcoming', label: t('meetingList.upcoming') },
          { value: 'held', label: t('meetingList.held') },
          ...(isStaff ? [{ value: 'overridden', label: t('meetingList.overridden') }] : []),
        ]}
      />
      {meetings.isPending && <Loading />}
      <ProblemAlert error={meetings.error} />
      {meetings.data && meetings.data.items.length === 0 && <Paragraph>{t('meetingList.none')}</Paragraph>}
      {meetings.data && meetings.data.items.length > 0 && (
        <div className="app-card-table-frame">
          <Table className="app-card-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('meetingList.meeting')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('meeting.when')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('meeting.neighbourhood')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('meetingList.state')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {meetings.data.items.map((meeting) => (
                <TableRow key={meeting.id}>
                  <TableCell data-label={t('meetingList.meeting')}>
                    <AppLink to={`/${municipality}/overleggen/${meeting.id}`}>{meeting.title}</AppLink>
                    <br />
                    {localName(meeting.kind, language)}
                    {meeting.isPublicPartOnly ? ` — ${t('meetings.publicPart')}` : ''}
                    {meeting.overriddenRules.length > 0 && <> — {t('meetingList.ruleSetAside', { reason: meeting.overrideReason ?? '' })}</>}
                  </TableCell>
                  <TableCell data-label={t('meeting.when')}>{whenInWords(meeting, language)}</TableCell>
                  <TableCell data-label={t('meeting.neighbourhood')}>{meeting.neighbourhood?.name ?? t('meetingList.cityWide')}</TableCell>
                  <TableCell data-label={t('meetingList.state')}>{t(`meeting.state.${meeting.state}`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
