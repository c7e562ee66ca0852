import { Button, ButtonGroup, Checkbox, Fieldset, FieldsetLegend, FormField, FormLabel, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import { Loading, ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AdminPage } from '../components/AdminPage.tsx';
import { ListCsvSection } from '../components/ListCsvSection.tsx';
import { ReportCategoriesEditor } from '../components/ReportCategoriesEditor.tsx';

const statuses = ['accepted', 'in_progress', 'planned', 'done', 'cancelled', 'forwarded', 'reopened'] as const;
type Status = (typeof statuses)[number];
type Texts = { nl: string; en: string };
type Reason = { code: string; nl: string; en: string; reopens: boolean };

interface ReportSettings {
  standardMessages: Partial<Record<Status, Texts>>;
  contactRetentionMonths: number;
  satisfactionReasons: Reason[];
  defaultStandardMessages: Record<Status, Texts>;
  version: string;
}

/** What the form holds: every status with two (possibly empty) texts, the months as typed. */
interface Draft {
  messages: Record<Status, Texts>;
  months: string;
  reasons: Reason[];
  version: string;
}

function draftOf(settings: ReportSettings): Draft {
  return {
    messages: Object.fromEntries(statuses.map((status) => [status, settings.standardMessages[status] ?? { nl: '', en: '' }])) as Record<Status, Texts>,
    months: String(settings.contactRetentionMonths),
    reasons: settings.satisfactionReasons,
    version: settings.version,
  };
}

/** The settings as the API takes them: a status with both texts empty uses the built-in text. */
function bodyOf(draft: Draft) {
  const standardMessages = Object.fromEntries(statuses.filter((status) => draft.messages[status].nl.trim() || draft.messages[status].en.trim()).map((status) => [status, draft.messages[status]]));
  return { standardMessages, contactRetentionMonths: /^\d+$/.test(draft.months.trim()) ? Number(draft.months) : draft.months, satisfactionReasons: draft.reasons, version: draft.version };
}

/** The input a field error of the API belongs to, so the error list links to it. */
function inputIdOf(field: string): string {
  const [, name, ...rest] = field.split('.');
  if (name === 'standardMessages') return `message-${rest.join('-')}`;
  if (name === 'satisfactionReasons') return `reason-${rest.join('-')}`;
  return `report-settings-${name}`;
}

/** /beheer/meldingen: the municipality's own standard messages, retention, satisfaction reasons and categories. */
export function ReportSettingsPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const queryClient = useQueryClient();
  return (
    <AdminPage title={t('admin.section.meldingen')} intro={t('reportsAdmin.intro')}>
      <SettingsForm />
      <ReportCategoriesEditor />
      <ListCsvSection
        municipality={municipality}
        path="/report-categories"
        importPath="/report-category-imports"
        onImported={() => queryClient.invalidateQueries({ queryKey: ['report-category-list', municipality] })}
      />
    </AdminPage>
  );
}

