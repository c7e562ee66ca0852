import { Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, tenantPath } from '../../../api/client.ts';
import type { Neighbourhood } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { DeleteConfirmation } from './DeleteConfirmation.tsx';
import { FocusOnChange } from './FocusOnChange.tsx';
import { type Outcome, OutcomeMessage } from './Messages.tsx';
import { bodyFrom, type FieldDefinition, type FormValues, RecordForm } from './RecordForm.tsx';

type Area = Neighbourhood['areas'][number];
type Mode = { kind: 'edit' | 'delete'; id: string } | null;

/** The buurten of one wijk: add, rename (or recode) and remove them. */
export function AreasEditor({ municipality, neighbourhood, onChanged }: { municipality: string; neighbourhood: Neighbourhood; onChanged(): void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [addFormKey, setAddFormKey] = useState(0);
  const fields: FieldDefinition[] = [
    { name: 'name', label: t('admin.areas.name'), kind: 'text', required: true },
    { name: 'cbsCode', label: t('admin.areas.cbsCode'), kind: 'text', description: t('admin.areas.cbsCodeDescription') },
  ];
  const add = useMutation({
    mutationFn: (values: FormValues) => api<Area>(tenantPath(municipality, `/neighbourhoods/${neighbourhood.id}/areas`), { method: 'POST', body: bodyFrom(fields, values, true) }),
    onSuccess: (area) => {
      setAddFormKey((value) => value + 1);
      setOutcome({ text: t('admin.areas.added', { name: area.name }) });
      onChanged();
    },
  });
  const rename = useMutation({
    mutationFn: ({ area, values }: { area: Area; values: FormValues }) => api<Area>(tenantPath(municipality, `/areas/${area.id}`), { method: 'PATCH', body: bodyFrom(fields, values, false) }),
    onSuccess: (area) => {
      setMode(null);
      setOutcome({ text: t('admin.saved', { name: area.name }) });
      onChanged();
    },
  });
  const open = (next: Mode) => {
    rename.reset();
    setOutcome(null);
    setMode(next);
  };
  const close = (buttonId: string) => {
    setMode(null);
    requestAnimationFrame(() => document.getElementById(buttonId)?.focus());
  };

  return (
    <section aria-labelledby="areas-heading">
      <Heading level={2} id="areas-heading">
        {t('admin.areas.title')}
      </Heading>
      <Paragraph>{t('admin.areas.intro')}</Paragraph>
      <OutcomeMessage outcome={outcome} />
      {neighbourhood.areas.length === 0 ? (
        <Paragraph>{t('neighbourhood.noAreas')}</Paragraph>
      ) : (
        <Table className="admin-table">
          <TableCaption>{t('admin.areas.caption', { name: neighbourhood.name, count: neighbourhood.areas.length })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('admin.areas.name')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.areas.cbsCode')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {neighbourhood.areas.map((area) => {
              if (mode?.id === area.id && mode.kind === 'edit') {
                return (
                  <TableRow key={area.id}>
                    <TableCell colSpan={3}>
                      <FocusOnChange signal={mode}>
                        <Heading level={3}>{t('admin.editing', { name: area.name })}</Heading>
                        <RecordForm
                          idPrefix={`area-${area.id}`}
                          fields={fields}
                          initial={{ name: area.name, cbsCode: area.cbsCode ?? '' }}
                          submitLabel={t('common.save')}
                          busy={rename.isPending}
                          error={rename.error}
                          onSubmit={(values) => rename.mutate({ area, values })}
                          onCancel={() => close(`edit-area-${area.id}`)}
                        />
                      </FocusOnChange>
                    </TableCell>
                  </TableRow>
                );
              }
              if (mode?.id === area.id && mode.kind === 'delete') {
                return (
                  <TableRow key={area.id}>
                    <TableCell colSpan={3}>
                      <DeleteConfirmation
                        name={area.name}
                        inUseExplanation={t('admin.areas.inUse')}
                        remove={() => api<void>(tenantPath(municipality, `/areas/${area.id}`), { method: 'DELETE' })}
                        onDeleted={() => {
                          setMode(null);
                          setOutcome({ text: t('admin.deleted', { name: area.name }) });
                          onChanged();
                        }}
                        onCancel={() => close(`delete-area-${area.id}`)}
                      />
                    </TableCell>
                  </TableRow>
                );
              }
              return (
                <TableRow key={area.id}>
                  <TableCell>{area.name}</TableCell>
                  <TableCell>{area.cbsCode ?? ''}</TableCell>
                  <TableCell>
                    <ButtonGroup className="admin-row-actions">
                      <Button id={`edit-area-${area.id}`} appearance="subtle-button" onClick={() => open({ kind: 'edit', id: area.id })} aria-label={t('admin.editItem', { name: area.name })}>
                        {t('common.edit')}
                      </Button>
                      <Button id={`delete-area-${area.id}`} appearance="subtle-button" hint="danger" onClick={() => open({ kind: 'delete', id: area.id })} aria-label={t('admin.deleteItem', { name: area.name })}>
                        {t('common.delete')}
                      </Button>
                    </ButtonGroup>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <div className="admin-panel">
        <Heading level={3}>{t('admin.areas.add')}</Heading>
        <RecordForm key={addFormKey} idPrefix="new-area" fields={fields} initial={{ name: '', cbsCode: '' }} submitLabel={t('admin.areas.add')} busy={add.isPending} error={add.error} onSubmit={(values) => add.mutate(values)} />
      </div>
    </section>
  );
}
