import { defaultThemes } from '../modules/organisation/index.ts';
/**
 * The Helmond demo tenant. Boundaries are schematic hexagons around each neighbourhood's approximate
 * centre — not official CBS boundaries, and labelled as such. All people are fictional.
 */
/** The answer protocol as the demo municipality set it: the note's front-line teams and a few answer templates. */
const helmondRequestSettings = {
  referencePrefix: 'HLM',
  frontLineTeams: [
    { code: 'jpt', name: 'Jeugd Preventie Team (JPT)', description: 'Complexe problemen rond een groep jongeren' },
    { code: 'bit', name: 'Breed Interventie Team (BIT)', description: 'Meervoudige problemen die dreigen te escaleren' },
    { code: 'hit', name: 'Helmonds Interventieteam (HIT)', description: 'Urgente, complexe zaken met regie bij de gemeente' },
    { code: 'woonoverlast', name: 'Woonoverlastteam', description: 'Overlast rond woningen en tussen buren' },
  ],
  answerTemplates: [
    { verdict: 'nu', title: 'Uitvoering binnen de planning', text: 'Wij nemen uw verzoek over. De uitvoering past binnen het lopende onderhoudsprogramma; hieronder staat wat wij doen en wanneer.' },
    { verdict: 'ooit', title: 'Afhankelijk van budget', text: 'Wij vinden uw verzoek zinvol, maar er is dit jaar geen budget voor. Wij nemen het mee in de begroting en laten u weten wat het besluit is.' },
    { verdict: 'nooit', title: 'Buiten de bevoegdheid van de gemeente', text: 'Dit onderwerp valt niet onder de bevoegdheid van de gemeente. Wij hebben hieronder aangegeven wie er wel over gaat.' },
  ],
};

/** The demo's accessibility statement: an invented address, and what is honestly not right yet. */
const helmondAccessibility = {
  status: 'partial',
  adoptedOn: '2026-11-30',
  contactEmail: 'toegankelijkheid@helmond.example',
  contactPhone: null,
  responseWorkingDays: 5,
  knownIssues:
    'De kaart met wijkgrenzen is met alleen een toetsenbord niet te bedienen en zegt een schermlezer weinig. Dezelfde wijken staan als lijst naast de kaart, en elke wijk heeft een eigen pagina.\nBijlagen die mensen zelf uploaden (pdf, foto) kunnen ontoegankelijk zijn; de gemeente vraagt om een beschrijving in de tekst van de vraag.',
};

export const helmond = { slug: 'helmond', name: 'Helmond', cbsCode: 'GM0794', settings: { requests: helmondRequestSettings, accessibility: helmondAccessibility } };

export const demoNeighbourhoods = [
  { name: 'Binnenstad/Centrum', slug: 'binnenstad-centrum', centre: [5.6555, 51.4785], areas: ['Binnenstad', 'Heistraat-Kasteel'] },
  { name: 'Helmond-Oost', slug: 'helmond-oost', centre: [5.6745, 51.4805], areas: ['Oost-Zuid', 'Oost-Noord'] },
  { name: 'Helmond-Noord', slug: 'helmond-noord', centre: [5.6565, 51.4945], areas: ['Noord-Oost', 'Noord-West'] },
  { name: 'Helmond-West', slug: 'helmond-west', centre: [5.6365, 51.4815], areas: ['Suytkade', 'Westende'] },
  { name: 'Mierlo-Hout', slug: 'mierlo-hout', centre: [5.6265, 51.4635], areas: ['Hout-Centrum', 'Hout-Zuid'] },
  { name: 'Stiphout', slug: 'stiphout', centre: [5.6155, 51.4955], areas: ['Stiphout-Dorp', 'Molenven'] },
  { name: 'Warande', slug: 'warande', centre: [5.6475, 51.4635], areas: ['Warande-Noord', 'Warande-Zuid'] },
  { name: 'Rijpelberg', slug: 'rijpelberg', centre: [5.6695, 51.4625], areas: ['Rijpelberg-Noord', 'Rijpelberg-Zuid'] },
  { name: 'Brouwhuis', slug: 'brouwhuis', centre: [5.6935, 51.4655], areas: ['Brouwhuis-Noord', 'Brouwhuis-Zuid'] },
  { name: 'Dierdonk', slug: 'dierdonk', centre: [5.6805, 51.4995], areas: ['Dierdonk-Oost', 'Dierdonk-West'] },
  { name: 'Brandevoort', slug: 'brandevoort', centre: [5.6135, 51.4515], areas: ['De Veste', 'De Buitens'] },
] as const;

/**
 * Helmond-Oost has a wijkvisie of its own (the note's example in §2.2), with resident participation under a
 * development programme: the demo's development area. Its programme manager and its advisor are two people who
 * agreed on the form the standard meetings take there (§3.3, last bullet).
 */
