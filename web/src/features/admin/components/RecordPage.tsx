import { Button, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AdminPage, useAdminHref } from './AdminPage.tsx';
import { DeleteConfirmation } from './DeleteConfirmation.tsx';
import { type Outcome, OutcomeMessage } from './Messages.tsx';
import { bodyFrom, type FieldDefinition, type FormValues, RecordForm } from './RecordForm.tsx';
import { registerKey } from './RegisterPage.tsx';

export interface RecordPageDefinition<Item extends { id: string; version: number }> {
  /** Catalogue key prefix shared with the register, e.g. "admin.neighbourhoods". */
  textKey: string;
  /** The register's address below /beheer, e.g. "wijken". */
  section: string;
  /** API path of the register, e.g. "/neighbourhoods". */
  path: string;
  fields: FieldDefinition[];
  valuesOf(item: Item): FormValues;
  nameOf(item: Item): string;
  deleteConsequence?: string;
  inUseExplanation?: string;
  /** Sections below the form: a wijk's buurten, a council's members. */
  renderMore?(item: Item, refresh: () => void): ReactNode;
}

/**
 * The page of one record: its details form (with the version read, so a concurrent change is caught),
 * what belongs to it, and a guarded delete that returns to the register.
 */
export function RecordPage<Item extends { id: string; version: number }>({ definition, id }: { definition: RecordPageDefinition<Item>; id: string }) {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const adminHref = useAdminHref();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const listKey = registerKey(municipality, definition.path);
  const detailKey = [...listKey, 'detail', id];
  // Once deleted, the record is not asked for again while the page makes way for the register.
  const [isGone, setIsGone] = useState(false);
  const detail = useQuery({ queryKey: detailKey, enabled: !isGone, queryFn: () => api<Item>(tenantPath(municipality, `${definition.path}/${id}`)) });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [isDeleting, setIsDeleting] = useState(false);
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: listKey });
  };

  const save = useMutation({
    mutationFn: ({ item, values }: { item: Item; values: FormValues }) =>
      api<Item>(tenantPath(municipality, `${definition.path}/${item.id}`), { method: 'PATCH', body: { version: item.version, ...bodyFrom(definition.fields, values, false) } }),
    onSuccess: (saved) => {
      queryClient.setQueryData(detailKey, saved);
      setOutcome({ text: t('admin.saved', { name: definition.nameOf(saved) }) });
      refresh();
    },
  });
  const reload = async () => {
    await detail.refetch();
    save.reset();
  };

  const registerTitle = t(`${definition.textKey}.title`);
  const trail = [{ section: definition.section, label: registerTitle }];
  if (detail.isPending) return <Loading />;
  if (!detail.data) {
    return (
      <AdminPage title={registerTitle} trail={trail}>
        <ProblemAlert error={detail.error} />
        <Paragraph>
          <AppLink to={adminHref(definition.section)}>{t('admin.backTo', { name: registerTitle })}</AppLink>
        </Paragraph>
      </AdminPage>
    );
  }
  const item = detail.data;
  const name = definition.nameOf(item);

  return (
    <AdminPage title={name} trail={trail}>
      <OutcomeMessage outcome={outcome} />
      <section aria-labelledby="details-heading">
        <Heading level={2} id="details-heading">
          {t('admin.details')}
        </Heading>
        <RecordForm
          key={item.version}
          idPrefix="record"
          fields={definition.fields}
          initial={definition.valuesOf(item)}
          submitLabel={t('common.save')}
          busy={save.isPending}
          error={save.error}
          onSubmit={(values) => {
            setOutcome(null);
            save.mutate({ item, values });
          }}
          onReload={reload}
        />
      </section>
      {definition.renderMore?.(item, () => {
        detail.refetch();
        refresh();
      })}
      <section aria-labelledby="delete-heading" className="admin-danger-zone">
        <Heading level={2} id="delete-heading">
          {t(`${definition.textKey}.deleteHeading`)}
        </Heading>
        {isDeleting ? (
          <DeleteConfirmation
            name={name}
            consequence={definition.deleteConsequence}
            inUseExplanation={definition.inUseExplanation}
            remove={() => api<void>(tenantPath(municipality, `${definition.path}/${item.id}`), { method: 'DELETE' })}
            onDeleted={() => {
              setIsGone(true);
              // Everything of the register is out of date, except this record, which is gone.
              queryClient.invalidateQueries({ queryKey: listKey, predicate: (query) => query.queryKey[3] !== 'detail' });
              navigate(adminHref(definition.section), { state: { outcome: t('admin.deleted', { name }) } });
            }}
            onCancel={() => {
              setIsDeleting(false);
              requestAnimationFrame(() => document.getElementById('delete-record-button')?.focus());
            }}
          />
        ) : (
          <Paragraph>
            <Button id="delete-record-button" appearance="secondary-action-button" hint="danger" onClick={() => setIsDeleting(true)}>
              {t('admin.deleteItem', { name })}
            </Button>
          </Paragraph>
        )}
      </section>
    </AdminPage>
  );
}
