import type { AdviceRequestRow } from './advice-request.repository.ts';
import type { RequestState } from './request.workflow.ts';

export function presentAdviceRequestSummary({ row, councilCount, adviceCount }: { row: AdviceRequestRow; councilCount: number; adviceCount: number }) {
  return { id: row.id, title: row.title, dueOn: row.dueOn, isFormalInspraak: row.isFormalInspraak, councilCount: Number(councilCount), adviceCount: Number(adviceCount), createdAt: row.createdAt.toISOString() };
}

/** The advice request with, per council asked, its advice once given. Council members' names are not in it. */
export function presentAdviceRequest(
  row: AdviceRequestRow,
  names: { requestedBy: string; department: { id: string; name: string } | null },
  answers: { councilId: string; councilName: string; adviceId: string | null; adviceTitle: string | null; adviceState: RequestState | null }[],
  canAnswerFor: string[],
) {
  const byCouncil = new Map<string, { council: { id: string; name: string }; advice: { id: string; title: string; state: RequestState } | null }>();
  for (const answer of answers) {
    if (byCouncil.has(answer.councilId)) continue;
    byCouncil.set(answer.councilId, {
      council: { id: answer.councilId, name: answer.councilName },
      advice: answer.adviceId ? { id: answer.adviceId, title: answer.adviceTitle ?? '', state: answer.adviceState as RequestState } : null,
    });
  }
  return {
    id: row.id,
    title: row.title,
    question: row.question,
    documents: row.documents,
    dueOn: row.dueOn,
    isFormalInspraak: row.isFormalInspraak,
    department: names.department,
    requestedBy: names.requestedBy,
    councils: [...byCouncil.values()],
    canAnswerFor,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}
