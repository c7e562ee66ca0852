import { Heading, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import type { PublicActionPlan as Plan } from '../../../api/types.ts';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { usePublicActionPlan } from '../queries.ts';

type Action = Plan['challenges'][number]['actions'][number];

/** One action: what, who and by when, and its status in words (a badge's colour alone tells a screen reader nothing). */
function ActionItem({ action }: { action: Action }) {
  const { t } = useI18n();
  return (
    <li>
      <p>
        <strong>{action.title}</strong>
      </p>
      {action.specific && <p>{action.specific}</p>}
      <p>
        {action.ownerName && <>{t('publicActionPlan.owner', { owner: action.ownerName })} · </>}
        {action.deadlineOn && (
          <>
            {t('publicActionPlan.deadline')} <CalendarDate value={action.deadlineOn} /> ·{' '}
          </>
        )}
        <span className="app-badge">{t(`publicActionPlan.status.${action.status}`)}</span>
        {action.isOverdue && <strong> {t('publicActionPlan.overdue')}</strong>}
      </p>
      {action.indicator && action.target !== null && (
        <p>
          {action.currentValue === null
            ? t('publicActionPlan.measureTarget', { indicator: action.indicator, target: action.target, unit: action.unit ?? '' })
            : t('publicActionPlan.measureNow', { indicator: action.indicator, current: action.currentValue, target: action.target, unit: action.unit ?? '' })}
        </p>
      )}
    </li>
  );
}

/**
 * The neighbourhood's wijkactieplan as adopted at the wijktafel, for every visitor: how far it is, per challenge what
 * is being done and by which organisation, what has been achieved, and the PDF. Nothing when there is no adopted plan.
 */
export function PublicActionPlan({ municipality, neighbourhoodId }: { municipality: string; neighbourhoodId: string }) {
  const { t, nameOf, language } = useI18n();
  const plan = usePublicActionPlan(municipality, neighbourhoodId).data;
  if (!plan) return null;
  const { rollup } = plan;
  const done = rollup.byStatus.done ?? 0;
  return (
    <section aria-labelledby="action-plan-heading" className="app-card">
      <Heading level={2} id="action-plan-heading">
        {t('publicActionPlan.heading')}
      </Heading>
      <Paragraph lead>{plan.title}</Paragraph>
      <Paragraph>
        {t('publicActionPlan.version', { number: plan.versionNumber })} <CalendarDate value={plan.adoptedOn} />. {t('publicActionPlan.period')} <CalendarDate value={plan.periodStartsOn} />{' '}
        {t('publicActionPlan.until')} <CalendarDate value={plan.periodEndsOn} />.{plan.isClosed && ` ${t('publicActionPlan.closed')}`}
      </Paragraph>
      <Paragraph>
        <label htmlFor="action-plan-progress">{t('publicActionPlan.doneCount', { done, total: rollup.counted })}</label>
        <br />
        <progress id="action-plan-progress" className="app-plan-progress" max={Math.max(rollup.counted, 1)} value={done} />
      </Paragraph>
      {(rollup.overdue > 0 || (rollup.byStatus.at_risk ?? 0) > 0) && (
        <Paragraph>{t('publicActionPlan.attention', { overdue: rollup.overdue, atRisk: rollup.byStatus.at_risk ?? 0 })}</Paragraph>
      )}
      {plan.challenges.map((challenge) => (
        <section key={challenge.id} aria-labelledby={`challenge-${challenge.id}`}>
          <Heading level={3} id={`challenge-${challenge.id}`}>
            {challenge.title}
          </Heading>
          {challenge.description && <Paragraph>{challenge.description}</Paragraph>}
          {challenge.themes.length > 0 && <Paragraph>{t('publicActionPlan.themes', { themes: challenge.themes.map((item) => nameOf(item)).join(', ') })}</Paragraph>}
          {challenge.actions.length === 0 ? (
            <Paragraph>{t('publicActionPlan.noActions')}</Paragraph>
          ) : (
            <ul className="app-plan-actions">
              {challenge.actions.map((action) => (
                <ActionItem key={action.id} action={action} />
              ))}
            </ul>
          )}
        </section>
      ))}
      <Heading level={3}>{t('publicActionPlan.successes')}</Heading>
      {plan.successes.length === 0 ? (
        <Paragraph>{t('publicActionPlan.noSuccesses')}</Paragraph>
      ) : (
        <UnorderedList>
          {plan.successes.map((success) => (
            <UnorderedListItem key={success.actionId}>
              {success.title}
              {success.doneOn && (
                <>
                  {' '}
                  — {t('publicActionPlan.doneOn')} <CalendarDate value={success.doneOn} />
                </>
              )}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      <Paragraph>
        <Link href={`/api/v1/municipalities/${encodeURIComponent(municipality)}/neighbourhoods/${neighbourhoodId}/action-plan/document?lang=${language}`} download>
          {t('publicActionPlan.downloadPdf')}
        </Link>
      </Paragraph>
    </section>
  );
}
