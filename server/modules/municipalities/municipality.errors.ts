import { defineErrors } from '../../platform/errors.ts';

/** The municipality's own texts and look: field messages of the accessibility statement and the appearance. */
export const municipalityErrors = defineErrors({
  codes: {
    LOGO_TYPE_NOT_ALLOWED: {
      status: 415,
      title: { nl: 'Dit soort bestand kan niet als logo', en: 'File type not allowed as a logo' },
      detail: { nl: 'Kies een logo als PNG, JPEG of WebP. Het soort bestand wordt aan de inhoud herkend, niet aan de naam; SVG kan niet.', en: 'Choose a logo as PNG, JPEG or WebP. The file type is recognised by its content, not by its name; SVG is not accepted.' },
    },
    LOGO_TOO_LARGE: {
      status: 413,
      title: { nl: 'Logo te groot', en: 'Logo too large' },
      detail: { nl: 'Een logo mag hoogstens {limit} zijn. Sla het kleiner op (bijvoorbeeld 400 pixels breed) en probeer het opnieuw.', en: 'A logo may be at most {limit}. Save it smaller (for example 400 pixels wide) and try again.' },
    },
  },
  fieldMessages: {
    phoneNumber: { nl: 'Vul een telefoonnummer in met alleen cijfers, spaties, haakjes of een streepje, bijvoorbeeld 0492 58 77 77.', en: 'Enter a phone number with only digits, spaces, brackets or a hyphen, for example 0492 58 77 77.' },
    hexColour: { nl: 'Vul een kleur in als # met zes tekens 0–9 of a–f, bijvoorbeeld #01689b.', en: 'Enter a colour as # followed by six characters 0–9 or a–f, for example #01689b.' },
    lowContrast: {
      nl: 'Deze kleur geeft te weinig contrast met wit ({ratio}:1); tekst is dan slecht te lezen. Kies een donkerdere kleur met minstens 4,5:1.',
      en: 'This colour has too little contrast with white ({ratio}:1); text would be hard to read. Choose a darker colour of at least 4.5:1.',
    },
    logoType: { nl: 'Kies een PNG-, JPEG- of WebP-bestand.', en: 'Choose a PNG, JPEG or WebP file.' },
    logoTooLarge: { nl: 'Het logo mag hoogstens {limit} zijn.', en: 'The logo may be at most {limit}.' },
  },
});