export const developmentAreaSlug = 'helmond-oost';
export const developmentAgreement = {
  decision: 'adapted' as const,
  form: 'De wijktafel valt samen met de klankbordgroep van de wijkvisie; het wijkwerkoverleg gaat door zoals in elke wijk.',
  reason: 'Onder de wijkvisie praten bewoners al elk kwartaal mee over de plannen; een aparte wijktafel zou dezelfde mensen twee keer naar hetzelfde gesprek halen.',
  agreedOn: '2026-04-15',
};

export const demoDepartments = [
  { code: 'verkeer', name: 'Verkeer', nameEn: 'Traffic' },
  { code: 'groen', name: 'Groen', nameEn: 'Green spaces' },
  { code: 'wijkonderhoud', name: 'Wijkonderhoud', nameEn: 'Neighbourhood maintenance' },
  { code: 'handhaving', name: 'Handhaving', nameEn: 'Enforcement' },
  { code: 'jeugd', name: 'Jeugd', nameEn: 'Youth' },
  { code: 'sport', name: 'Sport', nameEn: 'Sport' },
  { code: 'economie-en-werk', name: 'Economie en Werk', nameEn: 'Economy and Work' },
  { code: 'wijkontwikkeling', name: 'Wijkontwikkeling', nameEn: 'Neighbourhood development' },
] as const;

export const demoPartners = [
  { name: 'Politie Eenheid Oost-Brabant, basisteam Helmond', nameEn: 'Police East Brabant, Helmond team', kind: 'police' },
  { name: 'Woningstichting Peelland', kind: 'housing_corporation' },
  { name: 'Wooncorporatie Kanaalzone', kind: 'housing_corporation' },
  { name: 'Stichting Welzijn Helmond', nameEn: 'Helmond Welfare Foundation', kind: 'welfare' },
] as const;

/** The subjects where a council's influence is largest (§3.1 "Schaalniveau"), plus the ones the note names in §2.3. */
/** The demo uses the themes every new municipality starts with. */
export const demoThemes = defaultThemes;

export const demoPortfolios = [
  { code: 'wijkbeleid', name: 'Wijkbeleid', nameEn: 'Neighbourhood policy', isNeighbourhoodPolicy: true },
  { code: 'verkeer-mobiliteit', name: 'Verkeer en mobiliteit', nameEn: 'Traffic and mobility', isNeighbourhoodPolicy: false },
  { code: 'openbare-ruimte', name: 'Openbare ruimte', nameEn: 'Public space', isNeighbourhoodPolicy: false },
  { code: 'jeugd-onderwijs', name: 'Jeugd en onderwijs', nameEn: 'Youth and education', isNeighbourhoodPolicy: false },
  { code: 'economie', name: 'Economie', nameEn: 'Economy', isNeighbourhoodPolicy: false },
] as const;

/**
 * What each portfolio covers, by code: the departments it steers, its subjects, and the neighbourhoods whose
 * wijkwethouder holds it.
 */
export const demoPortfolioCoverage: Record<(typeof demoPortfolios)[number]['code'], { departments: string[]; themes: string[]; neighbourhoods: string[] }> = {
  wijkbeleid: { departments: ['wijkontwikkeling', 'wijkonderhoud'], themes: ['social-facilities', 'social-safety', 'housing'], neighbourhoods: ['brandevoort', 'helmond-oost', 'stiphout'] },
  'verkeer-mobiliteit': { departments: ['verkeer'], themes: ['traffic-safety', 'parking', 'accessibility'], neighbourhoods: ['binnenstad-centrum'] },
  'openbare-ruimte': { departments: ['groen', 'handhaving'], themes: ['maintenance-green', 'maintenance-grey', 'maintenance-blue', 'public-space-layout'], neighbourhoods: ['warande', 'rijpelberg'] },
  'jeugd-onderwijs': { departments: ['jeugd', 'sport'], themes: ['youth'], neighbourhoods: ['mierlo-hout', 'brouwhuis'] },
  economie: { departments: ['economie-en-werk'], themes: [], neighbourhoods: ['helmond-noord', 'helmond-west', 'dierdonk'] },
};

export const demoTerm = { name: 'Collegeperiode 2026–2030', nameEn: 'Council term 2026–2030', startsOn: '2026-03-30', endsOn: '2030-03-29' };

