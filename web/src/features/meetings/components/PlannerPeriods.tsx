import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, tenantPath } from '../../../api/client.ts';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { BlackoutPeriodList, BlockedPeriodList } from '../queries.ts';

const blackoutKinds = ['school_holiday', 'council_recess', 'other'];

/** One small form for a period: its dates and a text; the list above it refreshes once it is saved. */
function PeriodForm(props: { idPrefix: string; heading: string; textLabel: string; kinds?: boolean; onSave(values: { kind: string; from: string; to: string; text: string }): Promise<unknown> }) {
  const { t } = useI18n();
  const [values, setValues] = useState({ kind: 'school_holiday', from: '', to: '', text: '' });
  const save = useMutation({ mutationFn: () => props.onSave(values), onSuccess: () => setValues({ kind: values.kind, from: '', to: '', text: '' }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  };
  const id = (name: string) => `${props.idPrefix}-${name}`;
  const textField = props.kinds ? 'body.description' : 'body.reason';
  return (
    <form className="app-form" onSubmit={submit} noValidate aria-label={props.heading}>
      <ProblemAlert error={save.error} fieldIds={{ 'body.kind': id('kind'), 'body.from': id('from'), 'body.to': id('to'), [textField]: id('text') }} />
      {props.kinds && (
        <SelectField id={id('kind')} label={t('planner.blackout.kind')} value={values.kind} options={blackoutKinds.map((kind) => ({ value: kind, label: t(`planner.blackout.kind.${kind}`) }))} onChange={(kind) => setValues({ ...values, kind })} />
      )}
      <TextField id={id('from')} type="date" label={t('planner.period.from')} required value={values.from} onChange={(from) => setValues({ ...values, from })} />
      <TextField id={id('to')} type="date" label={t('planner.period.to')} required value={values.to} onChange={(to) => setValues({ ...values, to })} />
      <TextField id={id('text')} label={props.textLabel} required={props.kinds} value={values.text} onChange={(text) => setValues({ ...values, text })} />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" aria-busy={save.isPending || undefined}>
          {props.heading}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/**
 * What the planner avoids, kept beside it: the municipality's periods without meetings (school holidays, the
 * council's recess) and the signed-in person's own unavailable days.
 */
export function PlannerPeriods({ municipality, userId }: { municipality: string; userId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const blackoutKey = ['blackout-periods', municipality];
  const blockedKey = ['blocked-periods', municipality, userId];
  const blackouts = useQuery({ queryKey: blackoutKey, queryFn: () => api<BlackoutPeriodList>(tenantPath(municipality, '/blackout-periods')) });
  const blocked = useQuery({ queryKey: blockedKey, queryFn: () => api<BlockedPeriodList>(tenantPath(municipality, `/blocked-periods?userId=${userId}`)) });
  const remove = useMutation({
    mutationFn: (path: string) => api<unknown>(tenantPath(municipality, path), { method: 'DELETE' }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: blackoutKey }), queryClient.invalidateQueries({ queryKey: blockedKey })]),
  });
  const dates = (from: string, to: string) => (
    <>
      <CalendarDate value={from} /> – <CalendarDate value={to} />
    </>
  );
  return (
    <section aria-labelledby="planner-periods" className="app-planner__periods">
      <Heading level={2} id="planner-periods">
        {t('planner.periods.heading')}
      </Heading>
      <ProblemAlert error={remove.error} />
      <section aria-labelledby="planner-blackouts" className="app-card">
        <Heading level={3} id="planner-blackouts">
          {t('planner.blackout.heading')}
        </Heading>
        {blackouts.isPending && <Loading />}
        <ProblemAlert error={blackouts.error} />
        {blackouts.data && blackouts.data.items.length === 0 && <Paragraph>{t('planner.blackout.none')}</Paragraph>}
        <ul>
          {blackouts.data?.items.map((item) => (
            <li key={item.id}>
              {item.description} ({t(`planner.blackout.kind.${item.kind}`)}): {dates(item.from, item.to)}{' '}
              <Button appearance="subtle-button" onClick={() => remove.mutate(`/blackout-periods/${item.id}`)} aria-label={t('planner.remove', { name: item.description })}>
                {t('common.delete')}
              </Button>
            </li>
          ))}
        </ul>
        <PeriodForm
          idPrefix="blackout"
          heading={t('planner.blackout.add')}
          textLabel={t('planner.blackout.description')}
          kinds
          onSave={async (values) => {
            await api(tenantPath(municipality, '/blackout-periods'), { method: 'POST', body: { kind: values.kind, from: values.from, to: values.to, description: values.text } });
            await queryClient.invalidateQueries({ queryKey: blackoutKey });
          }}
        />
      </section>
      <section aria-labelledby="planner-blocked" className="app-card">
        <Heading level={3} id="planner-blocked">
          {t('planner.blocked.heading')}
        </Heading>
        {blocked.isPending && <Loading />}
        <ProblemAlert error={blocked.error} />
        {blocked.data && blocked.data.items.length === 0 && <Paragraph>{t('planner.blocked.none')}</Paragraph>}
        <ul>
          {blocked.data?.items.map((item) => (
            <li key={item.id}>
              {dates(item.from, item.to)}
              {item.reason ? ` (${item.reason})` : ''}{' '}
              <Button appearance="subtle-button" onClick={() => remove.mutate(`/blocked-periods/${item.id}`)} aria-label={t('planner.remove', { name: `${item.from} – ${item.to}` })}>
                {t('common.delete')}
              </Button>
            </li>
          ))}
        </ul>
        <PeriodForm
          idPrefix="blocked"
          heading={t('planner.blocked.add')}
          textLabel={t('planner.blocked.reason')}
          onSave={async (values) => {
            await api(tenantPath(municipality, '/blocked-periods'), { method: 'POST', body: { from: values.from, to: values.to, ...(values.text ? { reason: values.text } : {}) } });
            await queryClient.invalidateQueries({ queryKey: blockedKey });
          }}
        />
      </section>
    </section>
  );
}
