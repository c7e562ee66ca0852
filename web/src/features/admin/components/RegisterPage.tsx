import { Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AdminPage } from './AdminPage.tsx';
import { DeleteConfirmation } from './DeleteConfirmation.tsx';
import { FocusOnChange } from './FocusOnChange.tsx';
import { type Outcome, OutcomeMessage } from './Messages.tsx';
import { Pagination } from './Pagination.tsx';
import { bodyFrom, type FieldDefinition, type FormValues, RecordForm } from './RecordForm.tsx';

type Versioned = { id: string; version: number };

export interface RegisterDefinition<Item extends Versioned> {
  /** Catalogue key prefix, e.g. "admin.departments": .title, .intro, .new, .deleteConsequence… */
  textKey: string;
  /** API path below the municipality, e.g. "/departments". */
  path: string;
  columns: { label: string; value(item: Item): ReactNode }[];
  fields: FieldDefinition[];
  valuesOf(item: Item | undefined): FormValues;
  nameOf(item: Item): string;
  /** The API searches this list (?search=). */
  isSearchable?: boolean;
  /** Records with more to edit get a page of their own; the others are edited in the row. */
  editHref?(item: Item): string;
  /** What a person may want to do right after creating one, e.g. draw its boundary. */
  nextAfterCreate?(item: Item): ReactNode;
  /** Said before deleting: what else goes with it. */
  deleteConsequence?: string;
  /** What to do first when other data still points to the record (409 IN_USE). */
  inUseExplanation?: string;
  /** More on the page below the register, e.g. importing a whole file of records. */
  extra?(refresh: () => void): ReactNode;
}

type Mode = { kind: 'new' } | { kind: 'edit'; id: string } | { kind: 'delete'; id: string } | null;

export const registerKey = (municipality: string, path: string) => ['admin', municipality, path];

const pageSize = 25;

/**
 * One register of the municipality (wijken, departments, themes…): a searchable, paged table, a form to add
 * one, and per row a form to change it (or a link to its own page) and a guarded delete. Stale edits and
 * duplicates come back as problems a person can act on.
 */
