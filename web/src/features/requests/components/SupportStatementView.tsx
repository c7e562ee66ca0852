import { DataList, DataListItem, DataListKey, DataListValue, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import type { Request } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

type SupportStatement = { origins: { kind: string; count?: number | null; text?: string | null }[]; breadth: string; dissent: string };

/** How a council's advice came about and how broadly it is carried (§3.3): shown with the advice to whoever may read it. */
export function SupportStatementView({ request }: { request: Request }) {
  const { t } = useI18n();
  const statement = request.supportStatement as SupportStatement | null;
  if (!statement) return null;
  const origin = (item: SupportStatement['origins'][number]) => {
    const label = t(`supportOrigin.${item.kind}`);
    if (item.count) return t('support.originWithCount', { origin: label, count: item.count });
    return item.text ? `${label}: ${item.text}` : label;
  };
  return (
    <section aria-labelledby="support-heading" className="app-card">
      <Heading level={2} id="support-heading">
        {t('support.title')}
      </Heading>
      <DataList>
        <DataListItem>
          <DataListKey>{t('support.origins')}</DataListKey>
          <DataListValue>{statement.origins.map(origin).join('; ')}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('submit.breadth')}</DataListKey>
          <DataListValue>{t(`supportBreadth.${statement.breadth}`)}</DataListValue>
        </DataListItem>
      </DataList>
      <Heading level={3}>{t('submit.dissent')}</Heading>
      <Paragraph>{statement.dissent.trim() || t('support.noDissent')}</Paragraph>
    </section>
  );
}
