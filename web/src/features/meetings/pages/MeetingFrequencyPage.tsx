import '../meetings.css';
import { Alert, Button, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { hasRole, loginPathFor, useSession } from '../../../api/session.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { Loading, ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type MeetingFrequencyRow, useMeetingFrequency, useRecordYearlyTarget } from '../queries.ts';

// The roles that hold meeting.viewFrequency on the server; a council member sees their own neighbourhood.
const rolesThatSee = ['advisor', 'officer', 'alderman', 'admin', 'council_member'];
const pageSize = 100;

/** How often each neighbourhood's wijktafel, wijkwerkoverleg and wijkbezoek are due, and which are overdue (§3.2). */
export function MeetingFrequencyPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const session = useSession(municipality);
  const [parameters, setParameters] = useSearchParams();
  const maySee = rolesThatSee.some((role) => hasRole(session.data, role));
  const kindCode = parameters.get('soort') ?? '';
  const overdue = parameters.get('achterstand') ?? '';
  const sort = parameters.get('volgorde') === 'uiterlijk' ? 'nextDueOn' : 'neighbourhood';
  const page = Math.max(1, Number(parameters.get('pagina')) || 1);
  const query = new URLSearchParams({ pageSize: String(pageSize), page: String(page), sort });
  if (kindCode) query.set('kindCode', kindCode);
  if (overdue) query.set('isOverdue', overdue);
  const rows = useMeetingFrequency(municipality, query, maySee);
  const record = useRecordYearlyTarget(municipality);

  const change = (name: string, value: string) => {
    const next = new URLSearchParams(parameters);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('pagina');
    setParameters(next, { replace: true });
  };

  if (session.isPending) return <Loading />;
  if (!maySee) {
    return (
      <>
        <PageTitle>{t('meetingFrequency.title')}</PageTitle>
        <Alert type="warning" role="alert">
          <Paragraph>{session.data ? t('meetingFrequency.noAccess') : t('meetingFrequency.logInFirst')}</Paragraph>
        </Alert>
        {!session.data && (
          <Paragraph>
            <AppLink to={loginPathFor(municipality, `/${municipality}/beheer/overlegfrequentie`)}>{t('layout.logIn')}</AppLink>
          </Paragraph>
        )}
      </>
    );
  }
  return (
    <>
      <PageTitle>{t('meetingFrequency.title')}</PageTitle>
      <Paragraph>{t('meetingFrequency.intro')}</Paragraph>
      <div className="app-frequency-filters">
        <SelectField
          id="frequency-kind"
          label={t('meetingFrequency.filter.kind')}
          value={kindCode}
          onChange={(value) => change('soort', value)}
          options={[{ value: '', label: t('meetingFrequency.filter.allKinds') }, ...['wijktafel', 'wijkwerkoverleg', 'wijkbezoek'].map((code) => ({ value: code, label: t(`meetingFrequency.kind.${code}`) }))]}
        />
        <SelectField
          id="frequency-overdue"
          label={t('meetingFrequency.filter.overdue')}
          value={overdue}
          onChange={(value) => change('achterstand', value)}
          options={[
            { value: '', label: t('meetingFrequency.filter.all') },
            { value: 'true', label: t('meetingFrequency.filter.onlyOverdue') },
            { value: 'false', label: t('meetingFrequency.filter.notOverdue') },
          ]}
        />
        <SelectField
          id="frequency-sort"
          label={t('meetingFrequency.filter.sort')}
          value={sort === 'nextDueOn' ? 'uiterlijk' : ''}
          onChange={(value) => change('volgorde', value)}
          options={[
            { value: '', label: t('meetingFrequency.sort.neighbourhood') },
            { value: 'uiterlijk', label: t('meetingFrequency.sort.nextDueOn') },
          ]}
        />
      </div>
      {record.isSuccess && <SuccessAlert>{t('meetingFrequency.recorded', { neighbourhood: record.variables.neighbourhoodName, count: String(record.data.yearlyTarget) })}</SuccessAlert>}
      <ProblemAlert error={record.error} />
      <ProblemAlert error={rows.error} />
      {rows.isPending && <Loading />}
      {rows.data && (
        <div aria-busy={rows.isPlaceholderData}>
          <Paragraph role="status">{t('meetingFrequency.count', { count: String(rows.data.total) })}</Paragraph>
          {rows.data.items.length > 0 && <FrequencyTable rows={rows.data.items} onRecord={(input) => record.mutate(input)} isRecording={record.isPending} />}
          {rows.data.pageCount > 1 && (
            <div className="app-actions">
              <Button appearance="secondary-action-button" disabled={page <= 1} onClick={() => setParameters(new URLSearchParams({ ...Object.fromEntries(parameters), pagina: String(page - 1) }))}>
                {t('meetingFrequency.previous')}
              </Button>
              <Paragraph>{t('meetingFrequency.page', { page: String(page), pageCount: String(rows.data.pageCount) })}</Paragraph>
              <Button appearance="secondary-action-button" disabled={page >= rows.data.pageCount} onClick={() => setParameters(new URLSearchParams({ ...Object.fromEntries(parameters), pagina: String(page + 1) }))}>
                {t('meetingFrequency.next')}
              </Button>
            </div>
          )}
        </div>
      )}
    </>
  );
}

