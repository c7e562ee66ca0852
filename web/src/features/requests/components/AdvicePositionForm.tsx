import { Button, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useState } from 'react';
import type { Request } from '../../../api/types.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useRequestStep } from './useRequestStep.ts';

/** Follows, follows partly or deviates; deviating says who decided, and the council hears of it (§3.3). */
export function AdvicePositionForm({ municipality, request }: { municipality: string; request: Request }) {
  const { t } = useI18n();
  const [values, setValues] = useState({ position: request.advicePosition?.position ?? 'follows', motivation: request.advicePosition?.motivation ?? '', decidingBody: request.advicePosition?.decidingBody ?? (request.isFormalInspraak ? '' : 'department') });
  const set = (name: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [name]: value }));
  const record = useRequestStep(municipality, request, '/advice-position', { done: () => t('position.saved') });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ position: values.position, motivation: values.motivation, decidingBody: values.position === 'deviates' ? values.decidingBody || null : null });
  };
  // In a formal inspraak procedure the college or the municipal council decides; otherwise the department (§3.1).
  const bodies = request.isFormalInspraak ? ['college', 'municipalCouncil'] : ['department'];
  return (
    <section aria-labelledby="position-heading">
      <Heading level={2} id="position-heading">
        {t('position.title')}
      </Heading>
      <Paragraph>{request.isFormalInspraak ? t('position.introFormal') : t('position.intro')}</Paragraph>
      <ProblemAlert error={record.error} fieldIds={{ 'body.motivation': 'position-motivation', 'body.decidingBody': 'position-decidingBody' }} />
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <SelectField id="position-position" label={t('position.position')} value={values.position} onChange={set('position')} options={['follows', 'follows_partly', 'deviates'].map((position) => ({ value: position, label: t(`advicePosition.${position}`) }))} />
        {values.position === 'deviates' && (
          <SelectField
            id="position-decidingBody"
            label={t('position.decidingBody')}
            value={values.decidingBody}
            onChange={set('decidingBody')}
            options={[{ value: '', label: t('common.choose') }, ...bodies.map((body) => ({ value: body, label: t(`decidingBody.${body}`) }))]}
            error={record.fieldError('decidingBody')}
          />
        )}
        <TextField id="position-motivation" label={t('position.motivation')} multiline value={values.motivation} onChange={set('motivation')} error={record.fieldError('motivation')} />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={record.isPending}>
            {t('position.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