/** One fictional person per role; e-mail addresses on the reserved .example domain. */
export const demoPeople = [
  { role: 'admin', email: 'femke.janssen@helmond.example', displayName: 'Femke Janssen' },
  { role: 'advisor', email: 'jeroen.hermans@helmond.example', displayName: 'Jeroen Hermans', neighbourhoods: ['binnenstad-centrum', 'helmond-oost', 'helmond-noord', 'helmond-west', 'stiphout', 'dierdonk'] },
  { role: 'advisor', email: 'sanne.kuipers@helmond.example', displayName: 'Sanne Kuipers', neighbourhoods: ['mierlo-hout', 'warande', 'rijpelberg', 'brouwhuis', 'brandevoort'] },
  { role: 'officer', email: 'koen.verhoeven@helmond.example', displayName: 'Koen Verhoeven', department: 'verkeer' },
  { role: 'officer', email: 'lotte.smits@helmond.example', displayName: 'Lotte Smits', department: 'groen' },
  { role: 'officer', email: 'tom.bakker@helmond.example', displayName: 'Tom Bakker', department: 'wijkontwikkeling' },
  { role: 'officer', email: 'ilse.vermeulen@helmond.example', displayName: 'Ilse Vermeulen', department: 'wijkonderhoud' },
  { role: 'alderman', email: 'marieke.gerritsen@helmond.example', displayName: 'Marieke Gerritsen', portfolio: 'wijkbeleid' },
  { role: 'council_member', email: 'henk.aarts@brandevoort.example', displayName: 'Henk Aarts', council: 'brandevoort', title: 'voorzitter' },
  { role: 'council_member', email: 'ayse.yildiz@helmond-oost.example', displayName: 'Ayşe Yıldız', council: 'helmond-oost', title: 'secretaris' },
  { role: 'partner', email: 'bram.dewit@politie.example', displayName: 'Bram de Wit', partner: 'Politie Eenheid Oost-Brabant, basisteam Helmond' },
  { role: 'resident', email: 'eva.mulder@mail.example', displayName: 'Eva Mulder' },
] as const;

/**
 * The two schematic halves of a neighbourhood's hexagon, for its two areas: the first area the northern half, the
 * second the southern, so a report can be placed in an area too.
 */
export function schematicHalves(centre: readonly [number, number]) {
  const ring = schematicHexagon(centre).coordinates[0];
  return [
    { type: 'Polygon' as const, coordinates: [[ring[0], ring[1], ring[2], ring[3], ring[0]]] },
    { type: 'Polygon' as const, coordinates: [[ring[3], ring[4], ring[5], ring[0], ring[3]]] },
  ];
}

/** A schematic hexagon around a centre, ~1.2 km across. */
export function schematicHexagon([longitude, latitude]: readonly [number, number]) {
  const ring: [number, number][] = [];
  for (let corner = 0; corner < 6; corner++) {
    const angle = (Math.PI / 3) * corner;
    ring.push([Number((longitude + 0.0105 * Math.cos(angle)).toFixed(5)), Number((latitude + 0.0068 * Math.sin(angle)).toFixed(5))]);
  }
  ring.push(ring[0]);
  return { type: 'Polygon' as const, coordinates: [ring] };
}

/**
 * Where Helmond's reports go, by category code: a main category's department covers its subcategories unless one
 * is listed itself. "Overig" is left for an administrator to route by hand.
 */
export const demoCategoryRouting: Record<string, string | null> = {
  afval: 'wijkonderhoud',
  'openbaar-groen-en-water': 'groen',
  'wegen-verkeer-straatmeubilair': 'wijkonderhoud',
  'verkeerslicht': 'verkeer',
  'verkeersbord-verkeersafzetting': 'verkeer',
  'omleiding-belijning-verkeer': 'verkeer',
  'verkeersoverlast-verkeerssituaties': 'verkeer',
  'overlast-bedrijven-en-horeca': 'handhaving',
  'overlast-in-de-openbare-ruimte': 'handhaving',
  'graffiti-wildplak': 'wijkonderhoud',
  'overlast-op-het-water': 'handhaving',
  'overlast-van-dieren': 'wijkonderhoud',
  'overlast-van-en-door-personen-of-groepen': 'handhaving',
  overig: null,
};

/** The extra question the street-light category asks: the number on the pole tells the contractor which lamp. */
export const demoCategoryQuestions = {
  'straatverlichting-openbare-klok': [
    { code: 'paalnummer', question: 'Nummer op de lantaarnpaal (als u het kunt zien)', questionEn: 'Number on the lamp post (if you can see it)', kind: 'text' as const, isRequired: false },
    {
      code: 'wat-is-er-aan-de-hand',
      question: 'Wat is er aan de hand?',
      questionEn: 'What is the matter?',
      kind: 'singlevaluelist' as const,
      isRequired: true,
      options: [
        { key: 'uit', name: 'De lamp is uit', nameEn: 'The lamp is out' },
        { key: 'knippert', name: 'De lamp knippert', nameEn: 'The lamp flickers' },
        { key: 'overdag-aan', name: 'De lamp brandt overdag', nameEn: 'The lamp is on during the day' },
        { key: 'beschadigd', name: 'De paal is beschadigd', nameEn: 'The post is damaged' },
      ],
    },
  ],
};
