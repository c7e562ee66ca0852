import { DomainError, defineErrors } from '../../platform/errors.ts';

/** An input field the rules refuse: 400 on that field, nothing changed. */
export const invalidField = (field: string, code: string, params?: Record<string, string | number>) => new DomainError('VALIDATION_FAILED', { fields: [{ field, code, ...(params ? { params } : {}) }] });

export const reportsErrors = defineErrors({
  codes: {
    REPORT_OUTSIDE_MUNICIPALITY: {
      status: 422,
      title: { nl: 'Deze plek ligt buiten de gemeente', en: 'This place is outside the municipality' },
      detail: {
        nl: 'De plek die u koos ligt niet in een wijk van {municipality}. Kies een plek binnen de gemeente, of meld het probleem bij de gemeente waar het is.',
        en: 'The place you chose is not in a neighbourhood of {municipality}. Choose a place within the municipality, or report the problem to the municipality where it is.',
      },
    },
    IDEMPOTENCY_KEY_REUSED: {
      status: 422,
      title: { nl: 'Deze sleutel is al gebruikt', en: 'This key has been used already' },
      detail: {
        nl: 'Met deze Idempotency-Key is eerder een andere melding gedaan. Gebruik voor een nieuwe melding een nieuwe sleutel.',
        en: 'A different report was made earlier with this Idempotency-Key. Use a new key for a new report.',
      },
    },
    REPORT_STATUS_NOT_ALLOWED: {
      status: 409,
      title: { nl: 'Deze status kan nu niet', en: 'This status is not possible now' },
      detail: {
        nl: 'Een melding met status “{fromNl}” kan niet naar “{toNl}”. Kies een van de statussen die het scherm aanbiedt.',
        en: 'A report with status “{fromEn}” cannot go to “{toEn}”. Choose one of the statuses the screen offers.',
      },
    },
    REPORT_CLOSED: {
      status: 409,
      title: { nl: 'Deze melding is afgesloten', en: 'This report is closed' },
      detail: {
        nl: 'Deze melding is al afgehandeld. Ziet u het probleem nog? Doe dan een nieuwe melding.',
        en: 'This report has already been dealt with. Still see the problem? Then make a new report.',
      },
    },
    REPORT_NOT_DONE: {
      status: 409,
      title: { nl: 'Deze melding is nog niet afgehandeld', en: 'This report has not been dealt with yet' },
      detail: {
        nl: 'U kunt zeggen of u tevreden bent zodra de melding is afgehandeld. U krijgt dan een e-mail, of ziet de vraag via uw statuslink.',
        en: 'You can say whether you are satisfied once the report has been dealt with. You will then get an e-mail, or see the question through your status link.',
      },
    },
    ADDRESS_LOOKUP_UNAVAILABLE: {
      status: 503,
      title: { nl: 'Adres zoeken lukt nu niet', en: 'Address search is not working now' },
      detail: {
        nl: 'De adresgegevens zijn op dit moment niet bereikbaar. Kies de plek op de kaart, of probeer het straks nog eens.',
        en: 'The address service cannot be reached right now. Choose the place on the map, or try again later.',
      },
    },
    REPORT_PHOTOS_CLOSED: {
      status: 409,
      title: { nl: 'Foto’s toevoegen kan niet meer', en: 'Photos can no longer be added' },
      detail: {
        nl: 'Foto’s voegt u toe in het uur na uw melding, tot drie stuks. Dat kan bij deze melding niet meer.',
        en: 'Photos are added in the hour after your report, up to three. That is no longer possible for this report.',
      },
    },
    REPORT_PHOTO_TYPE_NOT_ALLOWED: {
      status: 415,
      title: { nl: 'Dit is geen foto die we aannemen', en: 'This is not a photo we accept' },
      detail: {
        nl: 'Voeg een foto toe als JPEG, PNG of WebP. Het soort bestand wordt aan de inhoud herkend, niet aan de naam.',
        en: 'Add a photo as JPEG, PNG or WebP. The file type is recognised by its content, not by its name.',
      },
    },
    REPORT_PHOTO_TOO_MANY_PIXELS: {
      status: 422,
      title: { nl: 'Foto te groot', en: 'Photo too large' },
      detail: {
        nl: 'Een foto mag hoogstens {megapixels} megapixel zijn. Verklein de foto en probeer het opnieuw.',
        en: 'A photo may be at most {megapixels} megapixels. Make the photo smaller and try again.',
      },
    },
    REPORT_PHOTO_NOT_PUBLISHABLE: {
      status: 409,
      title: { nl: 'De melder gaf geen toestemming', en: 'The reporter did not consent' },
      detail: {
        nl: 'De melder heeft niet toegestaan dat de foto’s van deze melding openbaar worden. Goedkeuren voor de openbare kaart kan daarom niet.',
        en: 'The reporter did not allow the photos of this report to be made public, so they cannot be approved for the public map.',
      },
    },
  },
  fieldMessages: {
    importDayKind: { nl: 'Onbekende soort dagen “{value}”. Gebruik werkdagen of kalenderdagen.', en: 'Unknown kind of days “{value}”. Use working or calendar.' },
    importUnknownCategoryDepartment: { nl: 'Onbekende afdeling “{name}”. Gebruik de code of naam van een afdeling van deze gemeente.', en: 'Unknown department “{name}”. Use the code or name of a department of this municipality.' },
    importCategoryParentFixed: { nl: 'De hoofdcategorie van een bestaande categorie verandert niet. Laat de kolom zoals hij was.', en: 'The main category of an existing category does not change. Leave the column as it was.' },
    importUnknownMainCategory: { nl: 'Geen hoofdcategorie met code “{code}”. Een nieuwe hoofdcategorie komt op een eerdere regel.', en: 'No main category with code “{code}”. A new main category goes on an earlier line.' },
    outsideMunicipality: { nl: 'Deze plek ligt niet in een wijk van {municipality}. Kies een plek binnen de gemeente.', en: 'This place is not in a neighbourhood of {municipality}. Choose a place within the municipality.' },
    consentRequired: { nl: 'Vink aan dat de gemeente u over deze melding mag berichten.', en: 'Tick that the municipality may send you news of this report.' },
    notAnOfficerOfDepartment: { nl: 'Kies een medewerker van de afdeling die de melding behandelt.', en: 'Choose an officer of the department that handles the report.' },
    mergeIntoItself: { nl: 'Een melding kan niet met zichzelf worden samengevoegd. Kies de melding die er eerder was.', en: 'A report cannot be merged into itself. Choose the report that was there first.' },
    originalIsMerged: { nl: 'Die melding is zelf al samengevoegd. Kies de melding waarmee zij is samengevoegd.', en: 'That report has itself been merged. Choose the report it was merged into.' },
    mergeNeedsOpenReports: { nl: 'Samenvoegen kan alleen met twee open meldingen. Is de andere al afgehandeld? Sluit deze dan zelf af.', en: 'Only two open reports can be merged. Has the other been dealt with? Then close this one yourself.' },
    reportNotReferred: { nl: 'Deze melding is niet doorverwezen naar een front-linieteam.', en: 'This report was not referred to a front-line team.' },
    unknownReason: { nl: 'Kies een van de redenen uit de lijst.', en: 'Choose one of the reasons from the list.' },
    reasonOnlyWhenUnhappy: { nl: 'Een reden geeft u alleen als u niet tevreden bent.', en: 'A reason is only given when you are not satisfied.' },
    periodTooLong: { nl: 'Kies een periode van hoogstens een jaar.', en: 'Choose a period of at most one year.' },
    bulkRefused: { nl: 'Melding {reference}: {reason} Er is niets gewijzigd; haal deze melding uit de selectie of los het eerst op.', en: 'Report {reference}: {reason} Nothing was changed; take this report out of the selection or sort it out first.' },
    duplicateInList: { nl: 'Elke melding mag maar één keer in de selectie staan.', en: 'Each report may be in the selection only once.' },
    boxEdges: { nl: 'De randen van het kaartbeeld kloppen niet: west moet kleiner zijn dan oost en zuid kleiner dan noord.', en: 'The edges of the map view do not fit: west must be less than east and south less than north.' },
    alreadyLinkedToRequest: { nl: 'Deze melding hoort al bij een vraag. Maak eerst de koppeling los als het om een andere vraag gaat.', en: 'This report already belongs to a request. Unlink it first if it is about another request.' },
    unknownCategory: { nl: 'Deze categorie bestaat niet (meer). Kies een categorie uit de lijst.', en: 'This category does not exist (any more). Choose a category from the list.' },
    mainCategoryNotReportable: { nl: 'Kies een subcategorie: wat is er precies aan de hand?', en: 'Choose a subcategory: what exactly is the matter?' },
    unknownQuestion: { nl: 'Deze categorie stelt die vraag niet. Laat het antwoord weg.', en: 'This category does not ask that question. Leave the answer out.' },
    notAnOption: { nl: 'Kies een van de antwoorden uit de lijst.', en: 'Choose one of the answers from the list.' },
    honeypotFilled: { nl: 'Laat dit veld leeg; het is er om computers te herkennen die formulieren invullen.', en: 'Leave this field empty; it is there to recognise computers that fill in forms.' },
    contactWithoutConsent: {
      nl: 'U gaf een e-mailadres of telefoonnummer. Vink aan dat de gemeente u daarover mag berichten, of laat ze weg.',
      en: 'You gave an e-mail address or phone number. Tick that the municipality may contact you about this report, or leave them out.',
    },
    consentWithoutContact: { nl: 'Geef een e-mailadres of telefoonnummer, zodat de gemeente u kan berichten.', en: 'Give an e-mail address or phone number so the municipality can contact you.' },
    phoneFormat: { nl: 'Vul een telefoonnummer in met alleen cijfers, spaties, + of -, bijvoorbeeld 06 12345678.', en: 'Enter a phone number with only digits, spaces, + or -, for example +31 6 12345678.' },
    messageRequiredForStatus: { nl: 'Schrijf de melder wat er gebeurt; bij deze status hoort een bericht.', en: 'Tell the reporter what happens; this status needs a message.' },
    photoType: { nl: 'Kies een foto (JPEG, PNG of WebP). Dit bestand is geen van die soorten, wat de naam ook zegt.', en: 'Choose a photo (JPEG, PNG or WebP). This file is none of those, whatever its name says.' },
    photoUnreadable: { nl: 'Deze foto is beschadigd of onvolledig en kan niet worden gelezen. Kies een andere foto.', en: 'This photo is damaged or incomplete and cannot be read. Choose another photo.' },
    photoTooManyPixels: { nl: 'Deze foto is groter dan {megapixels} megapixel. Kies een kleinere foto.', en: 'This photo is larger than {megapixels} megapixels. Choose a smaller photo.' },
    categoryCodeFormat: { nl: 'Gebruik kleine letters, cijfers en streepjes, zoals container-is-vol.', en: 'Use lower-case letters, digits and hyphens, such as container-is-vol.' },
    notAMainCategory: { nl: 'Kies een hoofdcategorie van deze gemeente; een subcategorie kan geen subcategorieën hebben.', en: 'Choose a main category of this municipality; a subcategory cannot have subcategories.' },
    unknownDepartment: { nl: 'Kies een afdeling van deze gemeente, of geen afdeling.', en: 'Choose a department of this municipality, or none.' },
    optionsRequired: { nl: 'Een vraag met een keuzelijst heeft minstens twee antwoorden nodig.', en: 'A question with a list to choose from needs at least two answers.' },
    forwardedToRequired: { nl: 'Zeg aan welke partij de melding is doorgezet.', en: 'Say which party the report was forwarded to.' },
  },
});