export function RegisterPage<Item extends Versioned>({ definition }: { definition: RegisterDefinition<Item> }) {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.get('zoek') ?? '';
  const page = Math.max(1, Number(searchParams.get('pagina')) || 1);
  const [draftSearch, setDraftSearch] = useState(search);
  const [mode, setMode] = useState<Mode>(null);
  const [pageTurn, setPageTurn] = useState<object | null>(null);
  // A record deleted on its own page comes back here with the outcome.
  const [outcome, setOutcome] = useState<Outcome | null>(() => ((location.state as { outcome?: string } | null)?.outcome ? { text: (location.state as { outcome: string }).outcome } : null));
  const key = registerKey(municipality, definition.path);
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (search) query.set('search', search);
  const list = useQuery({ queryKey: [...key, 'list', page, search], queryFn: () => api<Page<Item>>(tenantPath(municipality, `${definition.path}?${query}`)), placeholderData: keepPreviousData });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });

  const save = useMutation({
    mutationFn: ({ item, values }: { item?: Item; values: FormValues }) =>
      item
        ? api<Item>(tenantPath(municipality, `${definition.path}/${item.id}`), { method: 'PATCH', body: { version: item.version, ...bodyFrom(definition.fields, values, false) } })
        : api<Item>(tenantPath(municipality, definition.path), { method: 'POST', body: bodyFrom(definition.fields, values, true) }),
    onSuccess: (saved, { item }) => {
      setOutcome({ text: t('admin.saved', { name: definition.nameOf(saved) }), next: item ? undefined : definition.nextAfterCreate?.(saved) });
      setMode(null);
      refresh();
    },
  });

  const open = (next: Mode) => {
    save.reset();
    setOutcome(null);
    setMode(next);
  };
  /** Back to the list: focus returns to the button that opened the form. */
  const close = (returnFocusTo: string) => {
    setMode(null);
    requestAnimationFrame(() => document.getElementById(returnFocusTo)?.focus());
  };
  const turnPage = (next: number) => {
    setSearchParams((current) => {
      current.set('pagina', String(next));
      return current;
    });
    setPageTurn({});
  };
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    setSearchParams(draftSearch.trim() ? { zoek: draftSearch.trim() } : {});
    setPageTurn({});
  };
  const clearSearch = () => {
    setDraftSearch('');
    setSearchParams({});
  };

  const title = t(`${definition.textKey}.title`);
  const columnCount = definition.columns.length + 1;
  const rowButtonId = (item: Item, action: 'edit' | 'delete') => `${action}-${item.id}`;

  return (
    <AdminPage title={title} intro={t(`${definition.textKey}.intro`)}>
      <OutcomeMessage outcome={outcome} />
      {mode?.kind === 'new' ? (
        <FocusOnChange signal={mode}>
          <section aria-labelledby="new-record-heading" className="admin-panel">
            <Heading level={2} id="new-record-heading">
              {t(`${definition.textKey}.new`)}
            </Heading>
            <RecordForm
              idPrefix="new"
              fields={definition.fields}
              initial={definition.valuesOf(undefined)}
              submitLabel={t('common.add')}
              busy={save.isPending}
              error={save.error}
              onSubmit={(values) => save.mutate({ values })}
              onCancel={() => close('new-record-button')}
            />
          </section>
        </FocusOnChange>
      ) : (
        <Paragraph>
          <Button id="new-record-button" appearance="primary-action-button" onClick={() => open({ kind: 'new' })}>
            {t(`${definition.textKey}.new`)}
          </Button>
        </Paragraph>
      )}

      {definition.isSearchable && (
        <search aria-label={t('admin.search.label')} className="admin-filters">
        <form onSubmit={submitSearch}>
          <TextField id="register-search" label={t(`${definition.textKey}.search`)} description={t(`${definition.textKey}.searchHint`)} value={draftSearch} onChange={setDraftSearch} />
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button">
              {t('admin.search.submit')}
            </Button>
            {search && (
              <Button type="button" appearance="subtle-button" onClick={clearSearch}>
                {t('admin.search.clear')}
              </Button>
            )}
          </ButtonGroup>
        </form>
        </search>
      )}

      {list.isPending && <Loading />}
      <ProblemAlert error={list.error} />
      {list.data && (
        <FocusOnChange signal={pageTurn}>
          <Table className="admin-table">
            <TableCaption>{search ? t('admin.captionSearch', { name: title, search, count: list.data.total }) : t('admin.caption', { name: title, count: list.data.total })}</TableCaption>
            <TableHeader>
              <TableRow>
                {definition.columns.map((column) => (
                  <TableHeaderCell key={column.label} scope="col">
                    {column.label}
                  </TableHeaderCell>
                ))}
                <TableHeaderCell scope="col">{t('admin.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.items.length === 0 && (
                <TableRow>
                  <TableCell colSpan={columnCount}>{search ? t('admin.noResults') : t('admin.empty')}</TableCell>
                </TableRow>
              )}
              {list.data.items.map((item) => {
                const name = definition.nameOf(item);
                if (mode?.kind === 'edit' && mode.id === item.id) {
                  return (
                    <TableRow key={item.id}>
                      <TableCell colSpan={columnCount}>
                        <FocusOnChange signal={mode}>
                          <section aria-labelledby={`edit-heading-${item.id}`} className="admin-panel">
                            <Heading level={2} id={`edit-heading-${item.id}`}>
                              {t('admin.editing', { name })}
                            </Heading>
                            <RecordForm
                              key={item.version}
                              idPrefix={`edit-${item.id}`}
                              fields={definition.fields}
                              initial={definition.valuesOf(item)}
                              submitLabel={t('common.save')}
                              busy={save.isPending}
                              error={save.error}
                              onSubmit={(values) => save.mutate({ item, values })}
                              onReload={() => {
                                save.reset();
                                refresh();
                              }}
                              onCancel={() => close(rowButtonId(item, 'edit'))}
                            />
                          </section>
                        </FocusOnChange>
                      </TableCell>
                    </TableRow>
                  );
                }
                if (mode?.kind === 'delete' && mode.id === item.id) {
                  return (
                    <TableRow key={item.id}>
                      <TableCell colSpan={columnCount}>
                        <DeleteConfirmation
                          name={name}
                          consequence={definition.deleteConsequence}
                          inUseExplanation={definition.inUseExplanation}
                          remove={() => api<void>(tenantPath(municipality, `${definition.path}/${item.id}`), { method: 'DELETE' })}
                          onDeleted={() => {
                            setMode(null);
                            setOutcome({ text: t('admin.deleted', { name }) });
                            refresh();
                          }}
                          onCancel={() => close(rowButtonId(item, 'delete'))}
                        />
                      </TableCell>
                    </TableRow>
                  );
                }
                return (
                  <TableRow key={item.id}>
                    {definition.columns.map((column) => (
                      <TableCell key={column.label}>{column.value(item)}</TableCell>
                    ))}
                    <TableCell>
                      <ButtonGroup className="admin-row-actions">
                        {!definition.editHref && (
                          <Button id={rowButtonId(item, 'edit')} appearance="subtle-button" onClick={() => open({ kind: 'edit', id: item.id })} aria-label={t('admin.editItem', { name })}>
                            {t('common.edit')}
                          </Button>
                        )}
                        <Button id={rowButtonId(item, 'delete')} appearance="subtle-button" hint="danger" onClick={() => open({ kind: 'delete', id: item.id })} aria-label={t('admin.deleteItem', { name })}>
                          {t('common.delete')}
                        </Button>
                      </ButtonGroup>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <Pagination page={page} pageCount={list.data.pageCount} onChange={turnPage} />
        </FocusOnChange>
      )}
      {definition.extra?.(refresh)}
    </AdminPage>
  );
}
