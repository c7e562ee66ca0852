import { Button, ButtonGroup, Checkbox, FormField, FormLabel, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import type { UserList } from '../../../api/types.ts';
import { Loading, ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AdminPage } from '../components/AdminPage.tsx';
import { type FullRequestSettings, ListEditor } from '../components/RequestSettingsLists.tsx';

const kinds = ['question', 'request', 'advice_solicited', 'advice_unsolicited', 'initiative'] as const;
const scales = ['street', 'area', 'neighbourhood', 'city_wide'] as const;

/** The input a field error of the API belongs to, so the error list links to it. */
function inputIdOf(field: string): string {
  const [, name, ...rest] = field.split('.');
  if (name === 'deadlines') return `deadline-${rest.join('-')}`;
  if (name === 'frontLineTeams') return `team-${rest.join('-')}`;
  if (name === 'answerTemplates') return `template-${rest.join('-')}`;
  return `settings-${name}`;
}

/** /beheer/antwoordregels: the municipality's own rules for the answer protocol. */
export function RequestSettingsPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const stored = useQuery({ queryKey: ['request-settings', municipality], queryFn: () => api<FullRequestSettings>(tenantPath(municipality, '/request-settings')) });
  const advisors = useQuery({ queryKey: ['users', municipality, 'advisor'], queryFn: () => api<UserList>(tenantPath(municipality, '/users?role=advisor&pageSize=100')) });
  const [draft, setDraft] = useState<FullRequestSettings | undefined>();
  useEffect(() => {
    if (stored.data && !draft) setDraft(stored.data);
  }, [stored.data, draft]);
  const save = useMutation({
    mutationFn: (settings: FullRequestSettings) => api<FullRequestSettings>(tenantPath(municipality, '/request-settings'), { method: 'PUT', body: settings }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['request-settings', municipality], saved);
      setDraft(saved);
    },
  });
  if (stored.isPending || !draft) return stored.error ? <ProblemAlert error={stored.error} /> : <Loading />;
  const problem = save.error instanceof ApiProblem ? save.error : undefined;
  const error = (field: string) => problem?.fieldError(`body.${field}`);
  const number = (value: string) => (value === '' ? (Number.NaN as number) : Number(value));
  const change = (patch: Partial<FullRequestSettings>) => setDraft({ ...draft, ...patch });
  const deadline = (kind: (typeof kinds)[number]) => draft.deadlines[kind] ?? { acknowledgeWithinWorkingDays: 5, answerWithinWorkingDays: 20 };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };
  return (
    <AdminPage title={t('admin.section.antwoordregels')} intro={t('settings.intro')}>
      {save.isSuccess && <SuccessAlert>{t('settings.saved')}</SuccessAlert>}
      <ProblemAlert error={save.error} fieldIds={Object.fromEntries((problem?.errors ?? []).map((fieldError) => [fieldError.field, inputIdOf(fieldError.field)]))} />
      {problem?.status === 409 && (
        <Button appearance="secondary-action-button" onClick={() => stored.refetch().then((result) => result.data && setDraft(result.data))}>
          {t('settings.loadLatest')}
        </Button>
      )}
      <form className="app-form app-form--wide" onSubmit={onSubmit} noValidate>
        <Heading level={2}>{t('settings.deadlines')}</Heading>
        <Paragraph>{t('settings.deadlinesIntro')}</Paragraph>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('settings.kind')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('settings.acknowledgeDays')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('settings.answerDays')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {kinds.map((kind) => (
              <TableRow key={kind}>
                <TableHeaderCell scope="row">{t(`requestKind.${kind}`)}</TableHeaderCell>
                {(['acknowledgeWithinWorkingDays', 'answerWithinWorkingDays'] as const).map((field) => (
                  <TableCell key={field}>
                    <TextField
                      id={`deadline-${kind}-${field}`}
                      label={`${t(`requestKind.${kind}`)}: ${field === 'acknowledgeWithinWorkingDays' ? t('settings.acknowledgeDays') : t('settings.answerDays')}`}
                      value={Number.isNaN(deadline(kind)[field]) ? '' : String(deadline(kind)[field])}
                      onChange={(value) => change({ deadlines: { ...draft.deadlines, [kind]: { ...deadline(kind), [field]: number(value) } } })}
                      error={error(`deadlines.${kind}.${field}`)}
                    />
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>

        <Heading level={2}>{t('settings.answers')}</Heading>
        <TextField
          id="settings-referencePrefix"
          label={t('settings.referencePrefix')}
          description={t('settings.referencePrefixDescription', { example: `${draft.referencePrefix || municipality.replace(/[^a-z]/gi, '').slice(0, 3).toUpperCase()}-${new Date().getFullYear()}-0142` })}
          value={draft.referencePrefix ?? ''}
          onChange={(value) => change({ referencePrefix: value.trim() === '' ? null : value.toUpperCase() })}
          error={error('referencePrefix')}
        />
        <TextField id="settings-shortTermWeeks" label={t('settings.shortTermWeeks')} description={t('settings.shortTermWeeksDescription')} value={String(draft.shortTermWeeks)} onChange={(value) => change({ shortTermWeeks: number(value) })} error={error('shortTermWeeks')} />
        <TextField id="settings-defaultUpdateEveryWeeks" label={t('settings.defaultUpdateEveryWeeks')} value={String(draft.defaultUpdateEveryWeeks)} onChange={(value) => change({ defaultUpdateEveryWeeks: number(value) })} error={error('defaultUpdateEveryWeeks')} />
        <TextField id="settings-decisionReminderDays" label={t('settings.decisionReminderDays')} value={String(draft.decisionReminderDays)} onChange={(value) => change({ decisionReminderDays: number(value) })} error={error('decisionReminderDays')} />
        <TextField id="settings-minimumMotivationLength" label={t('settings.minimumMotivationLength')} value={String(draft.minimumMotivationLength)} onChange={(value) => change({ minimumMotivationLength: number(value) })} error={error('minimumMotivationLength')} />
        <SelectField
          id="settings-cityWideAdvisorUserId"
          label={t('settings.cityWideAdvisor')}
          description={t('settings.cityWideAdvisorDescription')}
          value={draft.cityWideAdvisorUserId ?? ''}
          onChange={(value) => change({ cityWideAdvisorUserId: value || null })}
          options={[{ value: '', label: t('settings.cityWideAdvisorAny') }, ...(advisors.data?.items ?? []).map((user) => ({ value: user.id, label: user.displayName }))]}
          error={error('cityWideAdvisorUserId')}
        />
        <FormField type="checkbox">
          <Paragraph>
            <Checkbox id="settings-requiresAnswerReview" checked={draft.requiresAnswerReview} onChange={(event) => change({ requiresAnswerReview: (event.target as HTMLInputElement).checked })} />{' '}
            <FormLabel htmlFor="settings-requiresAnswerReview" type="checkbox">
              {t('settings.requiresAnswerReview')}
            </FormLabel>
          </Paragraph>
        </FormField>

        <Heading level={2}>{t('settings.weight')}</Heading>
        <Paragraph>{t('settings.weightIntro')}</Paragraph>
        {scales.map((scale) => (
          <SelectField
            key={scale}
            id={`settings-weight-${scale}`}
            label={t(`scale.${scale}`)}
            value={draft.weightByScale[scale]}
            onChange={(value) => change({ weightByScale: { ...draft.weightByScale, [scale]: value as 'large' | 'limited' } })}
            options={['large', 'limited'].map((weight) => ({ value: weight, label: t(`weight.${weight}`) }))}
          />
        ))}

        <ListEditor kind="teams" settings={draft} onChange={change} error={error} />
        <ListEditor kind="templates" settings={draft} onChange={change} error={error} />

        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
            {t('settings.save')}
          </Button>
        </ButtonGroup>
      </form>
    </AdminPage>
  );
}
