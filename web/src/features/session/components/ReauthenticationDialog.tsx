import { Button, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useEffect, useRef, useState } from 'react';
import { api, setReauthenticator, tenantPath } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type Proof, SecondFactorProof } from './SecondFactorProof.tsx';

type Options = { methods: string[]; passkeyOptions: Record<string, unknown> | null };

/**
 * The step-up: when a change needs a recent confirmation, this modal dialog asks for it and the change is made
 * again. The native <dialog> keeps focus inside and closes on Escape, which counts as "not now".
 */
export function ReauthenticationDialog({ municipality }: { municipality: string }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const settle = useRef<((confirmed: boolean) => void) | undefined>(undefined);
  const [options, setOptions] = useState<Options | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    setReauthenticator(async () => {
      const loaded = await api<Options>(tenantPath(municipality, '/sessions/current/reauthentication-options'), { method: 'POST', withoutStepUp: true });
      setOptions(loaded);
      setError(undefined);
      dialog.current?.showModal();
      return new Promise<boolean>((resolve) => {
        settle.current = resolve;
      });
    });
    return () => setReauthenticator(undefined);
  }, [municipality]);

  const finish = (confirmed: boolean) => {
    dialog.current?.close();
    settle.current?.(confirmed);
    settle.current = undefined;
  };
  const confirm = async (proof: Proof) => {
    setBusy(true);
    setError(undefined);
    try {
      await api(tenantPath(municipality, '/sessions/current/reauthentication'), { method: 'POST', body: proof, withoutStepUp: true });
      finish(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="app-dialog" aria-labelledby="reauthentication-heading" onCancel={() => finish(false)}>
      <Heading level={2} id="reauthentication-heading">
        {t('reauthentication.title')}
      </Heading>
      <Paragraph>{t('reauthentication.intro')}</Paragraph>
      {options && (
        <SecondFactorProof
          idPrefix="reauthentication"
          methods={options.methods}
          passkeyOptions={options.passkeyOptions}
          busy={busy}
          error={error}
          submitLabel={t('reauthentication.submit')}
          onProof={confirm}
        />
      )}
      <Button type="button" appearance="subtle-button" onClick={() => finish(false)}>
        {t('reauthentication.cancel')}
      </Button>
    </dialog>
  );
}
