import { Button, Paragraph } from '@utrecht/component-library-react/css-module';
import { startAuthentication } from '@simplewebauthn/browser';
import { type FormEvent, useState } from 'react';
import { ApiProblem } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { PasswordField } from '../../../components/PasswordField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

export type Proof = { totpCode: string } | { passkey: unknown } | { password: string };

/**
 * How a person proves it is them at the second step of a login or before a sensitive change: the code from their
 * authenticator app, their passkey, or (for someone without a second factor) their password.
 */
export function SecondFactorProof(props: {
  idPrefix: string;
  methods: string[];
  passkeyOptions: Record<string, unknown> | null;
  busy: boolean;
  error: unknown;
  submitLabel: string;
  onProof(proof: Proof): void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [passkeyError, setPasskeyError] = useState<string | undefined>();
  const problem = props.error instanceof ApiProblem ? props.error : undefined;
  const codeId = `${props.idPrefix}-code`;
  const passwordId = `${props.idPrefix}-password`;

  const signWithPasskey = async () => {
    setPasskeyError(undefined);
    try {
      const answer = await startAuthentication({ optionsJSON: props.passkeyOptions as unknown as Parameters<typeof startAuthentication>[0]['optionsJSON'] });
      props.onProof({ passkey: answer });
    } catch {
      setPasskeyError(t('secondFactor.passkeyCancelled'));
    }
  };
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    props.onProof(props.methods.includes('password') ? { password } : { totpCode: code });
  };

  return (
    <div className="app-form">
      <ProblemAlert error={props.error} fieldIds={{ 'body.totpCode': codeId, 'body.password': passwordId }} />
      {props.methods.includes('passkey') && props.passkeyOptions && (
        <div>
          <Paragraph>{t('secondFactor.passkeyIntro')}</Paragraph>
          <Button type="button" appearance="primary-action-button" busy={props.busy} disabled={props.busy} onClick={signWithPasskey}>
            {t('secondFactor.usePasskey')}
          </Button>
          {passkeyError && <Paragraph role="alert">{passkeyError}</Paragraph>}
        </div>
      )}
      {(props.methods.includes('totp') || props.methods.includes('password')) && (
        <form className="app-form" onSubmit={submitCode} noValidate>
          {props.methods.includes('totp') ? (
            <TextField
              id={codeId}
              label={t('secondFactor.code')}
              description={t('secondFactor.codeDescription')}
              value={code}
              onChange={setCode}
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              error={problem?.fieldError('body.totpCode')}
            />
          ) : (
            <PasswordField id={passwordId} label={t('login.password')} autoComplete="current-password" value={password} onChange={setPassword} required error={problem?.fieldError('body.password')} />
          )}
          <div>
            <Button type="submit" appearance={props.methods.includes('passkey') ? 'secondary-action-button' : 'primary-action-button'} busy={props.busy} disabled={props.busy}>
              {props.submitLabel}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
