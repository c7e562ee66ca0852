import { DataList, DataListItem, DataListKey, DataListValue, Heading, OrderedList, OrderedListItem, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { useParams } from 'react-router';
import { hasRole, useSession } from '../../../api/session.ts';
import type { Request } from '../../../api/types.ts';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AnswerForm } from '../components/AnswerForm.tsx';
import { ProgressUpdateForm } from '../components/ProgressUpdateForm.tsx';
import { TriagePanel } from '../components/TriagePanel.tsx';
import { useRequest } from '../queries.ts';

function Fact({ label, value, isDate = false }: { label: string; value: string; isDate?: boolean }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue value={value}>{isDate ? <CalendarDate value={value} /> : value}</DataListValue>
    </DataListItem>
  );
}

/** The answer in words: what happens (nu), on what it depends and when a definite answer follows (ooit), or why not (nooit). */
function AnswerView({ request }: { request: Request }) {
  const { t } = useI18n();
  const answer = request.answer as Record<string, unknown> | null;
  if (!answer || !request.verdict) return null;
  return (
    <section aria-labelledby="answer-view-heading" className="app-card">
      <Heading level={2} id="answer-view-heading">
        {t('answerView.title', { verdict: t(`verdict.${request.verdict}`) })}
      </Heading>
      <Paragraph>{String(answer.motivation)}</Paragraph>
      <DataList>
        {request.verdict === 'nu' && <Fact label={t('answer.action')} value={String(answer.action)} />}
        {request.verdict === 'nu' && <Fact label={t('answer.plannedOn')} value={String(answer.plannedOn)} isDate />}
        {request.verdict === 'ooit' && <Fact label={t('answer.decisionDueOn')} value={String(answer.decisionDueOn)} isDate />}
        {request.verdict === 'ooit' && request.nextUpdateDue && <Fact label={t('answerView.nextUpdate')} value={request.nextUpdateDue} isDate />}
      </DataList>
      {request.verdict === 'ooit' && (
        <UnorderedList>
          {(answer.conditions as { kind: string; text: string }[]).map((condition) => (
            <UnorderedListItem key={condition.text}>
              {t(`conditionKind.${condition.kind}`)}: {condition.text}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {request.verdict === 'nooit' && (
        <UnorderedList>
          {(answer.reasons as string[]).map((reason) => (
            <UnorderedListItem key={reason}>{t(`refusalReason.${reason}`)}</UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}

export function RequestPage() {
  const { municipality = '', requestId = '' } = useParams();
  const { t, language } = useI18n();
  const session = useSession(municipality);
  const request = useRequest(municipality, requestId);
  if (request.isPending) return <Loading />;
  if (request.error || !request.data) return <ProblemAlert error={request.error} />;
  const item = request.data;
  const isAdvisor = hasRole(session.data, 'advisor');
  const canAnswerHere = (isAdvisor || hasRole(session.data, 'officer')) && ['submitted', 'acknowledged', 'routed'].includes(item.state);
  return (
    <>
      <PageTitle>{item.title}</PageTitle>
      <Paragraph>
        {t(`requestKind.${item.kind}`)} · {item.neighbourhood?.name ?? t('submit.cityWide')} · {item.verdict ? t(`verdict.${item.verdict}`) : t(`requestState.${item.state}`)}
        {item.isOverdue && <strong> · {t('requests.overdue')}</strong>}
      </Paragraph>
      <div className="app-columns">
        <div>
          <Paragraph>{item.body}</Paragraph>
          <AnswerView request={item} />
          {isAdvisor && ['submitted', 'acknowledged', 'routed'].includes(item.state) && <TriagePanel municipality={municipality} request={item} />}
          {canAnswerHere && <AnswerForm municipality={municipality} request={item} />}
          {(isAdvisor || hasRole(session.data, 'officer')) && item.state === 'answered' && item.verdict === 'ooit' && <ProgressUpdateForm municipality={municipality} request={item} />}
        </div>
        <div>
          <Heading level={2}>{t('requestPage.facts')}</Heading>
          <DataList>
            {item.council && <Fact label={t('requestPage.council')} value={item.council.name} />}
            {item.submittedBy && <Fact label={t('requestPage.submittedBy')} value={item.submittedBy} />}
            <Fact label={t('submit.scale')} value={t(`scale.${item.scale}`)} />
            <Fact label={t('requestPage.weight')} value={t(`weight.${item.weight}`)} />
            <Fact label={t('requests.acknowledgeBy')} value={item.acknowledgeBy} isDate />
            <Fact label={t('requests.answerBy')} value={item.answerBy} isDate />
            {item.leadDepartment && <Fact label={t('triage.department')} value={item.leadDepartment.name} />}
            {item.themes.length > 0 && <Fact label={t('submit.theme')} value={item.themes.map((theme) => theme.name).join(', ')} />}
          </DataList>
          <Heading level={2}>{t('requestPage.timeline')}</Heading>
          <OrderedList>
            {item.timeline.map((event) => (
              <OrderedListItem key={`${event.kind}-${event.occurredAt}`}>
                {new Date(event.occurredAt).toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB')}: {t(`requestEvent.${event.kind}`)} ({event.actorLabel})
                {event.kind === 'updated' && event.text ? `: ${event.text}` : ''}
              </OrderedListItem>
            ))}
          </OrderedList>
        </div>
      </div>
    </>
  );
}
