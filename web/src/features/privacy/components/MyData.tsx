import { Heading, Link, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../../api/client.ts';
import { useSession } from '../../../api/session.ts';
import { useNavigate } from 'react-router';
import type { MyErasureRequest } from '../../../api/types.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { ConfirmTwice } from '../../../components/ConfirmTwice.tsx';
import { ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

/** The person's own data: download it all, or ask for it to be erased (AVG art. 15, 17 and 20). */
export function MyData({ municipality }: { municipality: string }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const key = ['my-erasure-request', municipality];
  const erasure = useQuery({ queryKey: key, queryFn: () => api<MyErasureRequest>(tenantPath(municipality, '/me/erasure-request')) });
  const ask = useMutation({
    mutationFn: () => api<MyErasureRequest['erasureRequest']>(tenantPath(municipality, '/me/erasure-request'), { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const session = useSession(municipality);
  // A resident deletes their account at once; someone with another role asks, so their work can be handed over.
  const isOnlyResident = (session.data?.user.roles.length ?? 0) > 0 && session.data?.user.roles.every((grant) => grant.role === 'resident');
  const pending = erasure.data?.erasureRequest?.status === 'pending' ? erasure.data.erasureRequest : null;
  const date = (moment: string) => new Date(moment).toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' });
  return (
    <section aria-labelledby="my-data-heading">
      <Heading level={2} id="my-data-heading">
        {t('myData.title')}
      </Heading>
      <Paragraph>
        {t('myData.intro')} <AppLink to={`/${municipality}/privacy`}>{t('myData.statementLink')}</AppLink>
      </Paragraph>
      <Paragraph>
        {/* The API answers with the file itself and the browser sends the session cookie along. */}
        <Link href={`/api/v1${tenantPath(municipality, '/me/data-export')}`} download>
          {t('myData.download')}
        </Link>
      </Paragraph>
      {isOnlyResident ? <DeleteOwnAccount municipality={municipality} /> : <>
      <Heading level={3}>{t('myData.erasureTitle')}</Heading>
      <Paragraph>{t('myData.erasureIntro')}</Paragraph>
      <ProblemAlert error={ask.error ?? erasure.error} />
      {pending ? (
        <SuccessAlert>{t('myData.erasurePending', { date: date(pending.requestedAt) })}</SuccessAlert>
      ) : (
        <ConfirmTwice startLabel={t('myData.erasureAsk')} question={t('myData.erasureConfirm')} confirmLabel={t('myData.erasureConfirmYes')} busy={ask.isPending} disabled={!erasure.data} onConfirm={() => ask.mutate()} />
      )}
      </>}
    </section>
  );
}

/** Deleting one's own account: asked twice, confirmed by the step-up dialog, then logged out with a message. */
function DeleteOwnAccount({ municipality }: { municipality: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () => api<unknown>(tenantPath(municipality, '/me/account'), { method: 'DELETE' }),
    // The home page forgets the session once it shows: this page would send anyone without one to the login page.
    onSuccess: () => navigate(`/${municipality}`, { state: { notice: 'accountDeleted' } }),
  });
  return (
    <>
      <Heading level={3}>{t('security.deleteAccountTitle')}</Heading>
      <Paragraph>{t('security.deleteAccountIntro')}</Paragraph>
      <ProblemAlert error={remove.error} />
      <ConfirmTwice startLabel={t('security.deleteAccount')} question={t('security.deleteAccountSure')} confirmLabel={t('security.deleteAccountConfirm')} busy={remove.isPending} onConfirm={() => remove.mutate()} />
    </>
  );
}
