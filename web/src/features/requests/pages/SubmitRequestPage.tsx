import { Button, Checkbox, FormField, FormLabel, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
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

const kinds = ['question', 'request', 'advice_solicited', 'advice_unsolicited', 'initiative'];
const scales = ['street', 'area', 'neighbourhood', 'city_wide'];
const breadths = ['broad', 'divided', 'narrow'];

/** Ask, request, advise or propose: one form; advice on behalf of a council also states its support. */
export function SubmitRequestPage() {
  const { municipality = '' } = useParams();
  const location = useLocation();
  const { t } = useI18n();
  const navigate = useNavigate();
  const session = useSession(municipality);
  const neighbourhoods = useNeighbourhoods(municipality);
  const themes = useQuery({ queryKey: ['themes', municipality], queryFn: () => api<Page<Theme>>(tenantPath(municipality, '/themes')) });
  const councilIds = session.data?.user.roles.filter((grant) => grant.role === 'council_member').map((grant) => grant.scopeId as string) ?? [];
  const councils = useQuery({ queryKey: ['my-councils', municipality, councilIds.join()], enabled: councilIds.length > 0, queryFn: () => Promise.all(councilIds.map((id) => api<Council>(tenantPath(municipality, `/councils/${id}`)))) });
  // Giving asked advice: the advice request, the council and the kind come from the link on the advice request.
  const [search] = useSearchParams();
  const adviceRequestId = search.get('adviesaanvraag');
  const [values, setValues] = useState({ kind: search.get('soort') ?? 'question', title: '', body: '', neighbourhoodId: '', scale: 'neighbourhood', themeId: '', isPublic: true, councilId: search.get('wijkorgaan') ?? '', breadth: 'broad', dissent: '', openMeeting: false, boardDecision: false, surveyCount: '', petitionCount: '' });
  const set = (name: keyof typeof values) => (value: string | boolean) => setValues((current) => ({ ...current, [name]: value }));
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
          isPublic: values.isPublic,
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
        <SelectField id="request-kind" label={t('requests.kind')} required value={values.kind} onChange={set('kind')} options={kinds.map((kind) => ({ value: kind, label: t(`requestKind.${kind}`) }))} error={error('kind')} />
        <TextField id="request-title" label={t('requests.title')} required value={values.title} onChange={set('title')} error={error('title')} />
        <TextField id="request-body" label={t('submit.body')} description={t('submit.bodyDescription')} required multiline value={values.body} onChange={set('body')} error={error('body')} />
        <SelectField
          id="request-neighbourhoodId"
          label={t('field.neighbourhood')}
          value={values.neighbourhoodId}
          onChange={set('neighbourhoodId')}
          options={[{ value: '', label: t('submit.cityWide') }, ...(neighbourhoods.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))]}
          error={error('neighbourhoodId')}
        />
        <SelectField id="request-scale" label={t('submit.scale')} required value={values.scale} onChange={set('scale')} options={scales.map((scale) => ({ value: scale, label: t(`scale.${scale}`) }))} error={error('scale')} />
        <Paragraph>{t(values.scale === 'city_wide' ? 'submit.weightLimited' : 'submit.weightLarge')}</Paragraph>
        <SelectField id="request-themeId" label={t('submit.theme')} value={values.themeId} onChange={set('themeId')} options={[{ value: '', label: t('common.choose') }, ...(themes.data?.items ?? []).filter((item) => item.isActive).map((item) => ({ value: item.id, label: item.nameNl }))]} />
        <FormField type="checkbox">
          <Paragraph>
            <Checkbox id="request-isPublic" checked={values.isPublic} onChange={(event) => set('isPublic')((event.target as HTMLInputElement).checked)} />{' '}
            <FormLabel htmlFor="request-isPublic" type="checkbox">
              {t('submit.isPublic')}
            </FormLabel>
          </Paragraph>
        </FormField>
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