type RecordInput = { neighbourhoodId: string; neighbourhoodName: string; yearlyTarget: number; version: number };

/** A table on wide screens; on a phone each row becomes a card with the column names beside the values. */
function FrequencyTable({ rows, onRecord, isRecording }: { rows: MeetingFrequencyRow[]; onRecord(input: RecordInput): void; isRecording: boolean }) {
  const { t, language } = useI18n();
  const column = {
    neighbourhood: t('meetingFrequency.column.neighbourhood'),
    kind: t('meetingFrequency.column.kind'),
    status: t('meetingFrequency.column.status'),
    lastHeld: t('meetingFrequency.column.lastHeld'),
    nextPlanned: t('meetingFrequency.column.nextPlanned'),
    nextDue: t('meetingFrequency.column.nextDue'),
    why: t('meetingFrequency.column.why'),
  };
  const none = t('meetingFrequency.none');
  return (
    <div className="app-card-table-frame">
      <Table className="app-card-table">
        <TableCaption className="app-visually-hidden">{t('meetingFrequency.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            {Object.values(column).map((name) => (
              <TableHeaderCell key={name} scope="col">
                {name}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={`${row.neighbourhood.id} ${row.kind.code}`}>
              <TableCell data-label={column.neighbourhood}>{row.neighbourhood.name}</TableCell>
              <TableCell data-label={column.kind}>{language === 'en' ? row.kind.nameEn : row.kind.nameNl}</TableCell>
              <TableCell data-label={column.status}>
                <span className={`app-badge app-badge--${row.badge}`}>{t(`meetingFrequency.badge.${row.badge}`)}</span>
              </TableCell>
              <TableCell data-label={column.lastHeld}>{row.lastHeldOn ? <CalendarDate value={row.lastHeldOn} /> : none}</TableCell>
              <TableCell data-label={column.nextPlanned}>{row.nextPlannedOn ? <CalendarDate value={row.nextPlannedOn} /> : none}</TableCell>
              <TableCell data-label={column.nextDue}>{row.nextDueOn ? <CalendarDate value={row.nextDueOn} /> : none}</TableCell>
              <TableCell data-label={column.why}>
                {language === 'en' ? row.explanation.en : row.explanation.nl}
                {row.allowedActions.includes('recordYearlyTarget') && <YearlyTargetForm row={row} onRecord={onRecord} isRecording={isRecording} />}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The advisor records, after sounding out college and council, how many wijkwerkoverleggen a year the neighbourhood needs. */
function YearlyTargetForm({ row, onRecord, isRecording }: { row: MeetingFrequencyRow; onRecord(input: RecordInput): void; isRecording: boolean }) {
  const { t } = useI18n();
  const [value, setValue] = useState(String(row.yearlyTarget?.perYear ?? 1));
  const id = `yearly-target-${row.neighbourhood.id}`;
  return (
    <form
      className="app-frequency-target"
      onSubmit={(event) => {
        event.preventDefault();
        onRecord({ neighbourhoodId: row.neighbourhood.id, neighbourhoodName: row.neighbourhood.name, yearlyTarget: Number(value), version: row.neighbourhood.version });
      }}
    >
      <SelectField id={id} label={t('meetingFrequency.target.label', { neighbourhood: row.neighbourhood.name })} value={value} onChange={setValue} options={['1', '2', '3'].map((count) => ({ value: count, label: t(`meetingFrequency.target.perYear${count}`) }))} />
      <Button type="submit" appearance="secondary-action-button" busy={isRecording} disabled={isRecording}>
        {t('meetingFrequency.target.record')}
      </Button>
    </form>
  );
}
