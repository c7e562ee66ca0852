import { Button, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Point } from '../types.ts';

interface Suggestion {
  label: string;
  latitude: number;
  longitude: number;
}

/**
 * Typing an address instead of tapping the map, where the installation has an address lookup (PDOK Locatieserver):
 * the addresses found in this municipality, one button each; choosing one sets the place and the address.
 */
export function AddressSearch({ municipality, onChoose }: { municipality: string; onChoose(point: Point, label: string): void }) {
  const { t } = useI18n();
  const form = useQuery({ queryKey: ['report-form', municipality], staleTime: Number.POSITIVE_INFINITY, queryFn: () => api<{ isAddressLookupAvailable: boolean }>(tenantPath(municipality, '/report-form')) });
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const search = useMutation({
    mutationFn: async () => (await api<{ items: Suggestion[] }>(tenantPath(municipality, `/address-suggestions?q=${encodeURIComponent(text)}`))).items,
  });
  if (!form.data?.isAddressLookupAvailable) return null;
  const problem = search.error instanceof ApiProblem ? search.error : undefined;
  return (
    <section className="app-address-search" aria-labelledby="address-search-heading">
      <Paragraph id="address-search-heading">
        <strong>{t('reporting.address.title')}</strong>
      </Paragraph>
      <ProblemAlert error={problem && problem.errors.length === 0 ? search.error : undefined} />
      <div className="app-form--inline">
        <TextField id="report-address-search" label={t('reporting.address.label')} value={text} onChange={setText} autoComplete="street-address" error={problem?.fieldError('querystring.q')} />
        <div>
          <Button type="button" appearance="secondary-action-button" busy={search.isPending} onClick={() => search.mutate()}>
            {t('reporting.address.search')}
          </Button>
        </div>
      </div>
      {search.data && (
        <div role="status" aria-live="polite">
          {search.data.length === 0 ? (
            <Paragraph>{t('reporting.address.none')}</Paragraph>
          ) : (
            <ul className="app-plain-list">
              {search.data.map((suggestion) => (
                <li key={suggestion.label}>
                  <Button
                    type="button"
                    appearance="subtle-button"
                    onClick={() => {
                      setChosen(suggestion.label);
                      onChoose({ latitude: suggestion.latitude, longitude: suggestion.longitude }, suggestion.label);
                    }}
                  >
                    {suggestion.label}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {chosen && <Paragraph>{t('reporting.address.chosen', { address: chosen })}</Paragraph>}
    </section>
  );
}
