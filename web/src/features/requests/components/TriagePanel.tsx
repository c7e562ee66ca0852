import { Button, Checkbox, Fieldset, FieldsetLegend, FormField, FormLabel, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import type { Department, Page, Request } from '../../../api/types.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { storeRequest } from '../queries.ts';
import { useAnnounce } from './RequestStatus.tsx';

/** The advisor's first steps: confirm receipt within five working days, then route to the right department. */
export function TriagePanel({ municipality, request }: { municipality: string; request: Request }) {
  const { t, nameOf } = useI18n();
  const queryClient = useQueryClient();
  const departments = useQuery({ queryKey: ['departments', municipality], queryFn: () => api<Page<Department>>(tenantPath(municipality, '/departments')) });
  const [departmentId, setDepartmentId] = useState(request.leadDepartment?.id ?? '');
  const [officerId, setOfficerId] = useState('');
  const [contributing, setContributing] = useState<string[]>([]);
  const officers = useQuery({
    queryKey: ['department-officers', municipality, departmentId],
    enabled: departmentId !== '',
    queryFn: () => api<{ items: { id: string; displayName: string; title: string | null }[] }>(tenantPath(municipality, `/departments/${departmentId}/officers`)),
  });
  const announce = useAnnounce();
  const update = (updated: Request) => storeRequest(queryClient, municipality, updated);
  // The last timeline event says in words where the request went: "Doorgezet naar Verkeer, behandelaar …".
  const routedSummary = (updated: Request) => [...updated.timeline].reverse().find((event) => event.kind === 'routed')?.summary ?? t('requestEvent.routed');
  const acknowledge = useMutation({ mutationFn: () => api<Request>(tenantPath(municipality, `/requests/${request.id}/acknowledgement`), { method: 'POST', body: { version: request.version } }),
    onSuccess: (updated) => {
      update(updated);
      announce(t('status.acknowledged'));
    },
  });
  const route = useMutation({ mutationFn: () => api<Request>(tenantPath(municipality, `/requests/${request.id}/routing`), { method: 'POST', body: { version: request.version, leadDepartmentId: departmentId || undefined, leadOfficerUserId: officerId || null, contributingDepartmentIds: contributing.filter((id) => id !== departmentId) } }),
    onSuccess: (updated) => {
      update(updated);
      announce(t('status.routed', { summary: routedSummary(updated) }));
    },
  });
  const onRoute = (event: FormEvent) => {
    event.preventDefault();
    route.mutate();
  };
  return (
    <section aria-labelledby="triage-heading">
      <Heading level={2} id="triage-heading">
        {t('triage.title')}
      </Heading>
      <ProblemAlert error={acknowledge.error ?? route.error} fieldIds={{ 'body.leadDepartmentId': 'route-department' }} />
      {request.state === 'submitted' && (
        <Button appearance="primary-action-button" busy={acknowledge.isPending} onClick={() => acknowledge.mutate()}>
          {t('triage.acknowledge')}
        </Button>
      )}
      {(request.state === 'acknowledged' || request.state === 'routed') && (
        <form className="app-form" onSubmit={onRoute}>
          <SelectField
            id="route-department"
            label={t('triage.department')}
            value={departmentId}
            onChange={(value) => {
              setDepartmentId(value);
              setOfficerId('');
            }}
            options={[{ value: '', label: t('common.choose') }, ...(departments.data?.items ?? []).map((item) => ({ value: item.id, label: nameOf(item) }))]}
            error={route.error instanceof ApiProblem ? route.error.fieldError('body.leadDepartmentId') : undefined}
          />
          {departmentId && (
            <SelectField
              id="route-officer"
              label={t('triage.officer')}
              value={officerId}
              onChange={setOfficerId}
              options={[{ value: '', label: t('triage.anyOfficer') }, ...(officers.data?.items ?? []).map((officer) => ({ value: officer.id, label: officer.title ? `${officer.displayName} (${officer.title})` : officer.displayName }))]}
              error={route.error instanceof ApiProblem ? route.error.fieldError('body.leadOfficerUserId') : undefined}
            />
          )}
          <Fieldset>
            <FieldsetLegend>{t('triage.contributing')}</FieldsetLegend>
            {(departments.data?.items ?? [])
              .filter((item) => item.id !== departmentId)
              .map((item) => (
                <FormField key={item.id} type="checkbox">
                  <Paragraph>
                    <Checkbox
                      id={`route-contributing-${item.id}`}
                      checked={contributing.includes(item.id)}
                      onChange={(event) => setContributing((current) => ((event.target as HTMLInputElement).checked ? [...current, item.id] : current.filter((id) => id !== item.id)))}
                    />{' '}
                    <FormLabel htmlFor={`route-contributing-${item.id}`} type="checkbox">
                      {nameOf(item)}
                    </FormLabel>
                  </Paragraph>
                </FormField>
              ))}
          </Fieldset>
          <div>
            <Button type="submit" appearance="primary-action-button" busy={route.isPending}>
              {t('triage.route')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
