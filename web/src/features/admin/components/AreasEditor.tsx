import { Button, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, tenantPath } from '../../../api/client.ts';
import type { Neighbourhood } from '../../../api/types.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { RecordForm } from './RecordForm.tsx';

/** The buurten of one wijk: add, rename or remove them while editing the wijk. */
export function AreasEditor({ municipality, neighbourhoodId }: { municipality: string; neighbourhoodId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const key = ['neighbourhood-areas', municipality, neighbourhoodId];
  const detail = useQuery({ queryKey: key, queryFn: () => api<Neighbourhood>(tenantPath(municipality, `/neighbourhoods/${neighbourhoodId}`)) });
  const [formKey, setFormKey] = useState(0);
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const add = useMutation({
    mutationFn: (values: Record<string, string | boolean>) =>
      api(tenantPath(municipality, `/neighbourhoods/${neighbourhoodId}/areas`), { method: 'POST', body: { name: values.name || undefined, cbsCode: values.cbsCode || undefined } }),
    onSuccess: () => {
      setFormKey((value) => value + 1);
      refresh();
    },
  });
  const remove = useMutation({ mutationFn: (areaId: string) => api(tenantPath(municipality, `/areas/${areaId}`), { method: 'DELETE' }), onSuccess: refresh });
  const areas = detail.data?.areas ?? [];
  return (
    <section aria-labelledby={`areas-${neighbourhoodId}`}>
      <Heading level={3} id={`areas-${neighbourhoodId}`}>
        {t('admin.areas.title')}
      </Heading>
      {areas.length === 0 && <Paragraph>{t('neighbourhood.noAreas')}</Paragraph>}
      <UnorderedList>
        {areas.map((area) => (
          <UnorderedListItem key={area.id}>
            {area.cbsCode ? `${area.name} (${area.cbsCode})` : area.name}{' '}
            <Button appearance="subtle-button" onClick={() => remove.mutate(area.id)} aria-label={t('admin.deleteItem', { name: area.name })}>
              {t('common.delete')}
            </Button>
          </UnorderedListItem>
        ))}
      </UnorderedList>
      <ProblemAlert error={remove.error} />
      <RecordForm
        key={formKey}
        idPrefix={`area-${neighbourhoodId}`}
        fields={[
          { name: 'name', label: t('admin.areas.name'), kind: 'text', required: true },
          { name: 'cbsCode', label: t('field.cbsCode'), kind: 'text', description: t('admin.areas.cbsCodeDescription') },
        ]}
        initial={{ name: '', cbsCode: '' }}
        submitLabel={t('admin.areas.add')}
        busy={add.isPending}
        error={add.error}
        onSubmit={(values) => add.mutate(values)}
      />
    </section>
  );
}
