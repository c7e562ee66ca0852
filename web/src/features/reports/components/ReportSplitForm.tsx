import { Button, ButtonGroup, Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useState } from 'react';
import type { ReportDetail } from '../../../api/types.ts';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useReportCategories } from '../queries.ts';
import { fieldErrorOf, type OnChanged, ReportActionCard, useReportChange } from './ReportAction.tsx';

interface Part {
  categoryCode: string;
  description: string;
}
const maxParts = 5;
const emptyPart = (): Part => ({ categoryCode: '', description: '' });

/**
 * One report about several things becomes new reports, one per part, each routed and timed by its own
 * subcategory. The reporter hears of each; this report stays as it is.
 */
export function ReportSplitForm({ municipality, report, onChanged }: { municipality: string; report: ReportDetail; onChanged: OnChanged }) {
  const { t } = useI18n();
  const categories = useReportCategories(municipality);
  const [parts, setParts] = useState<Part[]>([emptyPart()]);
  const split = useReportChange<{ parts: Part[]; version: number }>(municipality, report, '/split', onChanged, (_updated, body) => t('reports.split.done', { count: body.parts.length }));
  const options = [
    { value: '', label: t('reports.split.chooseCategory') },
    ...(categories.data?.items ?? []).flatMap((main) => main.subcategories.map((sub) => ({ value: sub.code, label: `${sub.name} (${main.name})` }))),
  ];
  const update = (index: number, change: Partial<Part>) => setParts((current) => current.map((part, at) => (at === index ? { ...part, ...change } : part)));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    split.mutate({ parts, version: report.version }, { onSuccess: () => setParts([emptyPart()]) });
  };
  const fieldIds = Object.fromEntries(parts.flatMap((_part, index) => [[`body.parts.${index}.categoryCode`, `report-split-${index}-category`], [`body.parts.${index}.description`, `report-split-${index}-description`]]));
  return (
    <ReportActionCard id="report-split" title={t('reports.split.title')} error={split.error} fieldIds={fieldIds}>
      <Paragraph>{t('reports.split.intro')}</Paragraph>
      <form className="app-form" onSubmit={onSubmit} noValidate>
        {parts.map((part, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a part has no identity of its own; its place in the list is what the server names.
          <Fieldset key={index} className="app-split-part">
            <FieldsetLegend>{t('reports.split.part', { number: index + 1 })}</FieldsetLegend>
            <SelectField
              id={`report-split-${index}-category`}
              label={t('reports.split.category')}
              required
              value={part.categoryCode}
              onChange={(categoryCode) => update(index, { categoryCode })}
              options={options}
              error={fieldErrorOf(split.error, `body.parts.${index}.categoryCode`)}
            />
            <TextField
              id={`report-split-${index}-description`}
              label={t('reports.split.description')}
              description={t('reports.split.descriptionHint')}
              required
              multiline
              value={part.description}
              onChange={(description) => update(index, { description })}
              error={fieldErrorOf(split.error, `body.parts.${index}.description`)}
            />
            {parts.length > 1 && (
              <Button appearance="subtle-button" onClick={() => setParts((current) => current.filter((_part, at) => at !== index))}>
                {t('reports.split.removePart', { number: index + 1 })}
              </Button>
            )}
          </Fieldset>
        ))}
        <ButtonGroup>
          {parts.length < maxParts && (
            <Button appearance="secondary-action-button" onClick={() => setParts((current) => [...current, emptyPart()])}>
              {t('reports.split.addPart')}
            </Button>
          )}
          <Button type="submit" appearance="primary-action-button" busy={split.isPending}>
            {t('reports.split.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </ReportActionCard>
  );
}
