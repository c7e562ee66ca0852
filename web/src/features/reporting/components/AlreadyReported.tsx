import { Button, Checkbox, FormField, FormLabel, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import { readableDay } from '../../../components/CalendarDate.tsx';
import { ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useNearbyReports } from '../queries.ts';
import type { NearbyReport, Point } from '../types.ts';

/**
 * "Al gemeld?": open reports of the same kind close to the chosen place. Someone who sees theirs among them can
 * follow it instead of reporting it again; the back office then has one report with more people waiting for it.
 */
export function AlreadyReported({ municipality, categoryCode, point }: { municipality: string; categoryCode: string; point: Point | null }) {
  const { t } = useI18n();
  const nearby = useNearbyReports(municipality, categoryCode, point);
  const [following, setFollowing] = useState<NearbyReport | null>(null);
  if (!nearby.data || nearby.data.length === 0) return null;
  return (
    <section className="app-already-reported" aria-labelledby="already-reported-heading">
      <Heading level={3} id="already-reported-heading">
        {t('reporting.nearby.title')}
      </Heading>
      <Paragraph>{t('reporting.nearby.intro')}</Paragraph>
      <ul className="app-plain-list">
        {nearby.data.map((item) => (
          <li key={item.id} className="app-card">
            <Paragraph>
              <strong>{item.categoryName}</strong> — {t(`reporting.status.${item.status}`)}
              <br />
              {item.address ? `${item.address}, ` : ''}
              {t('reporting.nearby.distance', { metres: item.distanceMetres, date: readableDay(item.reportedAt.slice(0, 10), 'nl') })}
            </Paragraph>
            {following?.id === item.id ? (
              <FollowForm municipality={municipality} report={item} />
            ) : (
              <Button type="button" appearance="secondary-action-button" onClick={() => setFollowing(item)}>
                {t('reporting.nearby.follow', { reference: item.reference })}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <Paragraph>{t('reporting.nearby.notMine')}</Paragraph>
    </section>
  );
}

function FollowForm({ municipality, report }: { municipality: string; report: NearbyReport }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [consent, setConsent] = useState(false);
  const follow = useMutation({
    mutationFn: () => api<{ reference: string; isNewFollower: boolean }>(tenantPath(municipality, `/reports/${report.id}/followers`), { method: 'POST', body: { email, contactConsent: consent } }),
  });
  const problem = follow.error instanceof ApiProblem ? follow.error : undefined;
  if (follow.isSuccess) return <SuccessAlert>{t('reporting.nearby.followed', { reference: follow.data.reference })}</SuccessAlert>;
  const prefix = `follow-${report.id}`;
  return (
    <div className="app-form">
      <ProblemAlert error={follow.error} fieldIds={{ 'body.email': `${prefix}-email`, 'body.contactConsent': `${prefix}-consent` }} />
      <TextField id={`${prefix}-email`} label={t('reporting.contact.email')} type="email" autoComplete="email" required value={email} onChange={setEmail} error={problem?.fieldError('body.email')} />
      <FormField type="checkbox" invalid={Boolean(problem?.fieldError('body.contactConsent'))}>
        <Paragraph>
          <Checkbox id={`${prefix}-consent`} checked={consent} onChange={(event) => setConsent((event.target as HTMLInputElement).checked)} />{' '}
          <FormLabel htmlFor={`${prefix}-consent`} type="checkbox">
            {t('reporting.nearby.consent')}
          </FormLabel>
        </Paragraph>
      </FormField>
      <div>
        <Button type="button" appearance="primary-action-button" busy={follow.isPending} onClick={() => follow.mutate()}>
          {t('reporting.nearby.followSend')}
        </Button>
      </div>
    </div>
  );
}
