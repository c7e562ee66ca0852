import { FormField, FormLabel, Heading, Link, Paragraph, Select, SelectOption } from '@utrecht/component-library-react/css-module';
import { type ChangeEvent, useState } from 'react';
import type { NeighbourhoodSummary } from '../../../api/types.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useCouncilsOf, useNeighbourhoods } from '../../public/queries.ts';

const storageKey = 'wijkwerk.myNeighbourhood';

/** A resident picks their neighbourhood once; the choice stays on this device, not in their account. */
export function ResidentHome({ municipality }: { municipality: string }) {
  const { t } = useI18n();
  const neighbourhoods = useNeighbourhoods(municipality);
  const [slug, setSlug] = useState(() => localStorage.getItem(`${storageKey}.${municipality}`) ?? '');
  const chosen = neighbourhoods.data?.items.find((item) => item.slug === slug);
  const choose = (value: string) => {
    setSlug(value);
    if (value) localStorage.setItem(`${storageKey}.${municipality}`, value);
    else localStorage.removeItem(`${storageKey}.${municipality}`);
  };
  return (
    <section aria-labelledby="resident-home-heading">
      <Heading level={2} id="resident-home-heading">
        {t('home.resident.title')}
      </Heading>
      <FormField>
        <Paragraph>
          <FormLabel htmlFor="my-neighbourhood">{t('home.resident.pick')}</FormLabel>
        </Paragraph>
        <Select id="my-neighbourhood" value={slug} onChange={(event: ChangeEvent<HTMLSelectElement>) => choose(event.target.value)}>
          <SelectOption value="">{t('home.resident.none')}</SelectOption>
          {neighbourhoods.data?.items.map((item) => (
            <SelectOption key={item.id} value={item.slug}>
              {item.name}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      {chosen && <MyNeighbourhood municipality={municipality} neighbourhood={chosen} />}
      <Paragraph>
        <AppLink to={`/${municipality}/vragen/nieuw`}>{t('submit.link')}</AppLink>
      </Paragraph>
    </section>
  );
}

/** The chosen neighbourhood's public page and the council a resident can turn to. */
function MyNeighbourhood({ municipality, neighbourhood }: { municipality: string; neighbourhood: NeighbourhoodSummary }) {
  const { t } = useI18n();
  const councils = useCouncilsOf(municipality, neighbourhood.id);
  return (
    <div className="app-card">
      <Heading level={3}>
        <AppLink to={`/${municipality}/wijken/${neighbourhood.slug}`}>{t('home.resident.open', { name: neighbourhood.name })}</AppLink>
      </Heading>
      {councils.isPending && <Loading />}
      {councils.data?.items.length === 0 && <Paragraph>{t('home.resident.noCouncil')}</Paragraph>}
      {councils.data?.items.map((council) => (
        <Paragraph key={council.id}>
          {t('home.resident.council', { name: council.name })}
          {council.contactEmail && (
            <>
              {' '}
              <Link href={`mailto:${council.contactEmail}`}>{council.contactEmail}</Link>
            </>
          )}
          {council.website && (
            <>
              {' · '}
              <Link href={council.website}>{t('council.website')}</Link>
            </>
          )}
        </Paragraph>
      ))}
    </div>
  );
}
