/**
 * Wijkwerk's standard privacy statement, in Dutch: what it stores, why, how long and what a person can do.
 * A municipality replaces it with its own (PUT /privacy-statement). "{municipality}" becomes its name.
 * It follows the personal-data inventory in docs/security.md; change both together.
 */
export const defaultPrivacyStatement = `# Privacyverklaring Wijkwerk van de gemeente {municipality}

De gemeente {municipality} gebruikt Wijkwerk om vragen, verzoeken en adviezen uit de wijken te ontvangen en te beantwoorden. De gemeente is verantwoordelijk voor de persoonsgegevens die daarbij worden verwerkt (verwerkingsverantwoordelijke volgens de AVG). Hieronder staat welke gegevens dat zijn, waarom, en hoe lang ze worden bewaard.

# Welke gegevens

Van uw account: uw e-mailadres, uw naam, de taal die u kiest, uw voorkeuren voor e-mail en, als u met de gemeente of een wijkraad werkt, uw rol. Uw wachtwoord bewaren we alleen als onomkeerbare hash. Bij het inloggen bewaren we per sessie het IP-adres en de browser, zodat u zelf kunt zien waar u bent ingelogd.

Van uw vragen en verzoeken: de titel, de tekst, de plaats en bijlagen die u meestuurt, de berichten over uw vraag en het antwoord van de gemeente. Een openbare vraag is voor iedereen te lezen, maar nooit met uw naam erbij. Uw naam en contactgegevens zien alleen de medewerkers die uw vraag behandelen.

Berichten die Wijkwerk u stuurt (e-mail en meldingen in de app) worden bewaard, zodat u en de beheerder kunnen nagaan wat is verstuurd.

Elke wijziging wordt vastgelegd in een logboek (wie, wat en wanneer), omdat de gemeente verantwoording moet kunnen afleggen over haar besluiten.

# Waarom

De gemeente verwerkt deze gegevens om haar publieke taak uit te voeren: vragen uit de wijk beantwoorden en daarover verantwoording afleggen (AVG artikel 6 lid 1 sub e).

# Hoe lang

Beëindigde sessies worden na 30 dagen verwijderd, gebruikte of verlopen links na 7 dagen, verstuurde berichten na 90 dagen. Bijlagen van afgesloten vragen worden na 2 jaar verwijderd. In het logboek worden de details van een wijziging na 2 jaar gewist; dat er iets is gewijzigd, door wie en wanneer, blijft bewaard. De gemeente kan deze termijnen aanpassen. Vragen en antwoorden zelf vallen onder de Archiefwet.

# Uw rechten

U kunt in Wijkwerk onder "Beveiliging" al uw gegevens downloaden. U kunt daar ook vragen om uw gegevens te laten verwijderen; de beheerder van de gemeente voert dat uit. Uw account wordt dan geanonimiseerd: uw naam en e-mailadres verdwijnen, uw vragen blijven zonder uw naam bestaan. Wilt u gegevens laten verbeteren, of bent u het niet eens met hoe de gemeente met uw gegevens omgaat, neem dan contact op met de gemeente {municipality} of haar functionaris gegevensbescherming. U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens.
`;

/** The statement as a municipality publishes it: its own text, or the standard one with its name filled in. */
export function privacyStatementOf(stored: unknown, municipalityName: string): { text: string; isDefault: boolean } {
  if (typeof stored === 'object' && stored !== null && typeof (stored as { text?: unknown }).text === 'string') {
    return { text: (stored as { text: string }).text, isDefault: false };
  }
  return { text: defaultPrivacyStatement.replaceAll('{municipality}', municipalityName), isDefault: true };
}
