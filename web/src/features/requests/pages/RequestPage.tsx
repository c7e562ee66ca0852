import { FollowButton } from '../components/FollowButton.tsx';
import { RequestInPlan } from '../../action-plans/components/RequestInPlan.tsx';
import { SupportStatementView } from '../components/SupportStatementView.tsx';
import { DataList, DataListItem, DataListKey, DataListValue, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import type { ReactNode } from 'react';
import { useLocation, useParams } from 'react-router';
import type { Request, RequestUserAction } from '../../../api/types.ts';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AppLink } from '../../../components/AppLink.tsx';
import { AdvicePositionForm } from '../components/AdvicePositionForm.tsx';
import { AnswerForm } from '../components/AnswerForm.tsx';
import { AttachmentsSection } from '../components/AttachmentsSection.tsx';
import { CarriedOutForm } from '../components/CarriedOutForm.tsx';
import { FormalInspraakPanel } from '../components/FormalInspraakPanel.tsx';
import { ConversationPanel } from '../components/ConversationPanel.tsx';
import { LifecyclePanel } from '../components/LifecyclePanel.tsx';
import { LinkPanel } from '../components/LinkPanel.tsx';
import { ReferralPanel } from '../components/ReferralPanel.tsx';
import { RequestTimeline } from '../components/RequestTimeline.tsx';
import { ReviewPanel } from '../components/ReviewPanel.tsx';
import { ProgressUpdateForm } from '../components/ProgressUpdateForm.tsx';
import { TriagePanel } from '../components/TriagePanel.tsx';
import { useRequest } from '../queries.ts';
import { RequestStatusArea } from '../components/RequestStatus.tsx';
import { SubmittedConfirmation } from '../components/SubmittedConfirmation.tsx';

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
      {request.advicePosition && (
        <>
          <Heading level={3}>{t(`advicePosition.${request.advicePosition.position}`)}</Heading>
          {request.advicePosition.decidingBody && <Paragraph>{t('position.decidedBy', { body: t(`decidingBody.${request.advicePosition.decidingBody}`) })}</Paragraph>}
          {request.advicePosition.motivation && <Paragraph>{request.advicePosition.motivation}</Paragraph>}
        </>
      )}
    </section>
  );
}

