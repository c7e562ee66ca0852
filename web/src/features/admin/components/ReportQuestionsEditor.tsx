import { Button, ButtonGroup, Checkbox, Fieldset, FieldsetLegend, FormField, FormFieldErrorMessage, FormLabel, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useEffect, useRef, useState } from 'react';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

export type QuestionKind = 'text' | 'singlevaluelist';

/** An extra question of a category as the API keeps it (an Open311 attribute). */
export interface ReportQuestion {
  code: string;
  question: string;
  questionEn?: string;
  kind: QuestionKind;
  isRequired: boolean;
  options?: { key: string; name: string; nameEn?: string }[];
}

/** A question as typed; `id` is the browser's own, so a question keeps its inputs (and the focus) when it moves. */
export interface QuestionDraft {
  id: number;
  code: string;
  question: string;
  questionEn: string;
  kind: QuestionKind;
  isRequired: boolean;
  options: { key: string; name: string; nameEn: string }[];
}

let lastDraftId = 0;
const nextDraftId = () => {
  lastDraftId += 1;
  return lastDraftId;
};
const blankOption = () => ({ key: '', name: '', nameEn: '' });

export function questionDraftsOf(questions: readonly ReportQuestion[]): QuestionDraft[] {
  return questions.map((question) => ({
    id: nextDraftId(),
    code: question.code,
    question: question.question,
    questionEn: question.questionEn ?? '',
    kind: question.kind,
    isRequired: question.isRequired,
    options: (question.options ?? []).map((option) => ({ key: option.key, name: option.name, nameEn: option.nameEn ?? '' })),
  }));
}

/** The questions as the API takes them: no empty English texts, options only on a list question. */
export function questionsBodyOf(drafts: readonly QuestionDraft[]): ReportQuestion[] {
  return drafts.map((draft) => ({
    code: draft.code,
    question: draft.question,
    ...(draft.questionEn.trim() ? { questionEn: draft.questionEn } : {}),
    kind: draft.kind,
    isRequired: draft.isRequired,
    ...(draft.kind === 'singlevaluelist' ? { options: draft.options.map((option) => ({ key: option.key, name: option.name, ...(option.nameEn.trim() ? { nameEn: option.nameEn } : {}) })) } : {}),
  }));
}

/**
 * The category's extra questions: add, change, move up or down, remove. Nothing is kept until the category's form
 * is saved; each move and removal is said in a sentence (role=status) and the focus stays with the question.
 */
