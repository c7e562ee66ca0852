import { Alert, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useEffect, useRef } from 'react';
import { AppLink } from '../../../components/AppLink.tsx';
import { readableDay } from '../../../components/CalendarDate.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { ReportReceipt } from '../types.ts';
import { type PhotoFailure, PhotoFailures } from './PhotosField.tsx';

/**
 * Right after reporting: the reference, what happens next and by when, and the status link to keep (it works
 * without an account). The heading takes the focus so a screen reader starts with the confirmation.
 */
export function ReportReceived({ municipality, receipt, photosAdded = 0, photoFailures = [] }: { municipality: string; receipt: ReportReceipt; photosAdded?: number; photoFailures?: PhotoFailure[] }) {
  const { t, language } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${t('reporting.received.title')} · ${t('app.name')}`;
    heading.current?.focus();
  }, [t]);
  const statusPath = `/${municipality}/meldingen/status/${receipt.statusToken}`;
  return (
    <>
      <Alert type="ok" role="status">
        <Heading level={1} ref={heading} tabIndex={-1} className="app-status-focus">
          {t('reporting.received.title')}
        </Heading>
        <Paragraph>
          {t('reporting.received.reference')} <strong className="app-reference">{receipt.reference}</strong>
        </Paragraph>
        {photosAdded > 0 && <Paragraph>{t('reporting.photos.added', { count: photosAdded })}</Paragraph>}
      </Alert>
      {photoFailures.length > 0 && <PhotoFailures failures={photoFailures} />}
      <Heading level={2}>{t('reporting.received.nextTitle')}</Heading>
      <Paragraph>{t('reporting.received.where', { category: receipt.category.name, neighbourhood: receipt.neighbourhoodName })}</Paragraph>
      <Paragraph>{receipt.handleBy ? t('reporting.received.by', { date: readableDay(receipt.handleBy, language) }) : t('reporting.received.noTerm')}</Paragraph>
      <Paragraph>{receipt.isFollowingUp ? t('reporting.received.mail') : t('reporting.received.noMail')}</Paragraph>
      <Paragraph>
        {t('reporting.received.link')} <AppLink to={statusPath}>{`${window.location.origin}${statusPath}`}</AppLink>
      </Paragraph>
      <Paragraph>
        <a href={`/${municipality}/meldingen/nieuw`}>{t('reporting.received.another')}</a>
      </Paragraph>
      <Paragraph>
        <AppLink to={`/${municipality}/meldingen/kaart`}>{t('reporting.map.link')}</AppLink>
      </Paragraph>
    </>
  );
}
