import { describe, expect, it } from 'vitest';
import { checkAnswers, handleByFor, overdueFactor, type ReportQuestion } from './report-category.rules.ts';

describe('the handling deadline of a report', () => {
  it.each([
    // A Monday report with 3 working days: Thursday.
    ['2026-11-30', 3, 'working', '2026-12-03'],
    // A Friday report: the weekend does not count.
    ['2026-12-04', 3, 'working', '2026-12-09'],
    // Christmas Day (a Friday) is a public holiday; Christmas Eve is not.
    ['2026-12-23', 3, 'working', '2026-12-29'],
    // King's Day 2027 is a Tuesday.
    ['2027-04-26', 1, 'working', '2027-04-28'],
    // Calendar days count the weekend and the holidays.
    ['2026-12-23', 3, 'calendar', '2026-12-26'],
    ['2026-12-04', 0, 'working', '2026-12-04'],
  ] as const)('reported on %s with %i %s days: handle by %s', (reportedOn, days, dayKind, expected) => {
    expect(handleByFor(reportedOn, { handlingDays: days, dayKind })).toBe(expected);
  });

  it('sets no deadline when the category has no handling term', () => {
    expect(handleByFor('2026-12-04', { handlingDays: null, dayKind: 'working' })).toBeNull();
  });

  it('counts how many times over its term a report is', () => {
    expect(overdueFactor('2026-12-01', '2026-12-04', '2026-12-04')).toBe(0);
    expect(overdueFactor('2026-12-01', '2026-12-04', '2026-12-10')).toBe(3);
    expect(overdueFactor('2026-12-01', null, '2027-01-01')).toBe(0);
  });
});

describe('answers to a category’s questions', () => {
  const questions: ReportQuestion[] = [
    { code: 'paalnummer', question: 'Nummer op de lantaarnpaal', kind: 'text', isRequired: false },
    { code: 'soort', question: 'Wat is er aan de hand?', kind: 'singlevaluelist', isRequired: true, options: [{ key: 'uit', name: 'Lamp is uit' }, { key: 'knippert', name: 'Lamp knippert' }] },
  ];
  it('accepts a required option and an empty optional answer', () => {
    expect(checkAnswers(questions, { soort: 'uit' })).toEqual([]);
  });
  it('names a missing required answer, an answer that is not an option and an unknown question', () => {
    expect(checkAnswers(questions, {})).toEqual([{ field: 'body.answers.soort', code: 'required' }]);
    expect(checkAnswers(questions, { soort: 'brandt' })).toEqual([{ field: 'body.answers.soort', code: 'notAnOption' }]);
    expect(checkAnswers(questions, { soort: 'uit', kleur: 'rood' })).toEqual([{ field: 'body.answers.kleur', code: 'unknownQuestion' }]);
  });
});