/** Links to duplicates and related requests, both ways. */
function LinksView({ municipality, request }: { municipality: string; request: Request }) {
  const { t } = useI18n();
  if (request.links.length === 0) return null;
  return (
    <>
      <Heading level={2}>{t('links.heading')}</Heading>
      <UnorderedList>
        {request.links.map((link) => (
          <UnorderedListItem key={link.id}>
            {t(`links.kind.${link.kind}`)}: <AppLink to={`/${municipality}/vragen/${link.id}`}>{link.title}</AppLink> ({t(`requestState.${link.state}`)})
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </>
  );
}

export function RequestPage() {
  const { municipality = '', requestId = '' } = useParams();
  // The address takes the id or the reference (HLM-2026-0142); the API finds the request by either.
  const request = useRequest(municipality, requestId);
  const isJustSubmitted = (useLocation().state as { isJustSubmitted?: boolean } | null)?.isJustSubmitted === true;
  if (request.isPending) return <Loading />;
  if (request.error || !request.data) return <ProblemAlert error={request.error} />;
  const item = request.data;
  return <RequestStatusArea>{(status) => <RequestDetails municipality={municipality} item={item} status={status} isJustSubmitted={isJustSubmitted} />}</RequestStatusArea>;
}

/** The request with the forms the viewer may use; `status` is the message of the last step taken here. */
function RequestDetails({ municipality, item, status, isJustSubmitted }: { municipality: string; item: Request; status: ReactNode; isJustSubmitted: boolean }) {
  const { t } = useI18n();
  // The server says what this person may do with this request now (its state × their roles): the page shows
  // exactly those forms, so nobody fills in one that would be refused.
  const may = (action: RequestUserAction) => item.allowedActions.includes(action);
  const handlesRequest = may('writeNote');
  // The page reads top-down: the question and its answer, then the one step this person is expected to take
  // next; the other things they may do wait behind "Meer acties".
  const steps: { key: string; isShown: boolean; element: ReactNode }[] = [
    { key: 'review', isShown: Boolean(item.proposedAnswer), element: <ReviewPanel municipality={municipality} request={item} canReview={may('reviewAnswer')} /> },
    { key: 'triage', isShown: may('acknowledge') || may('route'), element: <TriagePanel municipality={municipality} request={item} /> },
    { key: 'answer', isShown: may('answer') && !item.proposedAnswer, element: <AnswerForm municipality={municipality} request={item} isAdvisor={may('reviewAnswer') || may('route')} /> },
    { key: 'update', isShown: may('postUpdate'), element: <ProgressUpdateForm municipality={municipality} request={item} /> },
    { key: 'carriedOut', isShown: may('recordCarriedOut') || (handlesRequest && Boolean(item.carriedOutOn)), element: <CarriedOutForm municipality={municipality} request={item} /> },
    { key: 'advicePosition', isShown: may('recordAdvicePosition'), element: <AdvicePositionForm municipality={municipality} request={item} /> },
    { key: 'changeVerdict', isShown: may('changeVerdict'), element: <AnswerForm municipality={municipality} request={item} mode="changeVerdict" /> },
    { key: 'formalInspraak', isShown: may('setFormalInspraak'), element: <FormalInspraakPanel municipality={municipality} request={item} /> },
    { key: 'referral', isShown: may('refer') || may('updateReferral'), element: <ReferralPanel municipality={municipality} request={item} /> },
    { key: 'links', isShown: may('link') && may('markDuplicate'), element: <LinkPanel municipality={municipality} request={item} /> },
    { key: 'lifecycle', isShown: may('close') || may('reopen'), element: <LifecyclePanel municipality={municipality} request={item} /> },
  ].filter((step) => step.isShown);
  const [nextStep, ...otherSteps] = steps;
  return (
    <>
      <PageTitle>{item.title}</PageTitle>
      {isJustSubmitted && <SubmittedConfirmation municipality={municipality} request={item} />}
      {status}
      <Paragraph>
        <span className="app-nowrap">{item.reference}</span> · {t(`requestKind.${item.kind}`)} · {item.neighbourhood?.name ?? t('submit.cityWide')} · {item.verdict ? t(`verdict.${item.verdict}`) : t(`requestState.${item.state}`)}
        {item.isOverdue && <strong> · {t('requests.overdue')}</strong>}
      </Paragraph>
      <div className="app-columns">
        <div>
          <Paragraph className="app-preserve-lines">{item.body}</Paragraph>
          <AnswerView request={item} />
          {(may('follow') || may('unfollow')) && <FollowButton municipality={municipality} request={item} />}
          <SupportStatementView request={item} />
          {nextStep && <div className="app-next-step">{nextStep.element}</div>}
          {otherSteps.length > 0 && (
            <details className="app-more-actions">
              <summary>{t('requestPage.moreActions')}</summary>
              {otherSteps.map((step) => (
                <div key={step.key}>{step.element}</div>
              ))}
            </details>
          )}
          {/* The files and the conversation follow the step. */}
          <AttachmentsSection municipality={municipality} request={item} />
          {may('postMessage') && <ConversationPanel municipality={municipality} request={item} isStaff={handlesRequest} />}
        </div>
        <div>
          <Heading level={2}>{t('requestPage.facts')}</Heading>
          <DataList>
            <Fact label={t('requestPage.reference')} value={item.reference} />
            {item.council && <Fact label={t('requestPage.council')} value={item.council.name} />}
            {item.submittedBy && <Fact label={t('requestPage.submittedBy')} value={item.submittedBy} />}
            <Fact label={t('submit.scale')} value={t(`scale.${item.scale}`)} />
            <Fact label={t('requestPage.weight')} value={t(`weight.${item.weight}`)} />
            <Fact label={t('requests.acknowledgeBy')} value={item.acknowledgeBy} isDate />
            <Fact label={t('requests.answerBy')} value={item.answerBy} isDate />
            {item.leadDepartment && <Fact label={t('triage.department')} value={item.leadDepartment.name} />}
            {item.themes.length > 0 && <Fact label={t('submit.theme')} value={item.themes.map((theme) => theme.name).join(', ')} />}
            {item.referral && <Fact label={t('referral.fact')} value={`${item.referral.name} (${t(`referralState.${item.referral.state}`)})`} />}
            {item.isFormalInspraak && <Fact label={t('formalInspraak.fact')} value={t('common.yes')} />}
            {item.carriedOutOn && <Fact label={t('carriedOut.fact')} value={item.carriedOutOn} isDate />}
            {item.adviceRequest && (
              <DataListItem>
                <DataListKey>{t('adviceRequest.answersTo')}</DataListKey>
                <DataListValue value={item.adviceRequest.title}>
                  <AppLink to={`/${municipality}/adviesaanvragen/${item.adviceRequest.id}`}>{item.adviceRequest.title}</AppLink>
                </DataListValue>
              </DataListItem>
            )}
          </DataList>
          <RequestInPlan municipality={municipality} requestId={item.id} isStaff={handlesRequest} />
          <LinksView municipality={municipality} request={item} />
          <RequestTimeline request={item} />
        </div>
      </div>
    </>
  );
}
