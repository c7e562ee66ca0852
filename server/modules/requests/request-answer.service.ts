import type { Executor } from '../../db/client.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { addWeeks, dateInAmsterdam } from '../../platform/working-days.ts';
import type { AdvicePositionInput, AnswerRequest } from './request.contract.ts';
import type { RequestRow } from './request.repository.ts';
import { checkAdvicePosition, checkCarriedOut, checkVerdict, type DecidingBody, decidingBodyOf, checkVerdictChange, type RequestKind, type Verdict } from './request.rules.ts';
import { answerPolicyOf } from './request-settings.rules.ts';
import type { RequestSteps } from './request-steps.ts';
import { requestNotices } from './request.notices.ts';


function invalid(problems: ReturnType<typeof checkVerdict>) {
  return new DomainError('VALIDATION_FAILED', { fields: problems });
}

/** The answer protocol of §3.4: one verdict with its motivation, four-eyes review, updates, verdict changes, advice positions. */
export function createAnswerService(steps: RequestSteps) {
  const { clock } = steps;

  /** The columns an answer sets; an ooit starts its update cadence today. */
  function answerColumns(row: RequestRow, verdict: Verdict, today: string): Partial<RequestRow> {
    return {
      answeredAt: clock.now(),
      acknowledgedAt: row.acknowledgedAt ?? clock.now(),
      verdict: verdict.verdict,
      answer: verdict,
      proposedAnswer: null,
      nextUpdateDue: verdict.verdict === 'ooit' ? addWeeks(today, verdict.updateEveryWeeks) : null,
      updateRemindedFor: null,
      decisionRemindedAt: null,
    };
  }

  async function checkedVerdict(tx: Executor, context: UseCaseContext, verdict: Verdict, today: string) {
    const policy = answerPolicyOf(await steps.settingsOf(tx, context.municipalityId));
    const problems = checkVerdict(verdict, today, policy);
    if (problems.length > 0) throw invalid(problems);
  }

  const tellAnswer = (context: UseCaseContext, verdict: Verdict) => (tx: Executor, row: RequestRow) =>
    steps.notifySubmitterSide(tx, row, { notice: requestNotices.answered(row, verdict.verdict, verdict.motivation) }, context);

  return {
    /**
     * Exactly one verdict with its motivation. With four-eyes review on, an officer's answer waits for the
     * advisor as a proposal; the advisor's own answer goes out at once.
     */
    async answerRequest(context: UseCaseContext, requestId: string, input: AnswerRequest) {
      const today = dateInAmsterdam(clock.now());
      const { version, ...verdict } = input;
      // Validate before the transaction too, so the common mistakes answer fast; policy-dependent rules follow inside.
      const settings = await steps.settingsOf(steps.db, context.municipalityId);
      // The municipality's own minimum length, so the message names the number that counts.
      const basic = checkVerdict(verdict as Verdict, today, { shortTermWeeks: 52, minimumMotivationLength: settings.minimumMotivationLength });
      if (basic.length > 0) throw invalid(basic);
      const row = await steps.loadVisible(steps.db, context, requestId);
      const needsReview = settings.requiresAnswerReview && !(await steps.accessOf(steps.db, context, row)).canTriage;
      if (needsReview) {
        return steps.step(context, requestId, {
          action: 'proposeAnswer',
          version,
          authorise: (access) => access.canAnswer,
          prepare: async (tx) => {
            await checkedVerdict(tx, context, verdict as Verdict, today);
            return { proposedAnswer: { ...verdict, proposedBy: context.actor?.displayName ?? null, proposedByUserId: context.actor?.userId ?? null, proposedAt: clock.now().toISOString() } };
          },
          event: { kind: 'answerProposed', isInternal: true, text: verdict.motivation, data: { verdict: verdict.verdict } },
          notify: async (tx, current) => {
            await steps.notify(tx, current, await steps.advisorsOf(tx, current), { topic: 'request.review', notice: requestNotices.proposed(current, verdict.verdict, context.actor?.displayName) }, context);
          },
        });
      }
      return steps.step(context, requestId, {
        action: 'answer',
        version,
        authorise: (access) => access.canAnswer,
        prepare: async (tx, current) => {
          await checkedVerdict(tx, context, verdict as Verdict, today);
          return answerColumns(current, verdict as Verdict, today);
        },
        event: { kind: 'answered', text: verdict.motivation, data: { verdict: verdict.verdict } },
        notify: tellAnswer(context, verdict as Verdict),
      });
    },

    /** The advisor approves the proposed answer (it goes out as it is) or returns it with what to change. */
    async reviewAnswer(context: UseCaseContext, requestId: string, input: { version: number; decision: 'approve' | 'return'; comment?: string | null }) {
      const today = dateInAmsterdam(clock.now());
      let proposal: (Verdict & { proposedByUserId?: string | null }) | undefined;
      const loadProposal = (row: RequestRow) => {
        proposal = (row.proposedAnswer as typeof proposal) ?? undefined;
        if (!proposal) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.decision', code: 'nothingToReview' }] });
        return proposal;
      };
      if (input.decision === 'approve') {
        return steps.step(context, requestId, {
          action: 'answer',
          version: input.version,
          authorise: (access) => access.canTriage,
          prepare: async (tx, row) => {
            const { proposedBy: _by, proposedByUserId: _id, proposedAt: _at, ...verdict } = loadProposal(row) as Verdict & Record<string, unknown>;
            await checkedVerdict(tx, context, verdict as Verdict, today);
            return { ...answerColumns(row, verdict as Verdict, today), answer: verdict };
          },
          event: { kind: 'answered', text: null, data: { reviewed: true } },
          notify: (tx, row) => tellAnswer(context, row.answer as Verdict)(tx, row),
        });
      }
      return steps.step(context, requestId, {
        action: 'returnAnswer',
        version: input.version,
        authorise: (access) => access.canTriage,
        prepare: async (_tx, row) => {
          loadProposal(row);
          return { proposedAnswer: null };
        },
        event: { kind: 'answerReturned', isInternal: true, text: input.comment ?? null },
        notify: async (tx, row) => {
          if (proposal?.proposedByUserId) await steps.notify(tx, row, [proposal.proposedByUserId], { topic: 'request.review', notice: requestNotices.returned(row, input.comment ?? '') }, context);
        },
      });
    },

    /** An ooit becomes a nu or a nooit (§3.4). The earlier answer stays on the timeline. */
    async changeVerdict(context: UseCaseContext, requestId: string, input: AnswerRequest) {
      const today = dateInAmsterdam(clock.now());
      const { version, ...verdict } = input;
      return steps.step(context, requestId, {
        action: 'changeVerdict',
        version,
        authorise: (access) => access.canAnswer,
        prepare: async (tx, row) => {
          const policy = answerPolicyOf(await steps.settingsOf(tx, context.municipalityId));
          const problems = checkVerdictChange(row.verdict, verdict as Verdict, today, policy);
          if (problems.length > 0) throw invalid(problems);
          return { ...answerColumns(row, verdict as Verdict, today), answeredAt: row.answeredAt };
        },
        event: { kind: 'verdictChanged', text: verdict.motivation, data: { from: 'ooit', to: verdict.verdict } },
        notify: (tx, row) => steps.notifySubmitterSide(tx, row, { notice: requestNotices.verdictChanged(row, verdict.verdict, verdict.motivation) }, context),
      });
    },

    /** An ooit answer promises regular progress updates until the decision date (§3.4); each moves the next due date. */
    async postUpdate(context: UseCaseContext, requestId: string, input: { version: number; text: string }) {
      const today = dateInAmsterdam(clock.now());
      return steps.step(context, requestId, {
        action: 'postUpdate',
        version: input.version,
        authorise: (access) => access.canAnswer,
        prepare: async (_tx, row) => {
          if (row.verdict !== 'ooit') throw new DomainError('INVALID_TRANSITION', { params: { state: `${row.state} (${row.verdict ?? '—'})` } });
          const cadence = Number((row.answer as { updateEveryWeeks?: number } | null)?.updateEveryWeeks ?? 6);
          return { nextUpdateDue: addWeeks(today, cadence), updateRemindedFor: null };
        },
        event: { kind: 'updated', text: input.text },
        notify: (tx, row) => steps.notifySubmitterSide(tx, row, { notice: requestNotices.progress(row, input.text) }, context),
      });
    },

    /** The nu was carried out: the date goes on the request and the timeline, and the submitter's side hears of it. */
    async recordCarriedOut(context: UseCaseContext, requestId: string, input: { version: number; carriedOutOn: string; text?: string | null }) {
      return steps.step(context, requestId, {
        action: 'recordCarriedOut',
        version: input.version,
        authorise: (access) => access.canAnswer,
        prepare: async (_tx, row) => {
          const problems = checkCarriedOut(row.verdict, input.carriedOutOn, dateInAmsterdam(row.answeredAt ?? clock.now()), dateInAmsterdam(clock.now()));
          if (problems.length > 0) throw invalid(problems);
          return { carriedOutOn: input.carriedOutOn };
        },
        event: { kind: 'carriedOut', text: input.text ?? null, data: { carriedOutOn: input.carriedOutOn } },
        notify: (tx, row) => steps.notifySubmitterSide(tx, row, { topic: 'request.carriedOut', notice: requestNotices.carriedOut(row, input.carriedOutOn, input.text) }, context),
      });
    },

    /** Follows, follows partly or deviates; deviating names who decided, and the council is always told (§3.3). */
    async recordAdvicePosition(context: UseCaseContext, requestId: string, input: AdvicePositionInput) {
      return steps.step(context, requestId, {
        action: 'recordAdvicePosition',
        version: input.version,
        authorise: (access) => access.canAnswer,
        prepare: async (tx, row) => {
          const policy = answerPolicyOf(await steps.settingsOf(tx, context.municipalityId));
          const problems = checkAdvicePosition(row.kind as RequestKind, row.isFormalInspraak, input, policy);
          if (problems.length > 0) throw invalid(problems);
          return { advicePosition: { position: input.position, motivation: input.motivation, decidingBody: decidingBodyOf(row.isFormalInspraak, input), recordedOn: dateInAmsterdam(clock.now()) } };
        },
        event: { kind: 'advicePosition', text: input.motivation || null, data: { position: input.position } },
        notify: (tx, row) =>
          steps.notifySubmitterSide(
            tx,
            row,
            {
              topic: 'request.advicePosition',
              notice: requestNotices.advicePosition(row, input.position, (row.advicePosition as { decidingBody: DecidingBody | null }).decidingBody, input.motivation),
            },
            context,
          ),
      });
    },
  };
}
