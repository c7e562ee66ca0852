import { Button, ButtonGroup, Checkbox, FormField, FormFieldErrorMessage, FormLabel, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AddressSearch } from '../components/AddressSearch.tsx';
import { AlreadyReported } from '../components/AlreadyReported.tsx';
import { ChoiceList } from '../components/ChoiceList.tsx';
import { LocationPicker } from '../components/LocationPicker.tsx';
import { type PhotoFailure, PhotosField, photoProblems, uploadReportPhotos } from '../components/PhotosField.tsx';
import type { LocationPickerHandle } from '../components/LocationPickerView.tsx';
import { ReportReceived } from '../components/ReportReceived.tsx';
import { useReportCategories } from '../queries.ts';
import type { Point, ReportReceipt } from '../types.ts';
import { useAddressedText } from '../../appearance/appearance.ts';

const steps = ['category', 'location', 'description', 'contact'] as const;
type Step = (typeof steps)[number];

/** Which step holds a field the server refused, so the form can take the reporter back to it. */
function stepOfField(field: string): Step {
  if (field.startsWith('body.categoryCode')) return 'category';
  if (field.startsWith('body.location') || field.startsWith('body.address')) return 'location';
  if (field.startsWith('body.description') || field.startsWith('body.answers')) return 'description';
  return 'contact';
}

/**
 * Reporting a problem in public space, without an account, in four short steps that fit a phone: what (main and
 * subcategory), where (tap the map, the device's position, or the middle of the map by keyboard), the description
 * with the category's questions, and — if the reporter wants to hear back — an e-mail address with consent.
 */
