import { Alert, Button, Heading, Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import type { ReporterData, ReporterErasureResult } from '../../../api/types.ts';
import { ConfirmTwice } from '../../../components/ConfirmTwice.tsx';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

/**
 * A reporter of public-space reports asks what is kept about them (inzage) or to be forgotten: by the e-mail address
 * they used, the admin sees and downloads what is kept, and erases the contact data after saying yes twice. The
 * reports themselves stay, without the person.
 */
export function ReporterDataSection({ municipality }: { municipality: string }) {
  const { t, language } = useI18n();
  const [email, setEmail] = useState('');
  const [erased, setErased] = useState<{ email: string; result: ReporterErasureResult }>();
  const confirmation = useRef<HTMLDivElement>(null);
  const lookUp = useMutation({ mutationFn: (address: string) => api<ReporterData>(tenantPath(municipality, `/report-reporter-data?${new URLSearchParams({ email: address })}`)) });
  const erase = useMutation({
    mutationFn: (address: string) => api<ReporterErasureResult>(tenantPath(municipality, '/report-reporter-erasures'), { method: 'POST', body: { email: address } }),
    onSuccess: (result, address) => {
      setErased({ email: address, result });
      lookUp.reset();
    },
  });
  useEffect(() => {
    if (erased) confirmation.current?.focus();
  }, [erased]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setErased(undefined);
    erase.reset();
    lookUp.mutate(email);
  };
  const data = lookUp.data;
  const problem = lookUp.error instanceof ApiProblem ? lookUp.error : undefined;
  const when = (moment: string) => new Date(moment).toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });
  const isEmpty = data && data.reported.length === 0 && data.followed.length === 0;
  return (
    <section aria-labelledby="reporter-data-heading" className="admin-panel">
      <Heading level={2} id="reporter-data-heading">
        {t('admin.privacy.reporterTitle')}
      </Heading>
      <Paragraph>{t('admin.privacy.reporterIntro')}</Paragraph>
      {erased && (
        <div ref={confirmation} tabIndex={-1} className="app-status-focus admin-confirmation">
          <Alert type="ok" role="status">
            <Paragraph>{t('admin.privacy.reporterErased', { email: erased.email, reports: erased.result.reports, followed: erased.result.followed })}</Paragraph>
          </Alert>
        </div>
      )}
      <ProblemAlert error={lookUp.error} fieldIds={{ 'querystring.email': 'reporter-email' }} />
      <form className="app-form" onSubmit={onSubmit} noValidate aria-labelledby="reporter-data-heading">
        <TextField
          id="reporter-email"
          type="email"
          label={t('admin.privacy.reporterEmail')}
          description={t('admin.privacy.reporterEmailHint')}
          required
          autoComplete="off"
          value={email}
          onChange={setEmail}
          error={problem?.fieldError('querystring.email')}
        />
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={lookUp.isPending} disabled={lookUp.isPending}>
            {t('admin.privacy.reporterLookUp')}
          </Button>
        </div>
      </form>
      {data && (
        <div>
          <Paragraph role="status">
            <strong>{isEmpty ? t('admin.privacy.reporterNothing', { email: data.email }) : t('admin.privacy.reporterFound', { email: data.email, reports: data.reported.length, followed: data.followed.length })}</strong>
          </Paragraph>
          {data.reported.length > 0 && (
            <div className="app-card-table-frame">
              <Table className="app-card-table app-card-table--headed">
                <TableCaption>{t('admin.privacy.reporterReported')}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('admin.privacy.reporterReference')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('admin.privacy.reporterReportedAt')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('admin.privacy.reporterStatus')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('admin.privacy.reporterContact')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('admin.privacy.reporterPlaceAndWords')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.reported.map((row) => (
                    <TableRow key={row.reference}>
                      <TableHeaderCell scope="row">{row.reference}</TableHeaderCell>
                      <TableCell data-label={t('admin.privacy.reporterReportedAt')}>{when(row.reportedAt)}</TableCell>
                      <TableCell data-label={t('admin.privacy.reporterStatus')}>{t(`reportStatus.${row.status}`)}</TableCell>
                      <TableCell data-label={t('admin.privacy.reporterContact')}>{[row.email, row.phone].filter(Boolean).join(' · ') || t('admin.privacy.reporterNoContact')}</TableCell>
                      <TableCell data-label={t('admin.privacy.reporterPlaceAndWords')}>
                        {row.address ? `${row.address}: ` : ''}
                        {row.description}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {data.followed.length > 0 && (
            <div className="app-card-table-frame">
              <Table className="app-card-table app-card-table--headed">
                <TableCaption>{t('admin.privacy.reporterFollowed')}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('admin.privacy.reporterReference')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('admin.privacy.reporterFollowingSince')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('admin.privacy.reporterStatus')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.followed.map((row) => (
                    <TableRow key={row.reference}>
                      <TableHeaderCell scope="row">{row.reference}</TableHeaderCell>
                      <TableCell data-label={t('admin.privacy.reporterFollowingSince')}>{when(row.followingSince)}</TableCell>
                      <TableCell data-label={t('admin.privacy.reporterStatus')}>{t(`reportStatus.${row.status}`)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {!isEmpty && (
            <div className="app-form">
              <DownloadLink data={data} />
              <ProblemAlert error={erase.error} />
              <ConfirmTwice
                startLabel={t('admin.privacy.reporterErase')}
                question={t('admin.privacy.reporterEraseQuestion', { email: data.email, reports: data.reported.length, followed: data.followed.length })}
                confirmLabel={t('admin.privacy.reporterEraseConfirm')}
                busy={erase.isPending}
                onConfirm={() => erase.mutate(data.email)}
              />
            </div>
          )}
        </div>
      )}
    </section>
  );
}

/** What was found, as a JSON file to hand to the reporter; made in the browser from the answer on screen. */
function DownloadLink({ data }: { data: ReporterData }) {
  const { t } = useI18n();
  const href = useMemo(() => URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' })), [data]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <Paragraph>
      <Link href={href} download={`meldingen-${data.email.replace(/[^a-z0-9.-]+/gi, '_')}.json`}>
        {t('admin.privacy.reporterDownload')}
      </Link>
    </Paragraph>
  );
}
