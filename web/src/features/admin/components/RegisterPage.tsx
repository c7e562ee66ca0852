import { Button, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useParams } from 'react-router';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import { Loading, ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AdminOnly } from './AdminOnly.tsx';
import { bodyFrom, type FieldDefinition, type FormValues, RecordForm } from './RecordForm.tsx';

export interface RegisterDefinition<Item extends { id: string; version: number }> {
  /** Catalogue key prefix, e.g. "admin.departments". */
  textKey: string;
  /** API path below the municipality, e.g. "/departments". */
  path: string;
  columns: { label: string; value(item: Item): string }[];
  fields: FieldDefinition[];
  valuesOf(item: Item | undefined): FormValues;
  nameOf(item: Item): string;
  /** Lists carry summaries for some registers: load the full record (with its version) before editing. */
  editsDetail?: boolean;
  /** More to edit below the form, e.g. a wijk's buurten. */
  renderBelowForm?(item: Item): ReactNode;
}

/**
 * One register of the municipality (departments, partners, themes…): a table, a form to add, and per row
 * a form to change or a button to delete. Stale edits and duplicates come back as problems a person can act on.
 */
export function RegisterPage<Item extends { id: string; version: number }>({ definition }: { definition: RegisterDefinition<Item> }) {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const key = ['register', municipality, definition.path];
  const list = useQuery({ queryKey: key, queryFn: () => api<Page<Item>>(tenantPath(municipality, `${definition.path}?pageSize=100`)) });
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });

  const save = useMutation({
    mutationFn: ({ item, values }: { item?: Item; values: FormValues }) =>
      item
        ? api<Item>(tenantPath(municipality, `${definition.path}/${item.id}`), { method: 'PATCH', body: { version: item.version, ...bodyFrom(definition.fields, values, false) } })
        : api<Item>(tenantPath(municipality, definition.path), { method: 'POST', body: bodyFrom(definition.fields, values, true) }),
    onSuccess: (saved) => {
      setMessage(t('admin.saved', { name: definition.nameOf(saved) }));
      setEditing(null);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (item: Item) => api<void>(tenantPath(municipality, `${definition.path}/${item.id}`), { method: 'DELETE' }),
    onSuccess: (_result, item) => {
      setMessage(t('admin.deleted', { name: definition.nameOf(item) }));
      refresh();
    },
  });
  const detail = useQuery({
    queryKey: [...key, 'detail', editing],
    enabled: Boolean(definition.editsDetail && editing && editing !== 'new'),
    queryFn: () => api<Item>(tenantPath(municipality, `${definition.path}/${editing}`)),
  });
  const isConflict = save.error instanceof ApiProblem && save.error.code === 'VERSION_CONFLICT';
  const startEditing = (target: string | 'new') => {
    save.reset();
    setMessage(null);
    setEditing(target);
  };

  return (
    <AdminOnly>
      <PageTitle>{t(`${definition.textKey}.title`)}</PageTitle>
      <Paragraph>{t(`${definition.textKey}.intro`)}</Paragraph>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      <ProblemAlert error={remove.error} />
      {editing === 'new' ? (
        <section aria-labelledby="new-record-heading">
          <Heading level={2} id="new-record-heading">
            {t(`${definition.textKey}.new`)}
          </Heading>
          <RecordForm idPrefix="new" fields={definition.fields} initial={definition.valuesOf(undefined)} submitLabel={t('common.add')} busy={save.isPending} error={save.error} onSubmit={(values) => save.mutate({ values })} onCancel={() => setEditing(null)} />
        </section>
      ) : (
        <Button appearance="primary-action-button" onClick={() => startEditing('new')}>
          {t(`${definition.textKey}.new`)}
        </Button>
      )}
      {list.isPending && <Loading />}
      <ProblemAlert error={list.error} />
      {list.data && (
        <Table>
          <TableCaption>{t('admin.count', { count: list.data.total })}</TableCaption>
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
            {list.data.items.map((item) =>
              editing === item.id ? (
                <TableRow key={item.id}>
                  <TableCell colSpan={definition.columns.length + 1}>
                    {definition.editsDetail && !detail.data ? (
                      <Loading />
                    ) : (
                      <EditRecord
                        definition={definition}
                        item={(definition.editsDetail ? detail.data : item) as Item}
                        isConflict={isConflict}
                        busy={save.isPending}
                        error={save.error}
                        onReload={() => {
                          save.reset();
                          refresh();
                          detail.refetch();
                        }}
                        onSubmit={(target, values) => save.mutate({ item: target, values })}
                        onCancel={() => setEditing(null)}
                      />
                    )}
                  </TableCell>
                </TableRow>
              ) : (
                <TableRow key={item.id}>
                  {definition.columns.map((column) => (
                    <TableCell key={column.label}>{column.value(item)}</TableCell>
                  ))}
                  <TableCell>
                    <Button appearance="subtle-button" onClick={() => startEditing(item.id)} aria-label={t('admin.editItem', { name: definition.nameOf(item) })}>
                      {t('common.edit')}
                    </Button>{' '}
                    <Button
                      appearance="subtle-button"
                      onClick={() => {
                        if (window.confirm(t('admin.confirmDelete', { name: definition.nameOf(item) }))) remove.mutate(item);
                      }}
                      aria-label={t('admin.deleteItem', { name: definition.nameOf(item) })}
                    >
                      {t('common.delete')}
                    </Button>
                  </TableCell>
                </TableRow>
              ),
            )}
          </TableBody>
        </Table>
      )}
    </AdminOnly>
  );
}

function EditRecord<Item extends { id: string; version: number }>(props: {
  definition: RegisterDefinition<Item>;
  item: Item;
  isConflict: boolean;
  busy: boolean;
  error: unknown;
  onReload(): void;
  onSubmit(item: Item, values: FormValues): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  return (
    <>
      <Heading level={2}>{t('admin.editing', { name: props.definition.nameOf(props.item) })}</Heading>
      {props.isConflict && (
        <Paragraph>
          {t('admin.conflict')}{' '}
          <Button appearance="subtle-button" onClick={props.onReload}>
            {t('admin.reload')}
          </Button>
        </Paragraph>
      )}
      <RecordForm
        key={props.item.version}
        idPrefix={`edit-${props.item.id}`}
        fields={props.definition.fields}
        initial={props.definition.valuesOf(props.item)}
        submitLabel={t('common.save')}
        busy={props.busy}
        error={props.error}
        onSubmit={(values) => props.onSubmit(props.item, values)}
        onCancel={props.onCancel}
      />
      {props.definition.renderBelowForm?.(props.item)}
    </>
  );
}
