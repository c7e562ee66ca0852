import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { bodyFrom, type FieldDefinition, type FormValues, RecordForm } from '../../admin/components/RecordForm.tsx';
import { type MeetingKind, meetingKindsKey } from '../queries.ts';

const initiatorSides = ['municipality', 'council'];
const chairRules = ['neighbourhood_policy_alderman', 'subject_alderman', 'council', 'free'];
const participantGroups = ['college', 'subject_aldermen', 'council', 'advisor', 'officers', 'partners', 'municipal_council_members', 'residents'];
const characters = ['closed', 'closed_with_public_closing', 'closed_optional_public_part', 'public'];
const frequencyRules = ['every_years', 'yearly_target', 'per_council_term', 'none'];

/** The administrator tailors a kind of meeting: its texts in both languages and the rules the planner checks. */
export function MeetingKindForm({ municipality, kind, onDone }: { municipality: string; kind: MeetingKind; onDone(message: string): void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const choices = (prefix: string, values: string[]) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const fields: FieldDefinition[] = [
    { name: 'nameNl', label: t('field.nameNl'), kind: 'text', required: true },
    { name: 'nameEn', label: t('field.nameEn'), kind: 'text', required: true },
    { name: 'purposeNl', label: t('meetingKinds.field.purposeNl'), kind: 'textarea', required: true },
    { name: 'purposeEn', label: t('meetingKinds.field.purposeEn'), kind: 'textarea', required: true },
    { name: 'expectedResultNl', label: t('meetingKinds.field.expectedResultNl'), kind: 'textarea', required: true },
    { name: 'expectedResultEn', label: t('meetingKinds.field.expectedResultEn'), kind: 'textarea', required: true },
    { name: 'initiators', label: t('meetingKinds.initiators'), kind: 'checkboxes', options: choices('meetingKinds.initiator', initiatorSides) },
    { name: 'chairRule', label: t('meetingKinds.chair'), kind: 'select', required: true, options: choices('meetingKinds.chairRule', chairRules) },
    { name: 'requiredParticipants', label: t('meetingKinds.required'), kind: 'checkboxes', options: choices('meetingKinds.group', participantGroups) },
    { name: 'optionalParticipants', label: t('meetingKinds.optional'), kind: 'checkboxes', options: choices('meetingKinds.group', participantGroups) },
    { name: 'character', label: t('meetingKinds.character'), kind: 'select', required: true, options: choices('meetingKinds.characterOf', characters) },
    { name: 'frequencyRule', label: t('meetingKinds.frequency'), kind: 'select', required: true, options: choices('meetingKinds.frequencyRule', frequencyRules) },
    { name: 'frequencyValue', label: t('meetingKinds.field.frequencyValue'), kind: 'number', description: t('meetingKinds.field.frequencyValueHint') },
    { name: 'minutesDueWorkingDays', label: t('meetingKinds.field.minutesDueWorkingDays'), kind: 'number', description: t('meetingKinds.field.minutesDueWorkingDaysHint') },
  ];
  const initial: FormValues = {
    nameNl: kind.nameNl,
    nameEn: kind.nameEn,
    purposeNl: kind.purposeNl,
    purposeEn: kind.purposeEn,
    expectedResultNl: kind.expectedResultNl,
    expectedResultEn: kind.expectedResultEn,
    initiators: kind.initiators,
    chairRule: kind.chairRule,
    requiredParticipants: kind.requiredParticipants,
    optionalParticipants: kind.optionalParticipants,
    character: kind.character,
    frequencyRule: kind.frequencyRule,
    frequencyValue: kind.frequencyValue === null ? '' : String(kind.frequencyValue),
    minutesDueWorkingDays: kind.minutesDueWorkingDays === null ? '' : String(kind.minutesDueWorkingDays),
  };
  const save = useMutation({
    mutationFn: (values: FormValues) => {
      const body = bodyFrom(fields, values, false);
      // An emptied number means "none" for these two.
      for (const name of ['frequencyValue', 'minutesDueWorkingDays']) if (values[name] === '') body[name] = null;
      return api<MeetingKind>(tenantPath(municipality, `/meeting-kinds/${kind.id}`), { method: 'PATCH', body: { version: kind.version, ...body } });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: meetingKindsKey(municipality) });
      onDone(t('admin.saved', { name: saved.nameNl }));
    },
  });
  return (
    <RecordForm
      idPrefix={`meeting-kind-${kind.code}`}
      fields={fields}
      initial={initial}
      submitLabel={t('common.save')}
      busy={save.isPending}
      error={save.error}
      onSubmit={(values) => save.mutate(values)}
      onCancel={() => onDone('')}
    />
  );
}
