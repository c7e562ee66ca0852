import { Button, Checkbox, Fieldset, FieldsetLegend, FormField, FormFieldErrorMessage, FormLabel, Heading, Paragraph, RadioButton } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import { loginPathFor, useSession } from '../../../api/session.ts';
import type { Council, Page, Request, Theme } from '../../../api/types.ts';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useNeighbourhoods } from '../../public/queries.ts';
import { SelectField } from '../../../components/SelectField.tsx';
import { SubmittedConfirmation } from '../components/SubmittedConfirmation.tsx';
import { type AttachmentFailure, AttachmentFailures, AttachmentsField, hasTooLargeFile, uploadAttachments } from '../components/AttachmentsField.tsx';
import { useAddressedText } from '../../appearance/appearance.ts';

const kinds = ['question', 'request', 'advice_solicited', 'advice_unsolicited', 'initiative'];
// Advice is the neighbourhood council's (§3.3); a person asking for themselves asks, requests or proposes.
const personalKinds = ['question', 'request', 'initiative'];
const scales = ['street', 'area', 'neighbourhood', 'city_wide'];
const breadths = ['broad', 'divided', 'narrow'];

/** Ask, request, advise or propose: one form; advice on behalf of a council also states its support. */
export function SubmitRequestPage() {
  const { municipality = '' } = useParams();
  const location = useLocation();
  const { t, nameOf } = useI18n();
  const addressed = useAddressedText(municipality);
  const navigate = useNavigate();
  const session = useSession(municipality);
  const neighbourhoods = useNeighbourhoods(municipality);
  const themes = useQuery({ queryKey: ['themes', municipality], queryFn: () => api<Page<Theme>>(tenantPath(municipality, '/themes')) });
  const councilIds = session.data?.user.roles.filter((grant) => grant.role === 'council_member').map((grant) => grant.scopeId as string) ?? [];
  const councils = useQuery({ queryKey: ['my-councils', municipality, councilIds.join()], enabled: councilIds.length > 0, queryFn: () => Promise.all(councilIds.map((id) => api<Council>(tenantPath(municipality, `/councils/${id}`)))) });
  // Giving asked advice: the advice request, the council and the kind come from the link on the advice request.
  const [search] = useSearchParams();
  const adviceRequestId = search.get('adviesaanvraag');
  const [values, setValues] = useState({ kind: search.get('soort') ?? 'question', title: '', body: '', neighbourhoodId: search.get('wijk') ?? '', scale: 'neighbourhood', themeId: '', isPublic: undefined as boolean | undefined, councilId: search.get('wijkorgaan') ?? '', breadth: 'broad', dissent: '', openMeeting: false, boardDecision: false, surveyCount: '', petitionCount: '' });
  const set = (name: keyof typeof values) => (value: string | boolean) =>
    setValues((current) => {
      const next = { ...current, [name]: value };
      // Advice only on behalf of a council: choosing "myself" again turns it back into a question.
      if (name === 'councilId' && !value && next.kind.startsWith('advice')) next.kind = 'question';
      return next;
    });
  // The form starts in the person's own neighbourhood (a council member's: the council's), unless the link named one.
  const homeNeighbourhoodId = session.data?.user.homeNeighbourhoodId ?? councils.data?.[0]?.neighbourhood.id ?? '';
  const [isNeighbourhoodTouched, setNeighbourhoodTouched] = useState(Boolean(search.get('wijk')));
  useEffect(() => {
    if (!isNeighbourhoodTouched && homeNeighbourhoodId) setValues((current) => ({ ...current, neighbourhoodId: homeNeighbourhoodId }));
  }, [homeNeighbourhoodId, isNeighbourhoodTouched]);
  const [isPublicMissing, setPublicMissing] = useState(false);
  const availableKinds = values.councilId ? kinds : personalKinds;
  const isAdvice = values.kind.startsWith('advice');
  const needsSupport = isAdvice && values.councilId !== '';
  const [files, setFiles] = useState<File[]>([]);
  const [failed, setFailed] = useState<{ request: Request; failures: AttachmentFailure[] } | null>(null);

  const submit = useMutation({
    mutationFn: async () => {
      const origins = [
        ...(values.openMeeting ? [{ kind: 'open_meeting' }] : []),
        ...(values.boardDecision ? [{ kind: 'board_decision' }] : []),
        ...(values.surveyCount ? [{ kind: 'survey', count: Number(values.surveyCount) }] : []),
        ...(values.petitionCount ? [{ kind: 'petition', count: Number(values.petitionCount) }] : []),
      ];
      const created = await api<Request>(tenantPath(municipality, '/requests'), {
        method: 'POST',
        body: {
          kind: values.kind,
          title: values.title,
          body: values.body,
          neighbourhoodId: values.neighbourhoodId || null,
          scale: values.scale,
          themeIds: values.themeId ? [values.themeId] : [],
          isPublic: values.isPublic ?? true,
          councilId: values.councilId || undefined,
          supportStatement: needsSupport ? { origins, breadth: values.breadth, dissent: values.dissent } : undefined,
          adviceRequestId: adviceRequestId ?? undefined,
        },
      });
      return { created, failures: await uploadAttachments(municipality, created.id, files) };
    },
    // The request page opens under its reference and confirms what was sent, with what happens next.
    onSuccess: ({ created, failures }) => (failures.length > 0 ? setFailed({ request: created, failures }) : navigate(`/${municipality}/vragen/${created.reference}`, { state: { isJustSubmitted: true } })),
  });

  if (session.isPending) return <Loading />;
  if (!session.data) return <Navigate to={loginPathFor(municipality, `${location.pathname}${location.search}`)} replace />;
  // The request exists, a file did not make it: no second submit, but the way to the request.
  if (failed) {
    return (
      <>
        <PageTitle>{t('submit.title')}</PageTitle>
        <SubmittedConfirmation municipality={municipality} request={failed.request} />
        <AttachmentFailures municipality={municipality} requestId={failed.request.id} failures={failed.failures} />
      </>
    );
  }
  const problem = submit.error instanceof ApiProblem ? submit.error : undefined;
  const error = (field: string) => problem?.fieldError(`body.${field}`);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (hasTooLargeFile(files)) return document.getElementById('request-attachments')?.focus();
    // Public or not is the person's own choice, made knowingly: nothing is chosen for them.
    if (values.isPublic === undefined) {
      setPublicMissing(true);
      return document.getElementById('request-isPublic-yes')?.focus();
    }
    submit.mutate();
  };
  const fieldIds = {
    ...Object.fromEntries(['kind', 'title', 'body', 'neighbourhoodId', 'scale', 'supportStatement', 'supportStatement.dissent'].map((field) => [`body.${field}`, `request-${field.replace('.', '-')}`])),
    'body.supportStatement.origins': 'support-open-meeting',
  };

  return (
    <>
      <PageTitle>{t('submit.title')}</PageTitle>
      <Paragraph>{t('submit.intro')}</Paragraph>
      <ProblemAlert error={submit.error} fieldIds={fieldIds} />
      <form className="app-form" onSubmit={onSubmit} noValidate>
        {councilIds.length > 0 && (
          <SelectField id="request-councilId" label={t('submit.onBehalfOf')} value={values.councilId} onChange={set('councilId')} options={[{ value: '', label: t('submit.myself') }, ...(councils.data ?? []).map((council) => ({ value: council.id, label: council.name }))]} />
        )}
        <SelectField
          id="request-kind"
          label={t('requests.kind')}
          description={t(`submit.kindHelp.${values.kind}`)}
          required
          value={values.kind}
          onChange={set('kind')}
          options={availableKinds.map((kind) => ({ value: kind, label: t(`requestKind.${kind}`) }))}
          error={error('kind')}
        />
        <TextField id="request-title" label={t('requests.title')} required value={values.title} onChange={set('title')} error={error('title')} />
        <TextField id="request-body" label={t('submit.body')} description={addressed('submit.bodyDescription')} required multiline value={values.body} onChange={set('body')} error={error('body')} />
        <SelectField
          id="request-neighbourhoodId"
          label={t('field.neighbourhood')}
          description={t('submit.neighbourhoodHelp')}
          value={values.neighbourhoodId}
          onChange={(value) => {
            setNeighbourhoodTouched(true);
            set('neighbourhoodId')(value);
          }}
          options={[{ value: '', label: t('submit.cityWide') }, ...(neighbourhoods.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))]}
          error={error('neighbourhoodId')}
        />
        <SelectField
          id="request-scale"
          label={t('submit.scale')}
          description={t(values.scale === 'city_wide' ? 'submit.weightLimited' : 'submit.weightLarge')}
          required
          value={values.scale}
          onChange={set('scale')}
          options={scales.map((scale) => ({ value: scale, label: t(`scale.${scale}`) }))}
          error={error('scale')}
        />
        <SelectField
          id="request-themeId"
          label={t('submit.theme')}
          value={values.themeId}
          onChange={set('themeId')}
          options={[{ value: '', label: t('common.choose') }, ...(themes.data?.items ?? []).filter((item) => item.isActive).map((item) => ({ value: item.id, label: nameOf(item) }))]}
        />
        <Fieldset invalid={isPublicMissing && values.isPublic === undefined} aria-describedby={isPublicMissing && values.isPublic === undefined ? 'request-isPublic-error' : undefined}>
          <FieldsetLegend>{addressed('submit.isPublicLegend')} *</FieldsetLegend>
          {isPublicMissing && values.isPublic === undefined && (
            <FormFieldErrorMessage id="request-isPublic-error">{t('submit.isPublicMissing')}</FormFieldErrorMessage>
          )}
          {(['yes', 'no'] as const).map((option) => (
            <FormField key={option} type="radio">
              <Paragraph>
                <RadioButton id={`request-isPublic-${option}`} name="request-isPublic" checked={values.isPublic === (option === 'yes')} onChange={() => set('isPublic')(option === 'yes')} />{' '}
                <FormLabel htmlFor={`request-isPublic-${option}`} type="radio">
                  {addressed(`submit.isPublic.${option}`)}
                </FormLabel>
              </Paragraph>
            </FormField>
          ))}
        </Fieldset>
        {needsSupport && (
          <fieldset className="app-fieldset" id="request-supportStatement">
            <legend>
              <Heading level={2}>{t('submit.support')}</Heading>
            </legend>
            <Paragraph>{t('submit.supportIntro')}</Paragraph>
            {(error('supportStatement') ?? error('supportStatement.origins')) && <Paragraph>{error('supportStatement') ?? error('supportStatement.origins')}</Paragraph>}
            <FormField type="checkbox">
              <Paragraph>
                <Checkbox id="support-open-meeting" checked={values.openMeeting} onChange={(event) => set('openMeeting')((event.target as HTMLInputElement).checked)} />{' '}
                <FormLabel htmlFor="support-open-meeting" type="checkbox">
                  {t('supportOrigin.open_meeting')}
                </FormLabel>
              </Paragraph>
            </FormField>
            <FormField type="checkbox">
              <Paragraph>
                <Checkbox id="support-board" checked={values.boardDecision} onChange={(event) => set('boardDecision')((event.target as HTMLInputElement).checked)} />{' '}
                <FormLabel htmlFor="support-board" type="checkbox">
                  {t('supportOrigin.board_decision')}
                </FormLabel>
              </Paragraph>
            </FormField>
            <TextField id="support-survey" label={t('submit.surveyCount')} value={values.surveyCount} onChange={set('surveyCount')} />
            <TextField id="support-petition" label={t('submit.petitionCount')} value={values.petitionCount} onChange={set('petitionCount')} />
            <SelectField id="support-breadth" label={t('submit.breadth')} value={values.breadth} onChange={set('breadth')} options={breadths.map((breadth) => ({ value: breadth, label: t(`supportBreadth.${breadth}`) }))} />
            <TextField id="request-supportStatement-dissent" label={t('submit.dissent')} multiline value={values.dissent} onChange={set('dissent')} error={error('supportStatement.dissent')} />
          </fieldset>
        )}
        <AttachmentsField files={files} onChange={setFiles} />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={submit.isPending}>
            {t('submit.send')}
          </Button>
        </div>
      </form>
    </>
  );
}