function SettingsForm() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const stored = useQuery({ queryKey: ['report-settings', municipality], queryFn: () => api<ReportSettings>(tenantPath(municipality, '/report-settings')) });
  const [draft, setDraft] = useState<Draft | undefined>();
  useEffect(() => {
    if (stored.data && !draft) setDraft(draftOf(stored.data));
  }, [stored.data, draft]);
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof bodyOf>) => api<ReportSettings>(tenantPath(municipality, '/report-settings'), { method: 'PUT', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['report-settings', municipality], saved);
      setDraft(draftOf(saved));
    },
  });
  if (stored.isPending || !draft || !stored.data) return stored.error ? <ProblemAlert error={stored.error} /> : <Loading />;
  const defaults = stored.data.defaultStandardMessages;
  const problem = save.error instanceof ApiProblem ? save.error : undefined;
  const error = (field: string) => problem?.fieldError(`body.${field}`);
  const setMessage = (status: Status, language: 'nl' | 'en', text: string) => setDraft({ ...draft, messages: { ...draft.messages, [status]: { ...draft.messages[status], [language]: text } } });
  const setReason = (index: number, patch: Partial<Reason>) => setDraft({ ...draft, reasons: draft.reasons.map((reason, at) => (at === index ? { ...reason, ...patch } : reason)) });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(bodyOf(draft));
  };
  return (
    <section aria-labelledby="report-settings-heading">
      <Heading level={2} id="report-settings-heading">
        {t('reportsAdmin.settings')}
      </Heading>
      {save.isSuccess && <SuccessAlert>{t('reportsAdmin.settingsSaved')}</SuccessAlert>}
      <ProblemAlert error={save.error} fieldIds={Object.fromEntries((problem?.errors ?? []).map((fieldError) => [fieldError.field, inputIdOf(fieldError.field)]))} />
      {problem?.status === 409 && (
        <Button appearance="secondary-action-button" onClick={() => stored.refetch().then((result) => result.data && setDraft(draftOf(result.data)))}>
          {t('reportsAdmin.loadLatest')}
        </Button>
      )}
      <form className="app-form app-form--wide" onSubmit={onSubmit} noValidate>
        <Heading level={3}>{t('reportsAdmin.messages')}</Heading>
        <Paragraph>{t('reportsAdmin.messagesIntro')}</Paragraph>
        {statuses.map((status) => (
          <Fieldset key={status}>
            <FieldsetLegend>{t(`reportStatus.${status}`)}</FieldsetLegend>
            {(['nl', 'en'] as const).map((language) => (
              <TextField
                key={language}
                id={`message-${status}-${language}`}
                label={t(`reportsAdmin.messageIn.${language}`)}
                description={t('reportsAdmin.builtIn', { text: defaults[status][language] })}
                multiline
                value={draft.messages[status][language]}
                onChange={(text) => setMessage(status, language, text)}
                error={error(`standardMessages.${status}.${language}`)}
              />
            ))}
          </Fieldset>
        ))}

        <Heading level={3}>{t('reportsAdmin.retention')}</Heading>
        <TextField
          id="report-settings-contactRetentionMonths"
          label={t('reportsAdmin.retentionMonths')}
          description={t('reportsAdmin.retentionDescription')}
          inputMode="numeric"
          value={draft.months}
          onChange={(months) => setDraft({ ...draft, months })}
          error={error('contactRetentionMonths')}
        />

        <Heading level={3}>{t('reportsAdmin.reasons')}</Heading>
        <Paragraph>{t('reportsAdmin.reasonsIntro')}</Paragraph>
        {draft.reasons.map((reason, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a new row has no identity until it is saved; the inputs are controlled.
          <Fieldset key={index}>
            <FieldsetLegend>{reason.nl || t('reportsAdmin.newReason')}</FieldsetLegend>
            <TextField id={`reason-${index}-code`} label={t('reportsAdmin.reasonCode')} description={t('reportsAdmin.reasonCodeDescription')} value={reason.code} onChange={(code) => setReason(index, { code })} error={error(`satisfactionReasons.${index}.code`)} />
            <TextField id={`reason-${index}-nl`} label={t('reportsAdmin.reasonNl')} value={reason.nl} onChange={(nl) => setReason(index, { nl })} error={error(`satisfactionReasons.${index}.nl`)} />
            <TextField id={`reason-${index}-en`} label={t('reportsAdmin.reasonEn')} value={reason.en} onChange={(en) => setReason(index, { en })} error={error(`satisfactionReasons.${index}.en`)} />
            <FormField type="checkbox">
              <Paragraph>
                <Checkbox id={`reason-${index}-reopens`} checked={reason.reopens} onChange={(event) => setReason(index, { reopens: (event.target as HTMLInputElement).checked })} />{' '}
                <FormLabel htmlFor={`reason-${index}-reopens`} type="checkbox">
                  {t('reportsAdmin.reasonReopens')}
                </FormLabel>
              </Paragraph>
            </FormField>
            <Button appearance="subtle-button" onClick={() => setDraft({ ...draft, reasons: draft.reasons.filter((_, at) => at !== index) })}>
              {t('reportsAdmin.removeReason', { name: reason.nl || t('reportsAdmin.newReason') })}
            </Button>
          </Fieldset>
        ))}
        <Button appearance="secondary-action-button" onClick={() => setDraft({ ...draft, reasons: [...draft.reasons, { code: '', nl: '', en: '', reopens: false }] })}>
          {t('reportsAdmin.addReason')}
        </Button>

        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
            {t('reportsAdmin.saveSettings')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
