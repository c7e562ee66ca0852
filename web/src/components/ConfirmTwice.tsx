import { Button, Paragraph } from '@utrecht/component-library-react/css-module';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * An action that cannot be undone, asked twice: a first button, then the question with "yes" and "no". Focus
 * goes to the question when it appears and back to the first button when the person says no.
 */
export function ConfirmTwice(props: { startLabel: string; question: string; confirmLabel: string; busy: boolean; disabled?: boolean; onConfirm(): void }) {
  const { t } = useI18n();
  const [isConfirming, setConfirming] = useState(false);
  const [hasAnswered, setAnswered] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (isConfirming) question.current?.focus();
    else if (hasAnswered) start.current?.focus();
  }, [isConfirming, hasAnswered]);
  if (!isConfirming) {
    return (
      <Button ref={start} appearance="secondary-action-button" disabled={props.disabled} onClick={() => setConfirming(true)}>
        {props.startLabel}
      </Button>
    );
  }
  return (
    <div>
      <Paragraph ref={question} tabIndex={-1}>
        <strong>{props.question}</strong>
      </Paragraph>
      <div className="app-actions">
        <Button appearance="primary-action-button" busy={props.busy} disabled={props.busy} onClick={props.onConfirm}>
          {props.confirmLabel}
        </Button>
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            setAnswered(true);
            setConfirming(false);
          }}
        >
          {t('myData.erasureConfirmNo')}
        </Button>
      </div>
    </div>
  );
}
