import { Button, Fieldset, FieldsetLegend, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { RequestSettings } from '../../requests/queries.ts';

type Kind = 'question' | 'request' | 'advice_solicited' | 'advice_unsolicited' | 'initiative';
type Scale = 'street' | 'area' | 'neighbourhood' | 'city_wide';

export type FullRequestSettings = RequestSettings & {
  deadlines: Partial<Record<Kind, { acknowledgeWithinWorkingDays: number; answerWithinWorkingDays: number }>>;
  minimumMotivationLength: number;
  decisionReminderDays: number;
  weightByScale: Record<Scale, 'large' | 'limited'>;
  cityWideAdvisorUserId: string | null;
  referencePrefix: string | null;
};

/** The two lists of the settings: front-line teams (§2.3) and answer templates per verdict; rows added and removed in place. */
export function ListEditor({ kind, settings, onChange, error }: { kind: 'teams' | 'templates'; settings: FullRequestSettings; onChange(patch: Partial<FullRequestSettings>): void; error(field: string): string | undefined }) {
  const { t } = useI18n();
  if (kind === 'teams') {
    const teams = settings.frontLineTeams;
    const set = (index: number, patch: Partial<(typeof teams)[number]>) => onChange({ frontLineTeams: teams.map((team, at) => (at === index ? { ...team, ...patch } : team)) });
    return (
      <section aria-labelledby="settings-teams">
        <Heading level={2} id="settings-teams">
          {t('settings.teams')}
        </Heading>
        <Paragraph>{t('settings.teamsIntro')}</Paragraph>
        {teams.map((team, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a new row has no identity until it is saved; the inputs are controlled.
          <Fieldset key={index}>
            <FieldsetLegend>{team.name || t('settings.newTeam')}</FieldsetLegend>
            <TextField id={`team-${index}-code`} label={t('settings.teamCode')} description={t('settings.teamCodeDescription')} value={team.code} onChange={(code) => set(index, { code })} error={error(`frontLineTeams.${index}.code`)} />
            <TextField id={`team-${index}-name`} label={t('settings.teamName')} value={team.name} onChange={(name) => set(index, { name })} error={error(`frontLineTeams.${index}.name`)} />
            <TextField id={`team-${index}-description`} label={t('settings.teamDescription')} value={team.description} onChange={(description) => set(index, { description })} />
            <Button appearance="subtle-button" onClick={() => onChange({ frontLineTeams: teams.filter((_, at) => at !== index) })}>
              {t('settings.remove', { name: team.name || t('settings.newTeam') })}
            </Button>
          </Fieldset>
        ))}
        <Button appearance="secondary-action-button" onClick={() => onChange({ frontLineTeams: [...teams, { code: '', name: '', description: '' }] })}>
          {t('settings.addTeam')}
        </Button>
      </section>
    );
  }
  const templates = settings.answerTemplates;
  const set = (index: number, patch: Partial<(typeof templates)[number]>) => onChange({ answerTemplates: templates.map((template, at) => (at === index ? { ...template, ...patch } : template)) });
  return (
    <section aria-labelledby="settings-templates">
      <Heading level={2} id="settings-templates">
        {t('settings.templates')}
      </Heading>
      <Paragraph>{t('settings.templatesIntro')}</Paragraph>
      {templates.map((template, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a new row has no identity until it is saved; the inputs are controlled.
        <Fieldset key={index}>
          <FieldsetLegend>{template.title || t('settings.newTemplate')}</FieldsetLegend>
          <SelectField id={`template-${index}-verdict`} label={t('answer.verdict')} value={template.verdict} onChange={(verdict) => set(index, { verdict: verdict as 'nu' | 'ooit' | 'nooit' })} options={['nu', 'ooit', 'nooit'].map((verdict) => ({ value: verdict, label: t(`verdict.${verdict}`) }))} />
          <TextField id={`template-${index}-title`} label={t('settings.templateTitle')} value={template.title} onChange={(title) => set(index, { title })} error={error(`answerTemplates.${index}.title`)} />
          <TextField id={`template-${index}-text`} label={t('settings.templateText')} multiline value={template.text} onChange={(text) => set(index, { text })} error={error(`answerTemplates.${index}.text`)} />
          <Button appearance="subtle-button" onClick={() => onChange({ answerTemplates: templates.filter((_, at) => at !== index) })}>
            {t('settings.remove', { name: template.title || t('settings.newTemplate') })}
          </Button>
        </Fieldset>
      ))}
      <Button appearance="secondary-action-button" onClick={() => onChange({ answerTemplates: [...templates, { verdict: 'nu', title: '', text: '' }] })}>
        {t('settings.addTemplate')}
      </Button>
    </section>
  );
}
