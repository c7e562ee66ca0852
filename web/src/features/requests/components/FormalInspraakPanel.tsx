import { Button, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import type { Request } from '../../../api/types.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useRequestStep } from './useRequestStep.ts';

/**
 * Whether advice is part of a formal inspraak procedure: only then does deviating from it need the college or the
 * municipal council (§3.1). The council cannot know, so staff say so.
 */
export function FormalInspraakPanel({ municipality, request }: { municipality: string; request: Request }) {
  const { t } = useI18n();
  const mark = useRequestStep(municipality, request, '/formal-inspraak', { done: (updated) => (updated?.isFormalInspraak === false ? t('status.formalInspraakOff') : t('formalInspraak.saved')) });
  return (
    <section aria-labelledby="formal-inspraak-heading">
      <Heading level={2} id="formal-inspraak-heading">
        {t('formalInspraak.title')}
      </Heading>
      <Paragraph>{request.isFormalInspraak ? t('formalInspraak.isFormal') : t('formalInspraak.isNotFormal')}</Paragraph>
      <ProblemAlert error={mark.error} />
      <Button appearance="secondary-action-button" busy={mark.isPending} onClick={() => mark.mutate({ isFormalInspraak: !request.isFormalInspraak })}>
        {request.isFormalInspraak ? t('formalInspraak.unmark') : t('formalInspraak.mark')}
      </Button>
    </section>
  );
}
