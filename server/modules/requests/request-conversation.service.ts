import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { requestNotices } from './request.notices.ts';
import type { RequestSteps } from './request-steps.ts';

/**
 * Messages between the submitter's side and the municipality, and internal notes that only municipal staff see
 * (§3.3: the advisor stays the point of contact). A message does not change the request's state or version.
 */
export function createConversationService(steps: RequestSteps) {
  const { clock } = steps;

  return {
    async postMessage(context: UseCaseContext, requestId: string, input: { text: string; isInternal: boolean }) {
      return inTransaction(steps.db, async (tx) => {
        const row = await steps.loadVisible(tx, context, requestId);
        const access = await steps.accessOf(tx, context, row);
        // On a public request anyone can read along, but only the two sides of it talk: the submitter's side and
        // those who handle it. Other staff read the notes but write none on a request that is not theirs.
        if (!access.isHandler && !access.isSubmitterSide) throw new DomainError('FORBIDDEN');
        if (input.isInternal && !access.isHandler) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.isInternal', code: 'staffOnly' }] });
        await steps.addEvent(tx, context, requestId, { kind: input.isInternal ? 'note' : 'message', text: input.text, isInternal: input.isInternal });
        await recordAudit(tx, clock, context, { action: input.isInternal ? 'request.note' : 'request.message', entityType: 'request', entityId: requestId, after: { length: input.text.length } });
        if (!input.isInternal) await steps.notifyOtherSide(tx, row, context, { topic: 'request.message', notice: requestNotices.message(row, input.text) });
        return steps.present(tx, context, row);
      });
    },
  };
}
