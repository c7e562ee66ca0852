/**
 * Wijkwerk's standard privacy statement, in Dutch: what it stores, why, how long and what a person can do.
 * A municipality replaces it with its own (PUT /privacy-statement). "{municipality}" becomes its name.
 * It follows the personal-data inventory in docs/security.md; change both together.
 */
export const defaultPrivacyStatement = `# Privacyverklaring Wijkwerk van de gemeente {municipality}

De gemeente {municipality} gebruikt Wijkwerk om vragen, verzoeken en adviezen uit de wijken te ontvangen en te beantwoorden. De gemeente is verantwoordelijk voor de persoonsgegevens die daarbij worden verwerkt (verwerkingsverantwoordelijke volgens de AVG). Hieronder staat welke gegevens dat zijn, waarom, en hoe lang ze worden bewaard.

# Welke gegevens

Van je account: je e-mailadres, je naam, de taal die je kiest, je voorkeuren voor e-mail, de wijk waar je woont als je die opgeeft en, als je met de gemeente of een wijkorgaan werkt, je rol. Je wachtwoord bewaren we alleen als onomkeerbare hash. Bij het inloggen bewaren we per sessie het IP-adres en de browser, zodat je zelf kunt zien waar je bent ingelogd. Maak je zelf een account aan, dan bewaren we je gegevens tot je het bevestigt, hooguit een dag.

Van je vragen en verzoeken: de titel, de tekst, de plaats en bijlagen die je meestuurt, de berichten over je vraag en het antwoord van de gemeente. Een openbare vraag is voor iedereen te lezen, maar nooit met je naam erbij. Je naam en contactgegevens zien alleen de medewerkers die je vraag behandelen. Volg je een openbare vraag, dan weten alleen jij en het systeem dat.

Berichten die Wijkwerk je stuurt (e-mail en meldingen in de app) worden bewaard, zodat jij en de beheerder kunnen nagaan wat is verstuurd.

Elke wijziging wordt vastgelegd in een logboek (wie, wat en wanneer), omdat de gemeente verantwoording moet kunnen afleggen over haar besluiten.

# Waarom

De gemeente verwerkt deze gegevens om haar publieke taak uit te voeren: vragen uit de wijk beantwoorden en daarover verantwoording afleggen (AVG artikel 6 lid 1 sub e).

# Hoe lang

Beëindigde sessies worden na 30 dagen verwijderd, gebruikte of verlopen links na 7 dagen, verstuurde berichten na 90 dagen. Bijlagen van afgesloten vragen worden na 2 jaar verwijderd. In het logboek worden de details van een wijziging na 2 jaar gewist; dat er iets is gewijzigd, door wie en wanneer, blijft bewaard. De gemeente kan deze termijnen aanpassen. Vragen en antwoorden zelf vallen onder de Archiefwet.

# Je rechten

Je kunt in Wijkwerk onder "Beveiliging" al je gegevens downloaden. Als bewoner verwijder je daar ook je account; heb je een andere rol (bijvoorbeeld in een wijkorgaan), dan vraag je daar om verwijdering en voert de beheerder van de gemeente die uit. Je account wordt dan geanonimiseerd: je naam en e-mailadres verdwijnen, je vragen blijven zonder je naam bestaan. Wil je gegevens laten verbeteren, of ben je het niet eens met hoe de gemeente met je gegevens omgaat, neem dan contact op met de gemeente {municipality} of haar functionaris gegevensbescherming. Je kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens.
`;

/** The statement as a municipality publishes it: its own text, or the standard one with its name filled in. */
export function privacyStatementOf(stored: unknown, municipalityName: string): { text: string; isDefault: boolean } {
  if (typeof stored === 'object' && stored !== null && typeof (stored as { text?: unknown }).text === 'string') {
    return { text: (stored as { text: string }).text, isDefault: false };
  }
  return { text: defaultPrivacyStatement.replaceAll('{municipality}', municipalityName), isDefault: true };
}
