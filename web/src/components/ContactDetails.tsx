import { Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import type { MunicipalityAppearance } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** The municipality's public contact details in the footer; nothing when it has given none. */
export function ContactDetails({ appearance }: { appearance: MunicipalityAppearance }) {
  const { t } = useI18n();
  const { phone, email, address, website } = appearance.contact;
  if (!phone && !email && !address && !website) return null;
  const name = appearance.displayName ?? t('layout.municipalityName', { municipality: appearance.municipalityName });
  return (
    <section aria-labelledby="footer-contact" className="app-footer__contact">
      <Heading level={2} id="footer-contact">
        {t('layout.contactTitle', { name })}
      </Heading>
      {/* One line of the address a row, as the administrator typed it. */}
      {address && <Paragraph className="app-footer__address">{address}</Paragraph>}
      {phone && (
        <Paragraph>
          {t('layout.contactPhone')} <a href={`tel:${phone.replace(/[^+\d]/g, '')}`}>{phone}</a>
        </Paragraph>
      )}
      {email && (
        <Paragraph>
          {t('layout.contactEmail')} <a href={`mailto:${email}`}>{email}</a>
        </Paragraph>
      )}
      {website && (
        <Paragraph>
          <a href={website}>{website.replace(/^https:\/\//, '').replace(/\/$/, '')}</a>
        </Paragraph>
      )}
    </section>
  );
}
