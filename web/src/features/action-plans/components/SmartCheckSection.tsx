import { Button, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useState } from 'react';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type ActionPlan, type SmartCheck, usePlanStep, useSmartCheck } from '../queries.ts';

type Finding = SmartCheck['findings'][number];
const keyOf = (finding: Pick<Finding, 'actionId' | 'challengeId' | 'code'>) => `${finding.actionId ?? ''}|${finding.challengeId ?? ''}|${finding.code}`;

/**
 * The SMART check before the wijktafel: errors to fix, warnings to accept with a reason. The advisor adopts from here;
 * the reasons are kept with the version.
 */
export function SmartCheckSection({ municipality, plan }: { municipality: string; plan: ActionPlan }) {
  const { t } = useI18n();
  const mayAdopt = plan.allowedActions.includes('adopt');
  const isRelevant = mayAdopt || plan.allowedActions.includes('edit');
  // Every step on the plan reads the check again (its query sits under the plan's key).
  const check = useSmartCheck(municipality, plan.id, isRelevant);
  if (!isRelevant) return null;
  return (
    <section aria-labelledby="smart-heading">
      <Heading level={2} id="smart-heading">
        {t('actionPlan.smartCheck')}
      </Heading>
      {check.isPending && <Loading />}
      <ProblemAlert error={check.error} />
      {check.data && (
        <>
          <Paragraph>{check.data.findings.length === 0 ? t('actionPlan.smartAllGood') : t('actionPlan.smartSummary', { errors: check.data.errors, warnings: check.data.warnings })}</Paragraph>
          {check.data.findings.some((finding) => finding.severity === 'error') && (
            <>
              <Heading level={3}>{t('actionPlan.smartErrors')}</Heading>
              <UnorderedList>
                {check.data.findings
                  .filter((finding) => finding.severity === 'error')
                  .map((finding) => (
                    <UnorderedListItem key={keyOf(finding)}>
                      <strong>{finding.subject}</strong>
                      {finding.letter && ` (${finding.letter})`}: {finding.message}
                    </UnorderedListItem>
                  ))}
              </UnorderedList>
            </>
          )}
          {mayAdopt && <Adopt municipality={municipality} plan={plan} check={check.data} />}
          {!mayAdopt && check.data.warnings > 0 && (
            <UnorderedList>
              {check.data.findings
                .filter((finding) => finding.severity === 'warning')
                .map((finding) => (
                  <UnorderedListItem key={keyOf(finding)}>
                    <strong>{finding.subject}</strong>: {finding.message}
                  </UnorderedListItem>
                ))}
            </UnorderedList>
          )}
        </>
      )}
    </section>
  );
}

function Adopt({ municipality, plan, check }: { municipality: string; plan: ActionPlan; check: SmartCheck }) {
  const { t } = useI18n();
  const warnings = check.findings.filter((finding) => finding.severity === 'warning');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [changeLog, setChangeLog] = useState('');
  const [adoptedOn, setAdoptedOn] = useState('');
  const isFirst = plan.currentVersionNumber === null;
  const step = usePlanStep<Record<string, unknown>>(municipality, plan.id, `/action-plans/${plan.id}/versions`, {
    done: () => t('actionPlan.adopted', { number: (plan.currentVersionNumber ?? 0) + 1 }),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const acceptedWarnings = warnings.filter((finding) => (reasons[keyOf(finding)] ?? '').trim() !== '').map((finding) => ({ actionId: finding.actionId, challengeId: finding.challengeId, code: finding.code, reason: reasons[keyOf(finding)] }));
    step.mutate({ acceptedWarnings, version: plan.version, ...(changeLog.trim() ? { changeLog } : {}), ...(adoptedOn ? { adoptedOn } : {}) });
  };
  return (
    <form className="app-form app-card" onSubmit={onSubmit} noValidate aria-labelledby="adopt-heading">
      <Heading level={3} id="adopt-heading">
        {isFirst ? t('actionPlan.adoptTitle') : t('actionPlan.adoptRevisionTitle', { number: (plan.currentVersionNumber ?? 0) + 1 })}
      </Heading>
      <Paragraph>{check.errors > 0 ? t('actionPlan.adoptBlocked') : t('actionPlan.adoptIntro')}</Paragraph>
      <ProblemAlert error={step.error} fieldIds={{ 'body.changeLog': 'adopt-change-log', 'body.adoptedOn': 'adopt-on' }} />
      {warnings.map((finding, index) => (
        <TextField
          key={keyOf(finding)}
          id={`warning-${index}`}
          label={`${finding.subject}: ${finding.message}`}
          description={t('actionPlan.acceptWarning')}
          value={reasons[keyOf(finding)] ?? ''}
          onChange={(value) => setReasons((current) => ({ ...current, [keyOf(finding)]: value }))}
        />
      ))}
      {!isFirst && <TextField id="adopt-change-log" label={t('actionPlan.changeLog')} multiline value={changeLog} onChange={setChangeLog} error={step.fieldError('changeLog')} required />}
      <TextField id="adopt-on" type="date" label={t('actionPlan.adoptedOn')} description={t('actionPlan.adoptedOnHint')} value={adoptedOn} onChange={setAdoptedOn} error={step.fieldError('adoptedOn')} />
      <div>
        <Button type="submit" appearance="primary-action-button" busy={step.isPending} disabled={check.errors > 0}>
          {t('actionPlan.adopt')}
        </Button>
      </div>
    </form>
  );
}
