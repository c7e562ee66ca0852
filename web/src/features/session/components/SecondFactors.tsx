import { Alert, Button, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { startRegistration } from '@simplewebauthn/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import type { MySecondFactors, TotpEnrolment } from '../../../api/types.ts';
import { ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

type Factor = MySecondFactors['items'][number];

/**
 * A person's second factors: an authenticator app (scan the QR code, type the first code) or a passkey (the
 * browser makes one). A factor is only added once it has proved to work, so a half-done step locks nobody out.
 */
export function SecondFactors({ municipality, onAdded }: { municipality: string; onAdded(): void }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const key = ['second-factors', municipality];
  const factors = useQuery({ queryKey: key, queryFn: () => api<MySecondFactors>(tenantPath(municipality, '/second-factors')) });
  const [label, setLabel] = useState('');
  const [enrolment, setEnrolment] = useState<TotpEnrolment | undefined>();
  const [code, setCode] = useState('');
  const [done, setDone] = useState<string | undefined>();
  const refresh = async (message: string) => {
    setDone(message);
    await queryClient.invalidateQueries({ queryKey: key });
  };

  const beginTotp = useMutation({
    mutationFn: () => api<TotpEnrolment>(tenantPath(municipality, '/second-factors/totp'), { method: 'POST', body: { label: label || t('secondFactor.defaultAppLabel') } }),
    onSuccess: (started) => {
      setDone(undefined);
      setEnrolment(started);
    },
  });
  const confirmTotp = useMutation({
    mutationFn: () => api<Factor>(tenantPath(municipality, `/second-factors/totp/${enrolment?.factorId}/confirmation`), { method: 'POST', body: { code } }),
    onSuccess: async (factor) => {
      setEnrolment(undefined);
      setCode('');
      setLabel('');
      await refresh(t('secondFactor.added', { label: factor.label }));
      onAdded();
    },
  });
  const addPasskey = useMutation({
    mutationFn: async () => {
      const options = await api<Record<string, unknown>>(tenantPath(municipality, '/second-factors/passkey-options'), { method: 'POST' });
      const response = await startRegistration({ optionsJSON: options as unknown as Parameters<typeof startRegistration>[0]['optionsJSON'] });
      return api<Factor>(tenantPath(municipality, '/second-factors/passkeys'), { method: 'POST', body: { label: label || t('secondFactor.defaultPasskeyLabel'), response } });
    },
    onSuccess: async (factor) => {
      setLabel('');
      await refresh(t('secondFactor.added', { label: factor.label }));
      onAdded();
    },
  });
  const remove = useMutation({
    mutationFn: (factor: Factor) => api<null>(tenantPath(municipality, `/second-factors/${factor.id}`), { method: 'DELETE' }),
    onSuccess: (_answer, factor) => refresh(t('secondFactor.removed', { label: factor.label })),
  });

  const startApp = (event: FormEvent) => {
    event.preventDefault();
    beginTotp.mutate();
  };
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    confirmTotp.mutate();
  };
  const when = (moment: string | null) => (moment ? new Date(moment).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : t('secondFactor.neverUsed'));
  const confirmProblem = confirmTotp.error instanceof ApiProblem ? confirmTotp.error : undefined;
  const passkeysSupported = typeof window !== 'undefined' && 'PublicKeyCredential' in window;
  if (!factors.data) return factors.error ? <ProblemAlert error={factors.error} /> : null;

  return (
    <section aria-labelledby="second-factors-heading">
      <Heading level={2} id="second-factors-heading">
        {t('secondFactor.title')}
      </Heading>
      <Paragraph>{t(factors.data.required ? 'secondFactor.introRequired' : 'secondFactor.introOptional')}</Paragraph>
      {done && <SuccessAlert>{done}</SuccessAlert>}
      <ProblemAlert error={remove.error ?? beginTotp.error ?? (addPasskey.error instanceof ApiProblem ? addPasskey.error : undefined)} />
      {addPasskey.error && !(addPasskey.error instanceof ApiProblem) && <Alert type="error">{t('secondFactor.passkeyCancelled')}</Alert>}
      {factors.data.items.length > 0 ? (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('secondFactor.name')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('secondFactor.lastUsed')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('secondFactor.action')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {factors.data.items.map((factor) => (
              <TableRow key={factor.id}>
                <TableCell>
                  {factor.label} · {t(factor.kind === 'totp' ? 'secondFactor.kindTotp' : 'secondFactor.kindPasskey')}
                </TableCell>
                <TableCell>{when(factor.lastUsedAt)}</TableCell>
                <TableCell>
                  <Button appearance="secondary-action-button" busy={remove.isPending && remove.variables?.id === factor.id} onClick={() => remove.mutate(factor)}>
                    {t('secondFactor.remove', { label: factor.label })}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Paragraph>{t('secondFactor.none')}</Paragraph>
      )}

      {enrolment ? (
        <form className="app-form" onSubmit={confirm} noValidate aria-labelledby="totp-scan-heading">
          <Heading level={3} id="totp-scan-heading">
            {t('secondFactor.scanTitle')}
          </Heading>
          <Paragraph>{t('secondFactor.scanIntro')}</Paragraph>
          {/* The QR code is drawn by the server from the otpauth address; the secret below is the same, to type in. */}
          <img className="app-qr" src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrSvg)}`} alt={t('secondFactor.qrAlt')} width={200} height={200} />
          <Paragraph>
            {t('secondFactor.secretIntro')} <code className="app-secret">{enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
          </Paragraph>
          <ProblemAlert error={confirmTotp.error} fieldIds={{ 'body.code': 'totp-code' }} />
          <TextField id="totp-code" label={t('secondFactor.firstCode')} value={code} onChange={setCode} autoComplete="one-time-code" inputMode="numeric" required error={confirmProblem?.fieldError('body.code')} />
          <div className="app-actions">
            <Button type="submit" appearance="primary-action-button" busy={confirmTotp.isPending} disabled={confirmTotp.isPending}>
              {t('secondFactor.confirmApp')}
            </Button>
            <Button type="button" appearance="subtle-button" onClick={() => setEnrolment(undefined)}>
              {t('secondFactor.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <form className="app-form" onSubmit={startApp} noValidate aria-labelledby="add-factor-heading">
          <Heading level={3} id="add-factor-heading">
            {t('secondFactor.addTitle')}
          </Heading>
          <TextField id="factor-label" label={t('secondFactor.label')} description={t('secondFactor.labelDescription')} value={label} onChange={setLabel} />
          <div className="app-actions">
            <Button type="submit" appearance="primary-action-button" busy={beginTotp.isPending} disabled={beginTotp.isPending}>
              {t('secondFactor.addApp')}
            </Button>
            {passkeysSupported && (
              <Button type="button" appearance="secondary-action-button" busy={addPasskey.isPending} disabled={addPasskey.isPending} onClick={() => addPasskey.mutate()}>
                {t('secondFactor.addPasskey')}
              </Button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
