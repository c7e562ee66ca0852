import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { requestInPlanSchema } from '../../../../../server/modules/action-plans/action-plan-origin.contract.ts';
import { api, tenantPath } from '../../../api/client.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

type RequestInPlan = z.infer<typeof requestInPlanSchema>;

/**
 * On a request's page: the actions of the neighbourhood's action plan that take it up, so the submitter sees where
 * their "ooit" went. Staff go to the plan itself; everyone else to the neighbourhood's public plan.
 */
export function RequestInPlan({ municipality, requestId, isStaff }: { municipality: string; requestId: string; isStaff: boolean }) {
  const { t } = useI18n();
  const found = useQuery({ queryKey: ['request-in-plan', municipality, requestId], retry: false, queryFn: () => api<RequestInPlan>(tenantPath(municipality, `/requests/${requestId}/action-plan-actions`)) });
  const items = found.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="request-in-plan-heading">
      <Heading level={2} id="request-in-plan-heading">
        {t('requestInPlan.heading')}
      </Heading>
      <Paragraph>{t('requestInPlan.intro')}</Paragraph>
      <UnorderedList>
        {items.map((item) => (
          <UnorderedListItem key={item.action.id}>
            <strong>{item.action.title}</strong> — {t(`actionPlan.status.${item.action.status}`)}
            {item.action.deadlineOn && (
              <>
                , {t('requestInPlan.deadline')} <CalendarDate value={item.action.deadlineOn} />
              </>
            )}
            <br />
            <AppLink to={isStaff ? `/${municipality}/wijkactieplannen/${item.plan.id}` : `/${municipality}/wijken/${item.neighbourhood.slug}`}>{item.plan.title}</AppLink>
            {!item.plan.isAdopted && ` (${t(`actionPlan.state.${item.plan.state}`)})`}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </section>
  );
}
