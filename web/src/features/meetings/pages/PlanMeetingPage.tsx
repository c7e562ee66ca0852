import { Button, Checkbox, Fieldset, FieldsetLegend, FormField, FormLabel, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import { hasRole, useSession } from '../../../api/session.ts';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { localName, useI18n } from '../../../i18n/i18n.tsx';
import { useNeighbourhoods } from '../../public/queries.ts';
import { type MeetingDetail, useMeetingCandidates, useMeetingKinds } from '../queries.ts';
import { amsterdamMoment } from '../when.ts';

const fieldIds: Record<string, string> = {
  'body.kindId': 'plan-kind',
  'body.neighbourhoodId': 'plan-neighbourhood',
  'body.title': 'plan-title',
  'body.startsAt': 'plan-start',
  'body.endsAt': 'plan-end',
  'body.location': 'plan-location',
  'body.isLocationInNeighbourhood': 'plan-in-neighbourhood',
  'body.initiatorSide': 'plan-initiator',
  'body.chairUserId': 'plan-chair',
  'body.publicPart': 'plan-public-start',
  'body.publicPart.startsAt': 'plan-public-start',
  'body.publicPart.endsAt': 'plan-public-end',
  'body.publicPart.location': 'plan-public-location',
  'body.invitedGroups': 'plan-groups',
  'body.dossierThemeIds': 'plan-themes',
  'body.override.reason': 'plan-override',
};

function CheckboxGroup({ id, legend, options, value, onChange }: { id: string; legend: string; options: { value: string; label: string }[]; value: string[]; onChange(value: string[]): void }) {
  return (
    <Fieldset id={id}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {options.map((option) => (
        <FormField
          key={option.value}
          type="checkbox"
          input={
            <Checkbox
              id={`${id}-${option.value}`}
              checked={value.includes(option.value)}
              onChange={(event) => onChange((event.target as HTMLInputElement).checked ? [...value, option.value] : value.filter((item) => item !== option.value))}
            />
          }
          label={
            <FormLabel htmlFor={`${id}-${option.value}`} type="checkbox">
              {option.label}
            </FormLabel>
          }
        />
      ))}
    </Fieldset>
  );
}

/**
 * Planning a meeting: the kind decides who initiates, who chairs, who is invited and whether there is a public part.
 * The server checks the note's rules; a rule broken is explained next to the field, and an advisor may set it aside
 * with a reason.
 */
export function PlanMeetingPage() {
  const { municipality = '' } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const { t, language } = useI18n();
  const session = useSession(municipality);
  const kinds = useMeetingKinds(municipality);
  const neighbourhoods = useNeighbourhoods(municipality);
  const themes = useQuery({ queryKey: ['themes', municipality], queryFn: () => api<{ items: { id: string; nameNl: string; nameEn: string }[] }>(tenantPath(municipality, '/themes?pageSize=100')) });
  const [kindId, setKindId] = useState('');
  const [neighbourhoodId, setNeighbourhoodId] = useState(search.get('wijk') ?? '');
  const candidates = useMeetingCandidates(municipality, neighbourhoodId || undefined, Boolean(session.data));
  const [title, setTitle] = useState('');
  const [day, setDay] = useState('');
  const [startTime, setStartTime] = useState('19:30');
  const [endTime, setEndTime] = useState('21:30');
  const [location, setLocation] = useState('');
  const [isInNeighbourhood, setInNeighbourhood] = useState(false);
  const [initiatorSide, setInitiatorSide] = useState('');
  const [chairUserId, setChairUserId] = useState('');
  const [hasPublicPart, setHasPublicPart] = useState(false);
  const [publicStart, setPublicStart] = useState('21:00');
  const [publicEnd, setPublicEnd] = useState('22:00');
  const [publicLocation, setPublicLocation] = useState('');
  const [groups, setGroups] = useState<string[]>([]);
  const [themeIds, setThemeIds] = useState<string[]>([]);
  const [overrideReason, setOverrideReason] = useState('');
  const kind = kinds.data?.items.find((item) => item.id === kindId);
  const mayOverride = hasRole(session.data, 'advisor') || hasRole(session.data, 'admin');

  // Choosing a kind fills in what it asks for: its initiator, its required groups and whether it has a public part.
  useEffect(() => {
    if (!kind) return;
    setInitiatorSide(kind.initiators.includes('municipality') && mayOverride ? 'municipality' : kind.initiators[0]);
    setGroups([...kind.requiredParticipants]);
    setHasPublicPart(kind.character === 'closed_with_public_closing');
    setInNeighbourhood(kind.takesPlaceInNeighbourhood);
  }, [kind, mayOverride]);

  const plan = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<MeetingDetail>(tenantPath(municipality, '/meetings'), { method: 'POST', body }),
    onSuccess: (meeting) => navigate(`/${municipality}/overleggen/${meeting.id}`, { state: { justPlanned: meeting.title } }),
  });
  const problem = plan.error instanceof ApiProblem ? plan.error : undefined;
  const fieldError = (field: string) => problem?.fieldError(`body.${field}`);
  const brokeRule = Boolean(problem?.errors.some((error) => error.field !== 'body.override.reason'));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    plan.mutate({
      kindId,
      neighbourhoodId: neighbourhoodId || null,
      title,
      startsAt: amsterdamMoment(day, startTime),
      endsAt: amsterdamMoment(day, endTime),
      location,
      isLocationInNeighbourhood: isInNeighbourhood,
      initiatorSide,
      chairUserId: chairUserId || null,
      publicPart: hasPublicPart ? { startsAt: amsterdamMoment(day, publicStart), endsAt: amsterdamMoment(day, publicEnd), location: publicLocation } : null,
      invitedGroups: groups,
      dossierThemeIds: kind?.needsDossiers ? themeIds : [],
      ...(overrideReason.trim() ? { override: { reason: overrideReason } } : {}),
    });
  };

  if (kinds.isPending || neighbourhoods.isPending) return <Loading />;
  const chairOptions = (candidates.data?.items ?? []).filter((person) => person.roles.some((role) => role.role === 'alderman' || role.role === 'council_member' || kind?.chairRule === 'free'));
  return (
    <>
      <PageTitle>{t('plan.title')}</PageTitle>
      <Paragraph>{t('plan.intro')}</Paragraph>
      <ProblemAlert error={plan.error} fieldIds={fieldIds} />
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <SelectField
          id="plan-kind"
          label={t('plan.kind')}
          value={kindId}
          onChange={setKindId}
          error={fieldError('kindId')}
          required
          options={[{ value: '', label: t('plan.chooseKind') }, ...(kinds.data?.items ?? []).map((item) => ({ value: item.id, label: localName(item, language) }))]}
        />
        {kind && (
          <div className="app-card" aria-live="polite">
            <Paragraph>{language === 'en' ? kind.purposeEn : kind.purposeNl}</Paragraph>
            <Paragraph>
              {t('meetingKinds.chair')}: {t(`meetingKinds.chairRule.${kind.chairRule}`)}. {t('meetingKinds.character')}: {t(`meetingKinds.characterOf.${kind.character}`)}.
            </Paragraph>
          </div>
        )}
        <SelectField
          id="plan-neighbourhood"
          label={t('plan.neighbourhood')}
          value={neighbourhoodId}
          onChange={setNeighbourhoodId}
          error={fieldError('neighbourhoodId')}
          options={[{ value: '', label: t('plan.chooseNeighbourhood') }, ...(neighbourhoods.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))]}
        />
        <TextField id="plan-title" label={t('plan.meetingTitle')} value={title} onChange={setTitle} error={fieldError('title')} required />
        <TextField id="plan-day" type="date" label={t('plan.day')} value={day} onChange={setDay} error={fieldError('startsAt')} required />
        <div className="app-field-row">
          <TextField id="plan-start" label={t('plan.startTime')} description={t('plan.timeHint')} value={startTime} onChange={setStartTime} error={fieldError('startsAt')} inputMode="numeric" required />
          <TextField id="plan-end" label={t('plan.endTime')} value={endTime} onChange={setEndTime} error={fieldError('endsAt')} inputMode="numeric" required />
        </div>
        <TextField id="plan-location" label={t('plan.location')} value={location} onChange={setLocation} error={fieldError('location')} required />
        <FormField
          type="checkbox"
          input={<Checkbox id="plan-in-neighbourhood" checked={isInNeighbourhood} onChange={(event) => setInNeighbourhood((event.target as HTMLInputElement).checked)} />}
          label={
            <FormLabel htmlFor="plan-in-neighbourhood" type="checkbox">
              {t('plan.inNeighbourhood')}
            </FormLabel>
          }
        />
        {kind && (
          <SelectField
            id="plan-initiator"
            label={t('plan.initiator')}
            value={initiatorSide}
            onChange={setInitiatorSide}
            error={fieldError('initiatorSide')}
            options={(['municipality', 'council'] as const).map((side) => ({ value: side, label: t(`meetingKinds.initiator.${side}`) }))}
          />
        )}
        <SelectField
          id="plan-chair"
          label={t('plan.chair')}
          value={chairUserId}
          onChange={setChairUserId}
          error={fieldError('chairUserId')}
          options={[
            { value: '', label: t('plan.noChair') },
            ...chairOptions.map((person) => ({
              value: person.userId,
              label: `${person.name} (${person.roles.map((role) => (role.portfolio ? `${t(`role.${role.role}`)} ${role.portfolio}` : t(`role.${role.role}`))).join(', ')})`,
            })),
          ]}
        />
        {kind && kind.character !== 'public' && kind.character !== 'closed' && (
          <FormField
            type="checkbox"
            input={<Checkbox id="plan-has-public-part" checked={hasPublicPart} onChange={(event) => setHasPublicPart((event.target as HTMLInputElement).checked)} />}
            label={
              <FormLabel htmlFor="plan-has-public-part" type="checkbox">
                {t('plan.hasPublicPart')}
              </FormLabel>
            }
          />
        )}
        {hasPublicPart && (
          <Fieldset>
            <FieldsetLegend>{t('plan.publicPart')}</FieldsetLegend>
            <div className="app-field-row">
              <TextField id="plan-public-start" label={t('plan.publicStartTime')} value={publicStart} onChange={setPublicStart} error={fieldError('publicPart.startsAt')} inputMode="numeric" />
              <TextField id="plan-public-end" label={t('plan.publicEndTime')} value={publicEnd} onChange={setPublicEnd} error={fieldError('publicPart.endsAt')} inputMode="numeric" />
            </div>
            <TextField id="plan-public-location" label={t('plan.publicLocation')} value={publicLocation} onChange={setPublicLocation} error={fieldError('publicPart.location')} />
          </Fieldset>
        )}
        <CheckboxGroup id="plan-groups" legend={t('plan.groups')} value={groups} onChange={setGroups} options={['college', 'subject_aldermen', 'council', 'advisor', 'officers', 'partners', 'municipal_council_members', 'residents'].map((group) => ({ value: group, label: t(`meetingKinds.group.${group}`) }))} />
        {kind?.needsDossiers && <CheckboxGroup id="plan-themes" legend={t('plan.themes')} value={themeIds} onChange={setThemeIds} options={(themes.data?.items ?? []).map((item) => ({ value: item.id, label: localName(item, language) }))} />}
        {mayOverride && brokeRule && <TextField id="plan-override" label={t('plan.override')} description={t('plan.overrideHint')} multiline value={overrideReason} onChange={setOverrideReason} error={fieldError('override.reason')} />}
        <div>
          <Button type="submit" appearance="primary-action-button" busy={plan.isPending}>
            {t('plan.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
