import '../meetings.css';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, tenantPath } from '../../../api/client.ts';
import { ConfirmTwice } from '../../../components/ConfirmTwice.tsx';
import { ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type CreatedCalendarFeed, calendarFeedKey, useMyCalendarFeed } from '../queries.ts';

/**
 * "Agenda-abonnement": a secret address for one's own calendar app with the meetings one takes part in. The address
 * is shown once, right after it is made; making a new one or revoking stops the old one.
 */
export function CalendarSubscription({ municipality }: { municipality: string }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const state = useMyCalendarFeed(municipality);
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);
  const [isCopied, setCopied] = useState(false);
  const create = useMutation({
    mutationFn: () => api<CreatedCalendarFeed>(tenantPath(municipality, '/users/me/calendar-feed'), { method: 'POST' }),
    onSuccess: (feed) => {
      setCreated(feed);
      setCopied(false);
      revoke.reset();
      queryClient.invalidateQueries({ queryKey: calendarFeedKey(municipality) });
    },
  });
  const revoke = useMutation({
    mutationFn: () => api<null>(tenantPath(municipality, '/users/me/calendar-feed'), { method: 'DELETE' }),
    onSuccess: () => {
      setCreated(null);
      create.reset();
      queryClient.invalidateQueries({ queryKey: calendarFeedKey(municipality) });
    },
  });
  const since = state.data?.createdAt ? new Date(state.data.createdAt).toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' }) : '';
  return (
    <section aria-labelledby="calendar-subscription-heading">
      <Heading level={2} id="calendar-subscription-heading">
        {t('calendarSubscription.title')}
      </Heading>
      <Paragraph>{t('calendarSubscription.intro')}</Paragraph>
      <ProblemAlert error={state.error ?? create.error ?? revoke.error} />
      {revoke.isSuccess && <SuccessAlert>{t('calendarSubscription.revoked')}</SuccessAlert>}
      {created && (
        <>
          <SuccessAlert>{t('calendarSubscription.created')}</SuccessAlert>
          <label htmlFor="calendar-feed-url" className="utrecht-form-label">
            {t('calendarSubscription.address')}
          </label>
          <input id="calendar-feed-url" className="utrecht-textbox utrecht-textbox--html-input app-feed-url" readOnly value={created.url} onFocus={(event) => event.currentTarget.select()} />
          <div className="app-actions">
            <Button
              appearance="secondary-action-button"
              onClick={async () => {
                await navigator.clipboard?.writeText(created.url);
                setCopied(true);
              }}
            >
              {t('calendarSubscription.copy')}
            </Button>
          </div>
          {isCopied && <SuccessAlert>{t('calendarSubscription.copied')}</SuccessAlert>}
        </>
      )}
      {state.data && !created && <Paragraph>{state.data.isActive ? t('calendarSubscription.activeSince', { date: since }) : t('calendarSubscription.none')}</Paragraph>}
      {state.data && (
        <div className="app-actions">
          {state.data.isActive ? (
            <>
              <ConfirmTwice startLabel={t('calendarSubscription.replace')} question={t('calendarSubscription.replaceQuestion')} confirmLabel={t('calendarSubscription.replaceConfirm')} busy={create.isPending} onConfirm={() => create.mutate()} />
              <ConfirmTwice startLabel={t('calendarSubscription.revoke')} question={t('calendarSubscription.revokeQuestion')} confirmLabel={t('calendarSubscription.revokeConfirm')} busy={revoke.isPending} onConfirm={() => revoke.mutate()} />
            </>
          ) : (
            <Button appearance="primary-action-button" busy={create.isPending} disabled={create.isPending} onClick={() => create.mutate()}>
              {t('calendarSubscription.create')}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
