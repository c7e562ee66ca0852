import { Button, ButtonGroup } from '@utrecht/component-library-react/css-module';
import type { FormEvent, ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';

/** The filter bar above an administration list: a search landmark with its fields, "Filteren" and, once filtered, "Wis filters". */
export function FilterForm(props: { label: string; onSubmit(event: FormEvent): void; isFiltered?: boolean; onClear?(): void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <search aria-label={props.label} className="admin-filters">
      <form onSubmit={props.onSubmit}>
        {props.children}
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button">
            {t('common.filter')}
          </Button>
          {props.isFiltered && props.onClear && (
            <Button type="button" appearance="subtle-button" onClick={props.onClear}>
              {t('admin.search.clear')}
            </Button>
          )}
        </ButtonGroup>
      </form>
    </search>
  );
}