export function ReportProblemPage() {
  const { municipality = '' } = useParams();
  const { t, language } = useI18n();
  const addressed = useAddressedText(municipality);
  const categories = useReportCategories(municipality, language);
  const [step, setStep] = useState<Step>('category');
  const [values, setValues] = useState({ main: '', categoryCode: '', address: '', description: '', email: '', phone: '', contactConsent: false, mayPublishPhotos: false, website: '' });
  const [photos, setPhotos] = useState<File[]>([]);
  // While the photos go one by one after the report: which one is on its way.
  const [sendingPhoto, setSendingPhoto] = useState(0);
  const [photoFailures, setPhotoFailures] = useState<PhotoFailure[]>([]);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [point, setPoint] = useState<Point | null>(null);
  const [stepError, setStepError] = useState<Record<string, string>>({});
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const [receipt, setReceipt] = useState<ReportReceipt | null>(null);
  // One key per report being made: a double tap or a retry after a lost answer is still one report.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const picker = useRef<LocationPickerHandle | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const set = (name: keyof typeof values) => (value: string | boolean) => setValues((current) => ({ ...current, [name]: value }));

  const main = categories.data?.items.find((item) => item.code === values.main);
  const subcategory = main?.subcategories.find((item) => item.code === values.categoryCode);
  const stepNumber = steps.indexOf(step) + 1;
  useEffect(() => {
    if (stepNumber > 0) heading.current?.focus();
  }, [stepNumber]);

  const submit = useMutation({
    mutationFn: () =>
      api<ReportReceipt>(tenantPath(municipality, '/reports'), {
        method: 'POST',
        idempotencyKey,
        body: {
          categoryCode: values.categoryCode,
          location: point,
          address: values.address,
          description: values.description,
          answers: Object.fromEntries(Object.entries(answers).filter(([, answer]) => answer.trim() !== '')),
          email: values.email.trim() || undefined,
          phone: values.phone.trim() || undefined,
          contactConsent: values.contactConsent,
          mayPublishPhotos: photos.length > 0 && values.mayPublishPhotos,
          website: values.website || undefined,
        },
      }),
    onSuccess: async (created) => {
      // The report is saved; the photos follow it, each with the secret of its status link.
      if (photos.length > 0) setPhotoFailures(await uploadReportPhotos(municipality, created, photos, setSendingPhoto));
      setSendingPhoto(0);
      setReceipt(created);
    },
    onError: (error) => {
      const first = error instanceof ApiProblem ? error.errors[0] : undefined;
      if (first) setStep(stepOfField(first.field));
    },
  });
  const problem = submit.error instanceof ApiProblem ? submit.error : undefined;
  const error = (field: string) => stepError[field] ?? problem?.fieldError(`body.${field}`);

  if (receipt) return <ReportReceived municipality={municipality} receipt={receipt} photosAdded={photos.length - photoFailures.length} photoFailures={photoFailures} />;
  if (categories.isPending) return <Loading />;
  if (categories.error) return <ProblemAlert error={categories.error} />;

  /** Checks what this step needs before the next, in words; the server checks everything again. */
  function missingInStep(): Record<string, string> {
    if (step === 'category') {
      if (!values.main) return { main: t('reporting.category.mainMissing') };
      if (!values.categoryCode) return { categoryCode: t('reporting.category.subMissing') };
    }
    if (step === 'location' && !point) return { location: t('reporting.location.missing') };
    if (step === 'description') {
      const problems: Record<string, string> = {};
      if (values.description.trim().length < 5) problems.description = t('reporting.description.tooShort');
      for (const question of subcategory?.questions ?? []) if (question.isRequired && !answers[question.code]?.trim()) problems[`answers.${question.code}`] = t('reporting.description.answerMissing');
      const photoProblem = photoProblems(photos, t, language);
      if (photoProblem.length > 0) problems.photos = photoProblem.join(' ');
      return problems;
    }
    return {};
  }

  function onNext(event: FormEvent) {
    event.preventDefault();
    const missing = missingInStep();
    setStepError(missing);
    if (Object.keys(missing).length > 0) return;
    if (step === 'contact') submit.mutate();
    else setStep(steps[stepNumber]);
  }

  function locateMe() {
    if (!navigator.geolocation) return setLocating('failed');
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setPoint({ latitude: Number(position.coords.latitude.toFixed(6)), longitude: Number(position.coords.longitude.toFixed(6)) });
        setLocating('idle');
      },
      () => setLocating('failed'),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  }

  const fieldIds = { 'body.categoryCode': 'report-categoryCode', 'body.location': 'report-location', 'body.description': 'report-description', 'body.email': 'report-email', 'body.phone': 'report-phone', 'body.contactConsent': 'report-consent', 'body.website': 'report-website' };
  return (
    <>
      <PageTitle>{t('reporting.title')}</PageTitle>
      <Paragraph>{addressed('reporting.intro')}</Paragraph>
      {step === 'category' && (
        <Paragraph>
          <AppLink to={`/${municipality}/meldingen/kaart`}>{t('reporting.map.link')}</AppLink>
        </Paragraph>
      )}
      <ol className="app-steps" aria-label={t('reporting.stepsLabel')}>
        {steps.map((name, index) => (
          <li key={name} aria-current={name === step ? 'step' : undefined} className={name === step ? 'app-steps__current' : index < stepNumber - 1 ? 'app-steps__done' : undefined}>
            {t(`reporting.step.${name}`)}
          </li>
        ))}
      </ol>
      <form className="app-form" onSubmit={onNext} noValidate>
        <Heading level={2} ref={heading} tabIndex={-1} className="app-status-focus">
          {t('reporting.stepHeading', { number: stepNumber, total: steps.length, name: t(`reporting.step.${step}`) })}
        </Heading>
        <ProblemAlert error={submit.error} fieldIds={fieldIds} />

        {step === 'category' && (
          <>
            <ChoiceList
              id="report-main"
              legend={t('reporting.category.main')}
              required
              value={values.main}
              onChange={(value) => setValues((current) => ({ ...current, main: value, categoryCode: '' }))}
              options={(categories.data?.items ?? []).map((item) => ({ value: item.code, label: item.name }))}
              error={error('main')}
            />
            {main && (
              <ChoiceList
                id="report-categoryCode"
                legend={t('reporting.category.sub', { main: main.name })}
                required
                value={values.categoryCode}
                onChange={set('categoryCode')}
                options={main.subcategories.map((item) => ({ value: item.code, label: item.name }))}
                error={error('categoryCode')}
              />
            )}
          </>
        )}

        {step === 'location' && (
          <>
            <div id="report-location" tabIndex={-1}>
              <Paragraph>{t('reporting.location.howTo')}</Paragraph>
              {error('location') && <FormFieldErrorMessage id="report-location-error">{error('location')}</FormFieldErrorMessage>}
            </div>
            <LocationPicker municipality={municipality} value={point} onChange={setPoint} label={t('reporting.location.mapLabel')} handle={picker} />
            <ButtonGroup>
              <Button type="button" appearance="secondary-action-button" busy={locating === 'busy'} onClick={locateMe}>
                {t('reporting.location.useMine')}
              </Button>
              <Button type="button" appearance="secondary-action-button" onClick={() => picker.current && setPoint(picker.current.centre() ?? null)}>
                {t('reporting.location.useCentre')}
              </Button>
            </ButtonGroup>
            {locating === 'failed' && <Paragraph role="alert">{t('reporting.location.positionFailed')}</Paragraph>}
            <Paragraph role="status" aria-live="polite">
              {point ? t('reporting.location.chosen', { latitude: point.latitude.toFixed(5), longitude: point.longitude.toFixed(5) }) : t('reporting.location.none')}
            </Paragraph>
            <AddressSearch
              municipality={municipality}
              onChoose={(chosen, label) => {
                setPoint(chosen);
                setValues((current) => ({ ...current, address: label }));
              }}
            />
            <TextField id="report-address" label={t('reporting.location.address')} description={t('reporting.location.addressHelp')} value={values.address} onChange={set('address')} autoComplete="street-address" error={error('address')} />
            <AlreadyReported municipality={municipality} categoryCode={values.categoryCode} point={point} />
          </>
        )}

        {step === 'description' && (
          <>
            <TextField id="report-description" label={t('reporting.description.label')} description={t('reporting.description.help')} required multiline value={values.description} onChange={set('description')} error={error('description')} />
            {subcategory?.questions.map((question) =>
              question.kind === 'singlevaluelist' ? (
                <ChoiceList
                  key={question.code}
                  id={`report-answer-${question.code}`}
                  legend={question.question}
                  required={question.isRequired}
                  value={answers[question.code] ?? ''}
                  onChange={(value) => setAnswers((current) => ({ ...current, [question.code]: value }))}
                  options={question.options.map((option) => ({ value: option.key, label: option.name }))}
                  error={error(`answers.${question.code}`)}
                />
              ) : (
                <TextField
                  key={question.code}
                  id={`report-answer-${question.code}`}
                  label={question.question}
                  required={question.isRequired}
                  value={answers[question.code] ?? ''}
                  onChange={(value) => setAnswers((current) => ({ ...current, [question.code]: value }))}
                  error={error(`answers.${question.code}`)}
                />
              ),
            )}
            <PhotosField files={photos} onChange={setPhotos} error={error('photos')} />
          </>
        )}

        {step === 'contact' && (
          <>
            <Paragraph>{t('reporting.contact.intro')}</Paragraph>
            <TextField id="report-email" label={t('reporting.contact.email')} type="email" autoComplete="email" value={values.email} onChange={set('email')} error={error('email')} />
            <TextField id="report-phone" label={t('reporting.contact.phone')} description={t('reporting.contact.phoneHelp')} type="tel" autoComplete="tel" value={values.phone} onChange={set('phone')} error={error('phone')} />
            {error('contactConsent') && <FormFieldErrorMessage id="report-consent-error">{error('contactConsent')}</FormFieldErrorMessage>}
            <FormField type="checkbox" invalid={Boolean(error('contactConsent'))}>
              <Paragraph>
                <Checkbox id="report-consent" checked={values.contactConsent} aria-describedby={error('contactConsent') ? 'report-consent-error' : undefined} onChange={(event) => set('contactConsent')((event.target as HTMLInputElement).checked)} />{' '}
                <FormLabel htmlFor="report-consent" type="checkbox">
                  {t('reporting.contact.consent')}
                </FormLabel>
              </Paragraph>
            </FormField>
            {photos.length > 0 && (
              <FormField type="checkbox">
                <Paragraph>
                  <Checkbox id="report-publish-photos" checked={values.mayPublishPhotos} onChange={(event) => set('mayPublishPhotos')((event.target as HTMLInputElement).checked)} />{' '}
                  <FormLabel htmlFor="report-publish-photos" type="checkbox">
                    {t('reporting.photos.mayPublish')}
                  </FormLabel>
                </Paragraph>
              </FormField>
            )}
            {/* Only form-filling robots see this field; people (and their screen readers) are told to leave it alone. */}
            <div className="app-honeypot" aria-hidden="true">
              <label htmlFor="report-website">{t('reporting.honeypot')}</label>
              <input id="report-website" name="website" type="text" tabIndex={-1} autoComplete="off" value={values.website} onChange={(event) => set('website')(event.target.value)} />
            </div>
            <section className="app-card" aria-labelledby="report-summary-heading">
              <Heading level={3} id="report-summary-heading">
                {t('reporting.summary.title')}
              </Heading>
              <Paragraph>
                <strong>{t('reporting.summary.what')}</strong> {main?.name} — {subcategory?.name}
                <br />
                <strong>{t('reporting.summary.where')}</strong> {values.address || (point ? `${point.latitude.toFixed(5)}, ${point.longitude.toFixed(5)}` : '')}
                <br />
                <strong>{t('reporting.summary.description')}</strong> {values.description}
                {photos.length > 0 && (
                  <>
                    <br />
                    <strong>{t('reporting.summary.photos')}</strong> {photos.length}
                  </>
                )}
              </Paragraph>
            </section>
          </>
        )}

        <ButtonGroup>
          {stepNumber > 1 && (
            <Button type="button" appearance="secondary-action-button" onClick={() => {
                setStepError({});
                setStep(steps[stepNumber - 2]);
              }}>
              {t('reporting.previous')}
            </Button>
          )}
          <Button type="submit" appearance="primary-action-button" busy={submit.isPending} disabled={submit.isPending}>
            {step === 'contact' ? t('reporting.send') : t('reporting.next')}
          </Button>
        </ButtonGroup>
        <div role="status" aria-live="polite">
          {sendingPhoto > 0 && <Paragraph>{t('reporting.photos.sending', { number: sendingPhoto, total: photos.length })}</Paragraph>}
        </div>
      </form>
    </>
  );
}
