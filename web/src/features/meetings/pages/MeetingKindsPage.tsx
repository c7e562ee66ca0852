import { Button, DataList, DataListItem, DataListKey, DataListValue, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useState } from 'react';
import { useParams } from 'react-router';
import { hasRole, useSession } from '../../../api/session.ts';
import { Loading, ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { MeetingKindForm } from '../components/MeetingKindForm.tsx';
import { type MeetingKind, useMeetingKinds } from '../queries.ts';

/** "Eens per 2 jaar", "1 tot 3 keer per jaar, per wijk afgesproken", "één keer per collegeperiode". */
function frequencyInWords(kind: MeetingKind, t: (key: string, params?: Record<string, string | number>) => string): string {
  if (kind.frequencyRule === 'none' || kind.frequencyRule === 'yearly_target') return t(`meetingKinds.frequencyText.${kind.frequencyRule}`);
  // "once per council term", "every year": a count of one reads as a word.
  const suffix = kind.frequencyValue === 1 ? 'One' : '';
  return t(`meetingKinds.frequencyText.${kind.frequencyRule}${suffix}`, { count: kind.frequencyValue ?? 0 });
}

/**
 * /:municipality/overlegvormen: the three meetings of the structure (§3.2) and what else can be held, each with its
 * purpose, who takes the initiative and chairs, who takes part, whether it is public, what comes out of it and how
 * often. The administrator tailors them here.
 */
export function MeetingKindsPage() {
  const { municipality = '' } = useParams();
  const { t, language } = useI18n();
  const session = useSession(municipality);
  const isAdmin = hasRole(session.data, 'admin');
  const kinds = useMeetingKinds(municipality);
  const [editing, setEditing] = useState<string | null>(null);
  const [outcome, setOutcome] = useState('');
  if (kinds.isPending) return <Loading />;
  if (!kinds.data) return <ProblemAlert error={kinds.error} />;
  const local = (kind: MeetingKind, field: 'name' | 'purpose' | 'expectedResult') => (language === 'en' ? kind[`${field}En`] : kind[`${field}Nl`]);
  const groups = (list: string[]) => (list.length > 0 ? list.map((group) => t(`meetingKinds.group.${group}`)).join(', ') : t('meetingKinds.nobody'));
  const structure = kinds.data.items.filter((kind) => kind.countsTowardStructure);
  const others = kinds.data.items.filter((kind) => !kind.countsTowardStructure);
  const describe = (kind: MeetingKind) => (
    <section key={kind.id} aria-labelledby={`kind-${kind.code}`} className="app-card">
      <Heading level={3} id={`kind-${kind.code}`}>
        {local(kind, 'name')}
      </Heading>
      {editing === kind.id ? (
        <MeetingKindForm
          municipality={municipality}
          kind={kind}
          onDone={(message) => {
            setEditing(null);
            setOutcome(message);
          }}
        />
      ) : (
        <>
          <Paragraph>{local(kind, 'purpose')}</Paragraph>
          <DataList>
            <DataListItem>
              <DataListKey>{t('meetingKinds.initiators')}</DataListKey>
              <DataListValue>{kind.initiators.map((side) => t(`meetingKinds.initiator.${side}`)).join(t('meetingKinds.or'))}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t('meetingKinds.chair')}</DataListKey>
              <DataListValue>{t(`meetingKinds.chairRule.${kind.chairRule}`)}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t('meetingKinds.required')}</DataListKey>
              <DataListValue>{groups(kind.requiredParticipants)}</DataListValue>
            </DataListItem>
            {kind.optionalParticipants.length > 0 && (
              <DataListItem>
                <DataListKey>{t('meetingKinds.optional')}</DataListKey>
                <DataListValue>{groups(kind.optionalParticipants)}</DataListValue>
              </DataListItem>
            )}
            <DataListItem>
              <DataListKey>{t('meetingKinds.character')}</DataListKey>
              <DataListValue>{t(`meetingKinds.characterOf.${kind.character}`)}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t('meetingKinds.result')}</DataListKey>
              <DataListValue>{local(kind, 'expectedResult')}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t('meetingKinds.frequency')}</DataListKey>
              <DataListValue>{frequencyInWords(kind, t)}</DataListValue>
            </DataListItem>
            {kind.minutesDueWorkingDays !== null && (
              <DataListItem>
                <DataListKey>{t('meetingKinds.minutes')}</DataListKey>
                <DataListValue>{t('meetingKinds.minutesDue', { days: kind.minutesDueWorkingDays })}</DataListValue>
              </DataListItem>
            )}
          </DataList>
          {isAdmin && (
            <Button appearance="secondary-action-button" onClick={() => setEditing(kind.id)} aria-label={t('admin.editItem', { name: local(kind, 'name') })}>
              {t('common.edit')}
            </Button>
          )}
        </>
      )}
    </section>
  );
  return (
    <>
      <PageTitle>{t('meetingKinds.title')}</PageTitle>
      <Paragraph lead>{t('meetingKinds.intro')}</Paragraph>
      {outcome && <SuccessAlert>{outcome}</SuccessAlert>}
      <section aria-labelledby="kinds-structure">
        <Heading level={2} id="kinds-structure">
          {t('meetingKinds.structure')}
        </Heading>
        {structure.map(describe)}
      </section>
      {others.length > 0 && (
        <section aria-labelledby="kinds-others">
          <Heading level={2} id="kinds-others">
            {t('meetingKinds.others')}
          </Heading>
          <Paragraph>{t('meetingKinds.othersIntro')}</Paragraph>
          {others.map(describe)}
        </section>
      )}
    </>
  );
}