export function ReportQuestionsEditor(props: { idPrefix: string; questions: QuestionDraft[]; onChange(questions: QuestionDraft[]): void; error(field: string): string | undefined }) {
  const { t } = useI18n();
  const { questions, onChange } = props;
  const [said, setSaid] = useState('');
  const [focusTarget, setFocusTarget] = useState<string>();
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusTarget) return;
    const target = frame.current?.querySelector<HTMLElement>(`#${CSS.escape(focusTarget)}`);
    target?.focus();
    setFocusTarget(undefined);
  }, [focusTarget]);
  const id = (index: number | string, field: string) => `${props.idPrefix}-questions-${index}-${field}`;
  const nameOf = (question: QuestionDraft, index: number) => question.question.trim() || t('reportsAdmin.question.unnamed', { number: index + 1 });
  const update = (index: number, patch: Partial<QuestionDraft>) => onChange(questions.map((question, at) => (at === index ? { ...question, ...patch } : question)));
  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    const next = [...questions];
    [next[index], next[to]] = [next[to], next[index]];
    onChange(next);
    setSaid(t('reportsAdmin.question.moved', { name: nameOf(questions[index], index), position: to + 1, count: questions.length }));
    // The same button if it still goes somewhere, else the other one.
    const stillMoves = by === -1 ? to > 0 : to < questions.length - 1;
    setFocusTarget(`${props.idPrefix}-question-${questions[index].id}-${stillMoves === (by === -1) ? 'up' : 'down'}`);
  };
  const remove = (index: number) => {
    onChange(questions.filter((_, at) => at !== index));
    setSaid(t('reportsAdmin.question.removed', { name: nameOf(questions[index], index) }));
    setFocusTarget(`${props.idPrefix}-add-question`);
  };
  const add = () => {
    const draft: QuestionDraft = { id: nextDraftId(), code: '', question: '', questionEn: '', kind: 'text', isRequired: false, options: [] };
    onChange([...questions, draft]);
    setSaid(t('reportsAdmin.question.added', { number: questions.length + 1 }));
    setFocusTarget(id(questions.length, 'question'));
  };
  const setKind = (index: number, kind: QuestionKind) => {
    const question = questions[index];
    update(index, { kind, options: kind === 'singlevaluelist' && question.options.length === 0 ? [blankOption(), blankOption()] : question.options });
  };
  const updateOption = (index: number, optionIndex: number, patch: Partial<QuestionDraft['options'][number]>) =>
    update(index, { options: questions[index].options.map((option, at) => (at === optionIndex ? { ...option, ...patch } : option)) });

  return (
    <div ref={frame} className="admin-questions">
      <Heading level={4}>{t('reportsAdmin.questions')}</Heading>
      <Paragraph>{t('reportsAdmin.questionsIntro')}</Paragraph>
      {questions.length === 0 && <Paragraph>{t('reportsAdmin.noQuestions')}</Paragraph>}
      {questions.map((question, index) => (
        <Fieldset key={question.id} className="admin-question">
          <FieldsetLegend>{t('reportsAdmin.question.legend', { number: index + 1, name: question.question.trim() || t('reportsAdmin.question.new') })}</FieldsetLegend>
          <TextField id={id(index, 'question')} label={t('reportsAdmin.question.textNl')} required value={question.question} onChange={(text) => update(index, { question: text })} error={props.error(`questions.${index}.question`)} />
          <TextField id={id(index, 'questionEn')} label={t('reportsAdmin.question.textEn')} description={t('reportsAdmin.question.textEnHint')} value={question.questionEn} onChange={(text) => update(index, { questionEn: text })} error={props.error(`questions.${index}.questionEn`)} />
          <TextField id={id(index, 'code')} label={t('reportsAdmin.question.code')} description={t('reportsAdmin.question.codeHint')} required value={question.code} onChange={(code) => update(index, { code })} error={props.error(`questions.${index}.code`)} />
          <SelectField
            id={id(index, 'kind')}
            label={t('reportsAdmin.question.kind')}
            value={question.kind}
            onChange={(kind) => setKind(index, kind as QuestionKind)}
            options={(['text', 'singlevaluelist'] as const).map((kind) => ({ value: kind, label: t(`reportsAdmin.question.kind.${kind}`) }))}
            error={props.error(`questions.${index}.kind`)}
          />
          <FormField type="checkbox">
            <Paragraph>
              <Checkbox id={id(index, 'isRequired')} checked={question.isRequired} onChange={(event) => update(index, { isRequired: (event.target as HTMLInputElement).checked })} />{' '}
              <FormLabel htmlFor={id(index, 'isRequired')} type="checkbox">
                {t('reportsAdmin.question.isRequired')}
              </FormLabel>
            </Paragraph>
          </FormField>
          {question.kind === 'singlevaluelist' && (
            <Fieldset id={id(index, 'options')} invalid={Boolean(props.error(`questions.${index}.options`))} aria-describedby={props.error(`questions.${index}.options`) ? id(index, 'options-error') : undefined}>
              <FieldsetLegend>{t('reportsAdmin.question.options')}</FieldsetLegend>
              {props.error(`questions.${index}.options`) && <FormFieldErrorMessage id={id(index, 'options-error')}>{props.error(`questions.${index}.options`)}</FormFieldErrorMessage>}
              {question.options.map((option, optionIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: an answer has no identity until it is saved; the inputs are controlled.
                <div key={optionIndex} className="admin-question-option">
                  <TextField id={id(index, `options-${optionIndex}-name`)} label={t('reportsAdmin.question.optionNl', { number: optionIndex + 1 })} required value={option.name} onChange={(name) => updateOption(index, optionIndex, { name })} error={props.error(`questions.${index}.options.${optionIndex}.name`)} />
                  <TextField id={id(index, `options-${optionIndex}-nameEn`)} label={t('reportsAdmin.question.optionEn', { number: optionIndex + 1 })} value={option.nameEn} onChange={(nameEn) => updateOption(index, optionIndex, { nameEn })} error={props.error(`questions.${index}.options.${optionIndex}.nameEn`)} />
                  <TextField
                    id={id(index, `options-${optionIndex}-key`)}
                    label={t('reportsAdmin.question.optionKey', { number: optionIndex + 1 })}
                    description={t('reportsAdmin.question.optionKeyHint')}
                    required
                    value={option.key}
                    onChange={(key) => updateOption(index, optionIndex, { key })}
                    error={props.error(`questions.${index}.options.${optionIndex}.key`)}
                  />
                  <Button appearance="subtle-button" onClick={() => update(index, { options: question.options.filter((_, at) => at !== optionIndex) })}>
                    {t('reportsAdmin.question.removeOption', { name: option.name.trim() || t('reportsAdmin.question.optionNumber', { number: optionIndex + 1 }) })}
                  </Button>
                </div>
              ))}
              <Button appearance="secondary-action-button" onClick={() => update(index, { options: [...question.options, blankOption()] })}>
                {t('reportsAdmin.question.addOption')}
              </Button>
            </Fieldset>
          )}
          <ButtonGroup>
            <Button id={`${props.idPrefix}-question-${question.id}-up`} appearance="subtle-button" disabled={index === 0} onClick={() => move(index, -1)}>
              {t('reportsAdmin.question.up')}
              <span className="app-visually-hidden">: {nameOf(question, index)}</span>
            </Button>
            <Button id={`${props.idPrefix}-question-${question.id}-down`} appearance="subtle-button" disabled={index === questions.length - 1} onClick={() => move(index, 1)}>
              {t('reportsAdmin.question.down')}
              <span className="app-visually-hidden">: {nameOf(question, index)}</span>
            </Button>
            <Button appearance="subtle-button" onClick={() => remove(index)}>
              {t('reportsAdmin.question.remove')}
              <span className="app-visually-hidden">: {nameOf(question, index)}</span>
            </Button>
          </ButtonGroup>
        </Fieldset>
      ))}
      <Paragraph role="status" className={said ? undefined : 'app-visually-hidden'}>
        {said}
      </Paragraph>
      <Button id={`${props.idPrefix}-add-question`} appearance="secondary-action-button" onClick={add}>
        {t('reportsAdmin.question.add')}
      </Button>
    </div>
  );
}
