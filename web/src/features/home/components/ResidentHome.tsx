import { FormField, FormLabel, Heading, Paragraph, Select, SelectOption } from '@utrecht/component-library-react/css-module';
import { type ChangeEvent, useState } from 'react';
import { AppLink } from '../../../components/AppLink.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useNeighbourhoods } from '../../public/queries.ts';

const storageKey = 'wijkwerk.myNeighbourhood';

/** A resident picks their neighbourhood once; the choice stays on this device. */
export function ResidentHome({ municipality }: { municipality: string }) {
  const { t } = useI18n();
  const neighbourhoods = useNeighbourhoods(municipality);
  const [slug, setSlug] = useState(() => localStorage.getItem(`${storageKey}.${municipality}`) ?? '');
  const chosen = neighbourhoods.data?.items.find((item) => item.slug === slug);
  const choose = (value: string) => {
    setSlug(value);
    localStorage.setItem(`${storageKey}.${municipality}`, value);
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
      <Paragraph>
        <AppLink to={`/${municipality}/vragen/nieuw`}>{t('submit.link')}</AppLink>
      </Paragraph>
      {chosen && (
        <Paragraph>
          <AppLink to={`/${municipality}/wijken/${chosen.slug}`}>{t('home.resident.open', { name: chosen.name })}</AppLink>
        </Paragraph>
      )}
    </section>
  );
}
