import { Button, ButtonGroup, Checkbox, FormField, FormLabel, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useParams } from 'react-router';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import { Loading, ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type QuestionDraft, questionDraftsOf, questionsBodyOf, type ReportQuestion, ReportQuestionsEditor } from './ReportQuestionsEditor.tsx';

type DayKind = 'working' | 'calendar';
interface AdminCategory {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  handlingDays: number | null;
  dayKind: DayKind;
  departmentId: string | null;
  departmentName: string | null;
  questions: ReportQuestion[];
  isActive: boolean;
  version: number;
}
type AdminMain = AdminCategory & { subcategories: AdminCategory[] };

/** The form's values as typed; handlingDays stays text until it is sent. */
interface CategoryDraft {
  name: string;
  nameEn: string;
  handlingDays: string;
  dayKind: DayKind;
  departmentId: string;
  isActive: boolean;
  questions: QuestionDraft[];
}

const emptyDraft: CategoryDraft = { name: '', nameEn: '', handlingDays: '', dayKind: 'working', departmentId: '', isActive: true, questions: [] };

function draftOf(category: AdminCategory): CategoryDraft {
  return {
    name: category.name,
    nameEn: category.nameEn ?? '',
    handlingDays: category.handlingDays === null ? '' : String(category.handlingDays),
    dayKind: category.dayKind,
    departmentId: category.departmentId ?? '',
    isActive: category.isActive,
    questions: questionDraftsOf(category.questions),
  };
}

/** A main category only groups subcategories: its name and whether it is offered; term, routing and questions are the subcategories'. */
function mainBodyOf(draft: CategoryDraft) {
  return { name: draft.name, nameEn: draft.nameEn.trim() === '' ? null : draft.nameEn, isActive: draft.isActive };
}

function bodyOf(draft: CategoryDraft) {
  const days = draft.handlingDays.trim();
  return {
    questions: questionsBodyOf(draft.questions),
    name: draft.name,
    nameEn: draft.nameEn.trim() === '' ? null : draft.nameEn,
    handlingDays: days === '' ? null : /^\d+$/.test(days) ? Number(days) : days,
    dayKind: draft.dayKind,
    departmentId: draft.departmentId || null,
    isActive: draft.isActive,
  };
}

