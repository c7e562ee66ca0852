import { Button, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import type { MunicipalityAppearance } from '../../../api/types.ts';
import { Loading, ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { LabelledField } from '../../../components/LabelledField.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { appearanceKey, type Colours, contrastWithWhite, themeStyleOf, useAppearance } from '../../appearance/appearance.ts';
import { AdminPage } from '../components/AdminPage.tsx';
import { StatementForm } from './PrivacyPage.tsx';

const colourRoles = ['primary', 'primaryHover', 'link', 'header', 'footer'] as const;
const contactFields = ['phone', 'email', 'address', 'website'] as const;

/** /beheer/huisstijl: the municipality's name as shown, logo, colours, form of address, contact details and privacy statement. */
export function AppearancePage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const appearance = useAppearance(municipality);
  return (
    <AdminPage title={t('admin.section.huisstijl')} intro={t('admin.appearance.intro')}>
      {appearance.isPending ? (
        <Loading />
      ) : appearance.error ? (
        <ProblemAlert error={appearance.error} />
      ) : (
        <>
          <AppearanceForm municipality={municipality} appearance={appearance.data} />
          <LogoForm municipality={municipality} appearance={appearance.data} />
        </>
      )}
      <StatementForm municipality={municipality} />
    </AdminPage>
  );
}

function AppearanceForm({ municipality, appearance }: { municipality: string; appearance: MunicipalityAppearance }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState(appearance.displayName ?? '');
  const [formOfAddress, setFormOfAddress] = useState<string>(appearance.formOfAddress);
  const [colours, setColours] = useState<Record<keyof Colours, string>>(() => Object.fromEntries(colourRoles.map((role) => [role, appearance.colours[role] ?? ''])) as Record<keyof Colours, string>);
  const [contact, setContact] = useState<Record<(typeof contactFields)[number], string>>(() => Object.fromEntries(contactFields.map((field) => [field, appearance.contact[field] ?? ''])) as Record<(typeof contactFields)[number], string>);
  const save = useMutation({
    mutationFn: () =>
      api<MunicipalityAppearance>(tenantPath(municipality, '/appearance'), {
        method: 'PUT',
        body: {
          displayName: displayName.trim() || null,
          formOfAddress,
          colours: Object.fromEntries(colourRoles.map((role) => [role, colours[role].trim() || null])),
          contact: Object.fromEntries(contactFields.map((field) => [field, contact[field].trim() || null])),
        },
      }),
    onSuccess: (saved) => queryClient.setQueryData(appearanceKey(municipality), saved),
  });
  const problem = save.error instanceof ApiProblem ? save.error : undefined;
  const error = (field: string) => problem?.fieldError(`body.${field}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const ids: Record<string, string> = {
    'body.displayName': 'appearance-displayName',
    'body.formOfAddress': 'appearance-formOfAddress',
    ...Object.fromEntries(colourRoles.map((role) => [`body.colours.${role}`, `appearance-colour-${role}`])),
    ...Object.fromEntries(contactFields.map((field) => [`body.contact.${field}`, `appearance-contact-${field}`])),
  };
  const previewColours = Object.fromEntries(colourRoles.map((role) => [role, contrastWithWhite(colours[role].trim()) ? colours[role].trim() : null])) as Colours;
  return (
    <section aria-labelledby="appearance-edit" className="admin-panel">
      <Heading level={2} id="appearance-edit">
        {t('admin.appearance.formTitle')}
      </Heading>
      {save.isSuccess && <SuccessAlert>{t('admin.appearance.saved')}</SuccessAlert>}
      <ProblemAlert error={save.error} fieldIds={ids} />
      <form className="app-form" onSubmit={submit} noValidate>
        <TextField id="appearance-displayName" label={t('admin.appearance.displayName')} description={t('admin.appearance.displayNameHint', { name: appearance.municipalityName })} value={displayName} onChange={setDisplayName} error={error('displayName')} />
        <SelectField
          id="appearance-formOfAddress"
          label={t('admin.appearance.formOfAddress')}
          description={t('admin.appearance.formOfAddressHint')}
          value={formOfAddress}
          onChange={setFormOfAddress}
          options={[
            { value: 'je', label: t('admin.appearance.formOfAddress.je') },
            { value: 'u', label: t('admin.appearance.formOfAddress.u') },
          ]}
          error={error('formOfAddress')}
        />
        <fieldset className="app-fieldset">
          <legend>{t('admin.appearance.coloursTitle')}</legend>
          <Paragraph small>{t('admin.appearance.coloursHint')}</Paragraph>
          {colourRoles.map((role) => (
            <ColourField key={role} role={role} value={colours[role]} onChange={(value) => setColours((current) => ({ ...current, [role]: value }))} error={error(`colours.${role}`)} />
          ))}
        </fieldset>
        <section aria-labelledby="appearance-preview-title" className="app-appearance-preview" style={themeStyleOf(previewColours)}>
          <Heading level={3} id="appearance-preview-title">
            {t('admin.appearance.preview')}
          </Heading>
          <div className="app-appearance-preview__header">{displayName.trim() || t('layout.municipalityName', { municipality: appearance.municipalityName })}</div>
          <Paragraph>
            {t('admin.appearance.previewText')}{' '}
            {/* A sample link that goes nowhere: only its colour matters here. */}
            <a href="#appearance-preview-title">{t('admin.appearance.previewLink')}</a>
          </Paragraph>
          <Button type="button" appearance="primary-action-button">
            {t('admin.appearance.previewButton')}
          </Button>
          <div className="app-appearance-preview__footer">{t('admin.appearance.previewFooter')}</div>
        </section>
        <fieldset className="app-fieldset">
          <legend>{t('admin.appearance.contactTitle')}</legend>
          <TextField id="appearance-contact-phone" label={t('admin.appearance.phone')} type="tel" value={contact.phone} onChange={(value) => setContact((current) => ({ ...current, phone: value }))} error={error('contact.phone')} />
          <TextField id="appearance-contact-email" label={t('admin.appearance.email')} type="email" value={contact.email} onChange={(value) => setContact((current) => ({ ...current, email: value }))} error={error('contact.email')} />
          <TextField id="appearance-contact-address" label={t('admin.appearance.address')} description={t('admin.appearance.addressHint')} multiline value={contact.address} onChange={(value) => setContact((current) => ({ ...current, address: value }))} error={error('contact.address')} />
          <TextField id="appearance-contact-website" label={t('admin.appearance.website')} type="url" value={contact.website} onChange={(value) => setContact((current) => ({ ...current, website: value }))} error={error('contact.website')} />
        </fieldset>
        <div>
          <Button type="submit" appearance="primary-action-button" busy={save.isPending} disabled={save.isPending}>
            {t('admin.appearance.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** One colour: the hex code, a swatch, and whether white text on it is readable enough. */
function ColourField({ role, value, onChange, error }: { role: (typeof colourRoles)[number]; value: string; onChange(value: string): void; error?: string }) {
  const { t, language } = useI18n();
  const id = `appearance-colour-${role}`;
  const ratio = contrastWithWhite(value.trim());
  const ratioText = ratio === undefined ? '' : (Math.floor(ratio * 10) / 10).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 1 });
  return (
    <div className="app-colour-field">
      <TextField id={id} label={t(`admin.appearance.colour.${role}`)} description={t('admin.appearance.colourHint')} value={value} onChange={onChange} error={error} />
      <span className="app-colour-field__swatch" style={{ background: ratio === undefined ? 'transparent' : value.trim() }} aria-hidden="true" />
      {/* Said aloud when it changes, so someone typing a colour hears whether it is readable. */}
      <p className="app-colour-field__contrast" aria-live="polite">
        {value.trim() === '' ? t('admin.appearance.colourStandard') : ratio === undefined ? '' : t(ratio >= 4.5 ? 'admin.appearance.contrastGood' : 'admin.appearance.contrastLow', { ratio: ratioText })}
      </p>
    </div>
  );
}

function LogoForm({ municipality, appearance }: { municipality: string; appearance: MunicipalityAppearance }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<'uploaded' | 'removed' | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const onSaved = (saved: MunicipalityAppearance, what: 'uploaded' | 'removed') => {
    queryClient.setQueryData(appearanceKey(municipality), saved);
    setDone(what);
    setFile(null);
    if (input.current) input.current.value = '';
  };
  const upload = useMutation({
    mutationFn: (chosen: File) => {
      const form = new FormData();
      form.append('file', chosen);
      return api<MunicipalityAppearance>(tenantPath(municipality, '/appearance/logo'), { method: 'PUT', body: form });
    },
    onSuccess: (saved) => onSaved(saved, 'uploaded'),
  });
  const remove = useMutation({
    mutationFn: () => api<MunicipalityAppearance>(tenantPath(municipality, '/appearance/logo'), { method: 'DELETE' }),
    onSuccess: (saved) => onSaved(saved, 'removed'),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate(file);
  };
  const problem = upload.error instanceof ApiProblem ? upload.error : undefined;
  return (
    <section aria-labelledby="logo-edit" className="admin-panel">
      <Heading level={2} id="logo-edit">
        {t('admin.appearance.logoTitle')}
      </Heading>
      {done === 'uploaded' && <SuccessAlert>{t('admin.appearance.logoSaved')}</SuccessAlert>}
      {done === 'removed' && <SuccessAlert>{t('admin.appearance.logoRemoved')}</SuccessAlert>}
      <ProblemAlert error={upload.error ?? remove.error} fieldIds={{ 'body.file': 'appearance-logo' }} />
      {appearance.logoUrl ? (
        <p className="app-logo-preview">
          <img src={appearance.logoUrl} alt={t('admin.appearance.logoCurrent')} />
        </p>
      ) : (
        <Paragraph>{t('admin.appearance.logoNone')}</Paragraph>
      )}
      <form className="app-form" onSubmit={submit} noValidate>
        <LabelledField id="appearance-logo" label={t('admin.appearance.logoFile')} description={t('admin.appearance.logoHint')} error={problem?.fieldError('body.file') ?? (problem ? problem.detail : undefined)}>
          {(describedBy) => (
            <input
              ref={input}
              id="appearance-logo"
              type="file"
              accept="image/png,image/jpeg,image/webp"
              aria-describedby={describedBy}
              aria-invalid={problem ? true : undefined}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setDone(undefined);
                upload.reset();
              }}
            />
          )}
        </LabelledField>
        <div className="app-actions">
          <Button type="submit" appearance="secondary-action-button" busy={upload.isPending} disabled={upload.isPending || !file}>
            {t('admin.appearance.logoUpload')}
          </Button>
          {appearance.logoUrl && (
            <Button appearance="subtle-button" busy={remove.isPending} disabled={remove.isPending} onClick={() => remove.mutate()}>
              {t('admin.appearance.logoRemove')}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}
