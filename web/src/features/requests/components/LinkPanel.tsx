import { Button, Heading } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useState } from 'react';
import type { Request } from '../../../api/types.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useRequests } from '../queries.ts';
import { useRequestStep } from './useRequestStep.ts';

/** Find another request by words from its title or text, and mark this one as its duplicate or as related. */
export function LinkPanel({ municipality, request }: { municipality: string; request: Request }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [submittedSearch, setSubmittedSearch] = useState('');
  const [relatedRequestId, setRelatedRequestId] = useState('');
  const [kind, setKind] = useState('related');
  const found = useRequests(municipality, { search: submittedSearch, pageSize: '20' }, submittedSearch.length >= 2);
  const link = useRequestStep(municipality, request, '/links', { onSuccess: () => setRelatedRequestId(''), done: (_updated, body) => (body.kind === 'duplicate' ? t('status.markedDuplicate') : t('status.linked')) });
  const candidates = (found.data?.items ?? []).filter((item) => item.id !== request.id && !request.links.some((existing) => existing.id === item.id));
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setSubmittedSearch(search.trim());
  };
  const onLink = (event: FormEvent) => {
    event.preventDefault();
    link.mutate({ relatedRequestId, kind });
  };
  return (
    <section aria-labelledby="link-heading">
      <Heading level={2} id="link-heading">
        {t('links.title')}
      </Heading>
      <form className="app-form app-form--inline" onSubmit={onSearch} noValidate>
        <TextField id="link-search" label={t('links.search')} value={search} onChange={setSearch} />
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={found.isFetching}>
            {t('links.find')}
          </Button>
        </div>
      </form>
      {submittedSearch && !found.isFetching && candidates.length === 0 && <p>{t('links.noneFound')}</p>}
      {candidates.length > 0 && (
        <form className="app-form" onSubmit={onLink} noValidate>
          <ProblemAlert error={link.error} fieldIds={{ 'body.relatedRequestId': 'link-request' }} />
          <SelectField id="link-request" label={t('links.request')} value={relatedRequestId} onChange={setRelatedRequestId} options={[{ value: '', label: t('common.choose') }, ...candidates.map((item) => ({ value: item.id, label: `${item.title} (${item.neighbourhood?.name ?? '—'})` }))]} error={link.fieldError('relatedRequestId')} />
          <SelectField id="link-kind" label={t('links.kind')} value={kind} onChange={setKind} options={['related', 'duplicate'].map((value) => ({ value, label: t(`links.kind.${value}`) }))} />
          <div>
            <Button type="submit" appearance="secondary-action-button" busy={link.isPending}>
              {t('links.link')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