/** The categories reporters choose from, per main category; each subcategory edited in place, new ones added below. */
export function ReportCategoriesEditor() {
  const { municipality = '' } = useParams();
  const { t, nameOf } = useI18n();
  const queryClient = useQueryClient();
  const categories = useQuery({ queryKey: ['report-category-list', municipality], queryFn: () => api<{ items: AdminMain[] }>(tenantPath(municipality, '/report-category-list')) });
  const departments = useQuery({ queryKey: ['departments', municipality, 'all'], queryFn: () => api<{ items: { id: string; name: string; nameEn?: string | null }[] }>(tenantPath(municipality, '/departments?pageSize=100')) });
  const [editing, setEditing] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: ['report-category-list', municipality] });
    queryClient.invalidateQueries({ queryKey: ['report-categories'] });
  };
  if (categories.isPending) return <Loading />;
  if (categories.error) return <ProblemAlert error={categories.error} />;
  const departmentOptions = [{ value: '', label: t('reportsAdmin.noDepartment') }, ...(departments.data?.items ?? []).map((item) => ({ value: item.id, label: nameOf(item) }))];
  const term = (category: AdminCategory) => (category.handlingDays === null ? t('reportsAdmin.noTerm') : t(`reportsAdmin.term.${category.dayKind}`, { days: category.handlingDays }));
  const mains = categories.data.items;
  return (
    <section aria-labelledby="report-categories-heading">
      <Heading level={2} id="report-categories-heading">
        {t('reportsAdmin.categories')}
      </Heading>
      <Paragraph>{t('reportsAdmin.categoriesIntro')}</Paragraph>
      {done && <SuccessAlert>{done}</SuccessAlert>}
      {mains.map((main) => (
        <section key={main.id} aria-labelledby={`main-${main.id}`}>
          <Heading level={3} id={`main-${main.id}`}>
            {nameOf(main)}
            {main.isActive ? '' : ` (${t('reportsAdmin.inactive')})`}
          </Heading>
          {main.subcategories.length === 0 && <Paragraph>{t('reportsAdmin.noSubcategories')}</Paragraph>}
          <div className="app-card-table-frame" hidden={main.subcategories.length === 0}>
            <Table className="app-card-table admin-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('reportsAdmin.name')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('reportsAdmin.termHeading')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('reportsAdmin.department')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('reportsAdmin.active')}</TableHeaderCell>
                  <TableHeaderCell scope="col">
                    <span className="app-visually-hidden">{t('reportsAdmin.actions')}</span>
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {main.subcategories.map((sub) => (
                  <TableRow key={sub.id}>
                    <TableHeaderCell scope="row">{nameOf(sub)}</TableHeaderCell>
                    <TableCell data-label={t('reportsAdmin.termHeading')}>{term(sub)}</TableCell>
                    <TableCell data-label={t('reportsAdmin.department')}>{sub.departmentName ?? t('reportsAdmin.noDepartment')}</TableCell>
                    <TableCell data-label={t('reportsAdmin.active')}>{sub.isActive ? t('reportsAdmin.yes') : t('reportsAdmin.no')}</TableCell>
                    <TableCell className="admin-card-action">
                      <Button appearance="subtle-button" aria-expanded={editing === sub.id} aria-controls={editing === sub.id ? `edit-${sub.id}` : undefined} onClick={() => setEditing(editing === sub.id ? undefined : sub.id)}>
                        {t('reportsAdmin.edit')}
                        <span className="app-visually-hidden">: {nameOf(sub)}</span>
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {main.subcategories
            .filter((sub) => sub.id === editing)
            .map((sub) => (
              <CategoryForm
                key={sub.id}
                id={`edit-${sub.id}`}
                title={t('reportsAdmin.editTitle', { name: nameOf(sub) })}
                initial={draftOf(sub)}
                departmentOptions={departmentOptions}
                submitLabel={t('reportsAdmin.saveCategory')}
                send={(draft) => api<AdminCategory>(tenantPath(municipality, `/report-categories/${sub.id}`), { method: 'PATCH', body: { ...bodyOf(draft), version: sub.version } })}
                onSaved={(saved) => {
                  setEditing(undefined);
                  const questionsChanged = JSON.stringify(saved.questions) !== JSON.stringify(sub.questions);
                  const questions = questionsChanged ? ` ${saved.questions.length === 0 ? t('reportsAdmin.questionsNone') : t('reportsAdmin.questionsSaved', { count: saved.questions.length, list: saved.questions.map((question) => `“${question.question}”`).join(', ') })}` : '';
                  setDone(t(saved.isActive ? 'reportsAdmin.categorySaved' : 'reportsAdmin.categoryRetired', { name: saved.name }) + questions);
                  refresh();
                }}
                onCancel={() => setEditing(undefined)}
              />
            ))}
        </section>
      ))}
      <NewMainCategoryForm
        onCreated={(name) => {
          setDone(t('reportsAdmin.mainCategoryCreated', { name }));
          refresh();
        }}
      />
      <NewSubcategoryForm
        mains={mains}
        departmentOptions={departmentOptions}
        onCreated={(name, mainName) => {
          setDone(t('reportsAdmin.categoryCreated', { name, main: mainName }));
          refresh();
        }}
      />
    </section>
  );
}

function NewMainCategoryForm(props: { onCreated(name: string): void }) {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [round, setRound] = useState(0);
  return (
    <CategoryForm
      key={round}
      id="new-main-category"
      isMain
      title={t('reportsAdmin.addMainCategory')}
      initial={emptyDraft}
      departmentOptions={[]}
      submitLabel={t('reportsAdmin.addMainCategoryButton')}
      extraFields={(error) => <TextField id="category-new-main-category-code" label={t('reportsAdmin.code')} description={t('reportsAdmin.mainCodeDescription')} value={code} onChange={setCode} error={error('code')} required />}
      send={(draft) => api<AdminCategory>(tenantPath(municipality, '/report-categories'), { method: 'POST', body: { ...mainBodyOf(draft), code } })}
      onSaved={(saved) => {
        props.onCreated(saved.name);
        setCode('');
        setRound(round + 1);
      }}
    />
  );
}

function NewSubcategoryForm(props: { mains: AdminMain[]; departmentOptions: { value: string; label: string }[]; onCreated(name: string, mainName: string): void }) {
  const { municipality = '' } = useParams();
  const { t, nameOf } = useI18n();
  const [parentCode, setParentCode] = useState(props.mains[0]?.code ?? '');
  const [code, setCode] = useState('');
  const [round, setRound] = useState(0);
  return (
    <CategoryForm
      key={round}
      id="new-subcategory"
      title={t('reportsAdmin.addSubcategory')}
      initial={emptyDraft}
      departmentOptions={props.departmentOptions}
      submitLabel={t('reportsAdmin.addSubcategoryButton')}
      extraFields={(error) => (
        <>
          <SelectField id="category-new-subcategory-parentCode" label={t('reportsAdmin.mainCategory')} value={parentCode} onChange={setParentCode} options={props.mains.map((main) => ({ value: main.code, label: nameOf(main) }))} error={error('parentCode')} />
          <TextField id="category-new-subcategory-code" label={t('reportsAdmin.code')} description={t('reportsAdmin.codeDescription')} value={code} onChange={setCode} error={error('code')} required />
        </>
      )}
      send={(draft) => api<AdminCategory>(tenantPath(municipality, '/report-categories'), { method: 'POST', body: { ...bodyOf(draft), code, parentCode } })}
      onSaved={(saved) => {
        const main = props.mains.find((item) => item.code === parentCode);
        props.onCreated(saved.name, main ? nameOf(main) : parentCode);
        setCode('');
        setRound(round + 1);
      }}
    />
  );
}

function CategoryForm(props: {
  id: string;
  title: string;
  /** A main category's form: name, English name and active only. */
  isMain?: boolean;
  initial: CategoryDraft;
  departmentOptions: { value: string; label: string }[];
  submitLabel: string;
  extraFields?(error: (field: string) => string | undefined): ReactNode;
  send(draft: CategoryDraft): Promise<AdminCategory>;
  onSaved(saved: AdminCategory): void;
  onCancel?(): void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(props.initial);
  const save = useMutation({ mutationFn: props.send, onSuccess: props.onSaved });
  const problem = save.error instanceof ApiProblem ? save.error : undefined;
  const error = (field: string) => problem?.fieldError(`body.${field}`);
  // questions.0.code → category-…-questions-0-code: the error list's links find the input of the right question.
  const inputId = (field: string) => `category-${props.id}-${field.replace(/\./g, '-')}`;
  const change = (patch: Partial<CategoryDraft>) => setDraft({ ...draft, ...patch });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };
  return (
    <form id={props.id} className="app-form admin-panel admin-aside" onSubmit={onSubmit} noValidate aria-labelledby={`${props.id}-title`}>
      <Heading level={3} id={`${props.id}-title`}>
        {props.title}
      </Heading>
      <ProblemAlert error={save.error} fieldIds={Object.fromEntries((problem?.errors ?? []).map((fieldError) => [fieldError.field, inputId(fieldError.field.replace(/^body\./, ''))]))} />
      {props.extraFields?.(error)}
      <TextField id={inputId('name')} label={t('reportsAdmin.nameNl')} value={draft.name} onChange={(name) => change({ name })} error={error('name')} required />
      <TextField id={inputId('nameEn')} label={t('reportsAdmin.nameEn')} description={t('reportsAdmin.nameEnDescription')} value={draft.nameEn} onChange={(nameEn) => change({ nameEn })} error={error('nameEn')} />
      {!props.isMain && (
        <>
          <TextField id={inputId('handlingDays')} label={t('reportsAdmin.handlingDays')} description={t('reportsAdmin.handlingDaysDescription')} inputMode="numeric" value={draft.handlingDays} onChange={(handlingDays) => change({ handlingDays })} error={error('handlingDays')} />
          <SelectField id={inputId('dayKind')} label={t('reportsAdmin.dayKind')} value={draft.dayKind} onChange={(dayKind) => change({ dayKind: dayKind as DayKind })} options={(['working', 'calendar'] as const).map((kind) => ({ value: kind, label: t(`reportsAdmin.dayKind.${kind}`) }))} error={error('dayKind')} />
          <SelectField id={inputId('departmentId')} label={t('reportsAdmin.department')} description={t('reportsAdmin.departmentDescription')} value={draft.departmentId} onChange={(departmentId) => change({ departmentId })} options={props.departmentOptions} error={error('departmentId')} />
        </>
      )}
      <FormField type="checkbox">
        <Paragraph>
          <Checkbox id={inputId('isActive')} checked={draft.isActive} onChange={(event) => change({ isActive: (event.target as HTMLInputElement).checked })} />{' '}
          <FormLabel htmlFor={inputId('isActive')} type="checkbox">
            {t('reportsAdmin.isActive')}
          </FormLabel>
        </Paragraph>
      </FormField>
      {!props.isMain && <ReportQuestionsEditor idPrefix={`category-${props.id}`} questions={draft.questions} onChange={(questions) => change({ questions })} error={error} />}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
          {props.submitLabel}
        </Button>
        {props.onCancel && (
          <Button appearance="secondary-action-button" onClick={props.onCancel}>
            {t('reportsAdmin.cancel')}
          </Button>
        )}
      </ButtonGroup>
    </form>
  );
}
