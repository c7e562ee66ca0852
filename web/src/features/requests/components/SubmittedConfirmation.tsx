import { Alert, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useEffect, useRef } from 'react';
import type { Request } from '../../../api/types.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { readableDay } from '../../../components/CalendarDate.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

/**
 * Right after submitting: the reference, what happens next and by when, and the link to keep. Its heading takes
 * the focus, so a screen reader reads the confirmation instead of starting at the top of a new page.
 */
export function SubmittedConfirmation({ municipality, request }: { municipality: string; request: Pick<Request, 'reference' | 'acknowledgeBy' | 'answerBy'> }) {
  const { t, language } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const path = `/${municipality}/vragen/${request.reference}`;
  return (
    <Alert type="ok" role="status">
      <Heading level={2} id="submitted-heading" ref={heading} tabIndex={-1} className="app-status-focus">
        {t('submitted.title')}
      </Heading>
      <Paragraph>{t('submitted.reference', { reference: request.reference })}</Paragraph>
      <Paragraph>{t('submitted.next', { acknowledgeBy: readableDay(request.acknowledgeBy, language), answerBy: readableDay(request.answerBy, language) })}</Paragraph>
      <Paragraph>{t('submitted.mail')}</Paragraph>
      <Paragraph>
        {t('submitted.link')} <AppLink to={path}>{`${window.location.origin}${path}`}</AppLink>
      </Paragraph>
    </Alert>
  );
}
