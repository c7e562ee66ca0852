import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type Language, languageFromHeader } from './language.ts';

/** A problem with one input field; `code` picks the message from the catalogue below. */
export interface FieldProblem {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

/** Thrown by services for every expected failure; the code is stable, the HTTP status comes from the table. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldProblem[];
  readonly params: Record<string, string | number>;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, options: { fields?: FieldProblem[]; params?: Record<string, string | number>; headers?: Record<string, string> } = {}) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.params = options.params ?? {};
    this.headers = options.headers ?? {};
  }
}

type Text = { nl: string; en: string };
interface ErrorDefinition {
  status: number;
  title: Text;
  detail: Text;
}

/** One table maps every error code to its HTTP status and its words in both languages. */
export const errorCatalogue = {
  VALIDATION_FAILED: {
    status: 400,
    title: { nl: 'Ongeldige invoer', en: 'Invalid input' },
    detail: { nl: 'Een of meer velden zijn niet goed ingevuld. Zie de lijst per veld.', en: 'One or more fields are not filled in correctly. See the list per field.' },
  },
  MALFORMED_JSON: {
    status: 400,
    title: { nl: 'Ongeldige JSON', en: 'Malformed JSON' },
    detail: { nl: 'De body van het verzoek is geen geldige JSON. Controleer haakjes, aanhalingstekens en komma’s.', en: 'The request body is not valid JSON. Check brackets, quotes and commas.' },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: { nl: 'Niet-ondersteund formaat', en: 'Unsupported media type' },
    detail: { nl: 'Stuur de body als application/json.', en: 'Send the body as application/json.' },
  },
  BODY_TOO_LARGE: {
    status: 413,
    title: { nl: 'Verzoek te groot', en: 'Request too large' },
    detail: { nl: 'De body van het verzoek is groter dan toegestaan ({limit} bytes).', en: 'The request body is larger than allowed ({limit} bytes).' },
  },
  NOT_AUTHENTICATED: {
    status: 401,
    title: { nl: 'Niet ingelogd', en: 'Not logged in' },
    detail: { nl: 'Log in om dit te doen.', en: 'Log in to do this.' },
  },
  INVALID_CREDENTIALS: {
    status: 401,
    title: { nl: 'Inloggen mislukt', en: 'Login failed' },
    detail: { nl: 'Het e-mailadres of wachtwoord klopt niet.', en: 'The e-mail address or password is incorrect.' },
  },
  CSRF_TOKEN_INVALID: {
    status: 403,
    title: { nl: 'Beveiligingscontrole mislukt', en: 'Security check failed' },
    detail: { nl: 'Stuur de X-CSRF-Token-header mee die je bij het inloggen kreeg. Laad de pagina opnieuw en probeer het nog eens.', en: 'Send the X-CSRF-Token header you received at login. Reload the page and try again.' },
  },
  FORBIDDEN: {
    status: 403,
    title: { nl: 'Geen toestemming', en: 'Not allowed' },
    detail: { nl: 'Je hebt geen rol die dit mag.', en: 'None of your roles allows this.' },
  },
  NOT_FOUND: {
    status: 404,
    title: { nl: 'Niet gevonden', en: 'Not found' },
    detail: { nl: 'Dit adres of deze gegevens bestaan niet (meer).', en: 'This address or resource does not exist (any more).' },
  },
  MUNICIPALITY_NOT_FOUND: {
    status: 404,
    title: { nl: 'Gemeente niet gevonden', en: 'Municipality not found' },
    detail: { nl: 'Er is geen gemeente met de code “{slug}”.', en: 'There is no municipality with the code “{slug}”.' },
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    title: { nl: 'Methode niet toegestaan', en: 'Method not allowed' },
    detail: { nl: 'Deze HTTP-methode kan hier niet.', en: 'This HTTP method is not available here.' },
  },
  URI_TOO_LONG: {
    status: 414,
    title: { nl: 'Adres te lang', en: 'URI too long' },
    detail: { nl: 'Een deel van het adres is langer dan {limit} tekens. Controleer het adres.', en: 'A part of the address is longer than {limit} characters. Check the address.' },
  },
  HEADERS_TOO_LARGE: {
    status: 431,
    title: { nl: 'Headers te groot', en: 'Headers too large' },
    detail: { nl: 'De headers van het verzoek zijn samen te groot. Verwijder bijvoorbeeld oude cookies.', en: 'The request headers are too large together. Remove old cookies, for example.' },
  },
  BAD_REQUEST: {
    status: 400,
    title: { nl: 'Onleesbaar verzoek', en: 'Unreadable request' },
    detail: { nl: 'Het verzoek volgt HTTP niet en kan niet worden gelezen (bijvoorbeeld ongeldige tekens in het adres of een header).', en: 'The request does not follow HTTP and cannot be read (for example invalid characters in the address or a header).' },
  },
  REQUEST_TIMEOUT: {
    status: 408,
    title: { nl: 'Verzoek duurde te lang', en: 'Request timeout' },
    detail: { nl: 'Het verzoek kwam niet op tijd binnen. Probeer het opnieuw.', en: 'The request did not arrive in time. Please try again.' },
  },
  VERSION_CONFLICT: {
    status: 409,
    title: { nl: 'Intussen gewijzigd', en: 'Changed in the meantime' },
    detail: { nl: 'Iemand anders heeft dit intussen gewijzigd (versie {current}). Laad de nieuwste versie en probeer het opnieuw.', en: 'Someone else changed this in the meantime (version {current}). Load the latest version and try again.' },
  },
  DUPLICATE: {
    status: 409,
    title: { nl: 'Bestaat al', en: 'Already exists' },
    detail: { nl: 'Er bestaat al een record met deze waarde. Kies een andere waarde.', en: 'A record with this value already exists. Choose another value.' },
  },
  INVALID_TRANSITION: {
    status: 409,
    title: { nl: 'Kan niet in deze status', en: 'Not possible in this state' },
    detail: { nl: 'Dit kan niet nu de vraag de status “{state}” heeft.', en: 'This is not possible while the request is “{state}”.' },
  },
  IN_USE: {
    status: 409,
    title: { nl: 'Nog in gebruik', en: 'Still in use' },
    detail: { nl: 'Dit kan niet worden verwijderd omdat er nog gegevens naar verwijzen ({reference}).', en: 'This cannot be deleted because other data still refers to it ({reference}).' },
  },
  EXPORT_TOO_LARGE: {
    status: 422,
    title: { nl: 'Te veel voor één export', en: 'Too much for one export' },
    detail: { nl: 'Meer dan {limit} vragen voldoen aan deze filters. Verfijn de filters (bijvoorbeeld wijk, status, soort of afdeling) en exporteer in delen.', en: 'More than {limit} requests match these filters. Narrow the filters (for example neighbourhood, state, kind or department) and export in parts.' },
  },
  TOO_MANY_LOGIN_ATTEMPTS: {
    status: 429,
    title: { nl: 'Te veel pogingen', en: 'Too many attempts' },
    detail: { nl: 'Te veel mislukte inlogpogingen. Probeer het over {minutes} minuten opnieuw.', en: 'Too many failed login attempts. Try again in {minutes} minutes.' },
  },
  INTERNAL: {
    status: 500,
    title: { nl: 'Er ging iets mis', en: 'Something went wrong' },
    detail: { nl: 'Er ging aan onze kant iets mis. Er is niets gewijzigd. Probeer het later opnieuw.', en: 'Something went wrong on our side. Nothing was changed. Please try again later.' },
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    title: { nl: 'Tijdelijk niet beschikbaar', en: 'Temporarily unavailable' },
    detail: { nl: 'De dienst is tijdelijk niet beschikbaar.', en: 'The service is temporarily unavailable.' },
  },
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    status: 415,
    title: { nl: 'Dit soort bestand kan niet', en: 'File type not allowed' },
    detail: { nl: 'Voeg een PDF of een afbeelding (PNG, JPEG, GIF of WebP) toe. Het soort bestand wordt aan de inhoud herkend, niet aan de naam.', en: 'Attach a PDF or an image (PNG, JPEG, GIF or WebP). The file type is recognised by its content, not by its name.' },
  },
  ATTACHMENT_TOO_LARGE: {
    status: 413,
    title: { nl: 'Bestand te groot', en: 'File too large' },
    detail: { nl: 'Een bijlage mag hoogstens {limit} zijn. Verklein het bestand (bijvoorbeeld een foto met een lagere resolutie) en probeer het opnieuw.', en: 'An attachment may be at most {limit}. Make the file smaller (for example a photo at a lower resolution) and try again.' },
  },
  TOO_MANY_ATTACHMENTS: {
    status: 409,
    title: { nl: 'Te veel bijlagen', en: 'Too many attachments' },
    detail: { nl: 'Deze vraag heeft al {maximum} bijlagen; meer kan niet. Verwijder eerst een bijlage die niet meer nodig is.', en: 'This request already has {maximum} attachments; no more can be added. Remove one that is no longer needed first.' },
  },
  MULTIPART_REQUIRED: {
    status: 415,
    title: { nl: 'Niet-ondersteund formaat', en: 'Unsupported media type' },
    detail: { nl: 'Stuur het bestand als multipart/form-data, in het veld “file”.', en: 'Send the file as multipart/form-data, in the field “file”.' },
  },
} satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof errorCatalogue;

/** Messages for field problems raised by our own rules (zod's own messages come from its locales). */
const fieldMessages: Record<string, Text> = {
  required: { nl: 'Dit veld is verplicht.', en: 'This field is required.' },
  invalidEmail: { nl: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.', en: 'Enter a valid e-mail address, for example name@example.org.' },
  invalidUrl: { nl: 'Vul een volledig webadres in dat begint met https://.', en: 'Enter a full web address starting with https://.' },
  nulCharacter: { nl: 'Deze tekst bevat een NUL-teken (\\u0000); verwijder het.', en: 'This text contains a NUL character (\\u0000); remove it.' },
  controlCharacter: { nl: 'Dit deel van het adres bevat een stuurteken; controleer het adres.', en: 'This part of the address contains a control character; check the address.' },
  dateOutOfRange: { nl: 'Kies een datum tussen {earliest} en {latest}.', en: 'Choose a date between {earliest} and {latest}.' },
  nothingToChange: { nl: 'Geef minstens één veld om te wijzigen.', en: 'Give at least one field to change.' },
  malformedForm: { nl: 'Dit formulier (multipart/form-data) is onvolledig of beschadigd. Stuur het opnieuw.', en: 'This form (multipart/form-data) is incomplete or damaged. Send it again.' },
  duplicate: { nl: 'Deze waarde is al in gebruik. Kies een andere.', en: 'This value is already in use. Choose another one.' },
  passwordTooShort: { nl: 'Kies een wachtwoord van minstens {minimum} tekens.', en: 'Choose a password of at least {minimum} characters.' },
  passwordTooCommon: { nl: 'Dit wachtwoord is te bekend en dus makkelijk te raden. Kies een ander.', en: 'This password is too common and easy to guess. Choose another one.' },
  passwordContainsEmail: { nl: 'Gebruik je e-mailadres niet in je wachtwoord.', en: 'Do not use your e-mail address in your password.' },
  notACouncilMember: { nl: 'Je kunt alleen namens je eigen wijkorgaan indienen.', en: 'You can only submit on behalf of your own council.' },
  notThisDepartment: { nl: 'Deze medewerker werkt niet bij de gekozen afdeling.', en: 'This officer does not work in the chosen department.' },
  unknownReference: { nl: 'Deze verwijzing bestaat niet in deze gemeente.', en: 'This reference does not exist in this municipality.' },
  invalidGeometry: { nl: 'Geef een GeoJSON Polygon of MultiPolygon met coördinaten in lengte- en breedtegraden.', en: 'Give a GeoJSON Polygon or MultiPolygon with longitude/latitude coordinates.' },
  endBeforeStart: { nl: 'De einddatum moet na de begindatum liggen.', en: 'The end date must be after the start date.' },
  scopeMismatch: { nl: 'Deze rol hoort bij een ander soort bereik ({expected}).', en: 'This role belongs to another kind of scope ({expected}).' },
  neighbourhoodPolicyTaken: { nl: 'Portefeuille “{name}” is al de portefeuille wijkbeleid; er kan er maar één zijn.', en: 'Portfolio “{name}” already is the neighbourhood-policy portfolio; there can be only one.' },
  motivationTooThin: { nl: 'Motiveer het antwoord in minstens {minimum} tekens: wat is er besloten en waarom.', en: 'Motivate the answer in at least {minimum} characters: what was decided and why.' },
  dateInPast: { nl: 'Deze datum ligt in het verleden.', en: 'This date is in the past.' },
  dateNotInFuture: { nl: 'Kies een datum in de toekomst.', en: 'Choose a date in the future.' },
  beyondShortTerm: { nl: 'Een “nu” wordt binnen {weeks} weken uitgevoerd: uiterlijk {latest}. Kies een eerdere datum of antwoord “ooit”.', en: 'A “nu” is carried out within {weeks} weeks: by {latest} at the latest. Choose an earlier date or answer “ooit”.' },
  conditionRequired: { nl: 'Noem minstens één randvoorwaarde (budget, capaciteit, beleid of besluit) waar het van afhangt.', en: 'Name at least one condition (budget, capacity, policy or decision) it depends on.' },
  updateCadence: { nl: 'Geef elke 1 tot 26 weken een voortgangsbericht.', en: 'Give a progress update every 1 to 26 weeks.' },
  cursorFormat: { nl: 'Gebruik de nextCursor van de vorige pagina zoals die is.', en: 'Use the nextCursor of the previous page as it is.' },
  codeFormat: { nl: 'Gebruik 2 tot 30 kleine letters, cijfers of streepjes.', en: 'Use 2 to 30 lower-case letters, digits or hyphens.' },
  answerBeforeAcknowledge: { nl: 'De antwoordtermijn kan niet korter zijn dan de termijn voor de ontvangstbevestiging.', en: 'The answer deadline cannot be shorter than the acknowledgement deadline.' },
  staffOnly: { nl: 'Alleen medewerkers van de gemeente kunnen een interne notitie maken.', en: 'Only municipal staff can write an internal note.' },
  notAdvice: { nl: 'Een standpunt over advies kan alleen bij een advies.', en: 'A position on advice can only be recorded for advice.' },
  decidingBodyRequired: { nl: 'Wie besloot af te wijken: het college, de gemeenteraad of de afdeling?', en: 'Who decided to deviate: the college, the municipal council or the department?' },
  formalConsultationBody: { nl: 'Bij gevraagd advies (formele consultatie) besluit het college of de gemeenteraad over afwijken, niet de afdeling.', en: 'For solicited advice (formal consultation) the college or the municipal council decides to deviate, not the department.' },
  onlyOoitChanges: { nl: 'Alleen een “ooit” kan later een “nu” of “nooit” worden.', en: 'Only an “ooit” can later become a “nu” or a “nooit”.' },
  verdictUnchanged: { nl: 'Kies “nu” of “nooit”; gebruik een voortgangsbericht om een “ooit” bij te werken.', en: 'Choose “nu” or “nooit”; use a progress update to keep an “ooit” current.' },
  unknownTeam: { nl: 'Dit team staat niet in de lijst van front-linieteams van de gemeente.', en: 'This team is not in the municipality’s list of front-line teams.' },
  selfLink: { nl: 'Een vraag kan niet aan zichzelf gekoppeld worden.', en: 'A request cannot be linked to itself.' },
  nothingToReview: { nl: 'Er ligt geen voorgesteld antwoord ter beoordeling.', en: 'There is no proposed answer to review.' },
  reasonRequired: { nl: 'Kies minstens één reden voor een “nooit”.', en: 'Choose at least one reason for a “nooit”.' },
  supportStatementRequired: { nl: 'Een advies van het wijkorgaan heeft een draagvlakverklaring nodig: hoe is het tot stand gekomen en hoe breed wordt het gedragen?', en: 'Advice from a council needs a support statement: how it came about and how broadly it is supported.' },
  supportOriginRequired: { nl: 'Geef aan hoe het advies tot stand is gekomen: openbare vergadering, enquête, bestuursbesluit, petitie of anders.', en: 'Say how the advice came about: open meeting, survey, board decision, petition or otherwise.' },
  respondentsRequired: { nl: 'Vul het aantal respondenten van de enquête in.', en: 'Enter the number of survey respondents.' },
  signaturesRequired: { nl: 'Vul het aantal handtekeningen van de petitie in.', en: 'Enter the number of petition signatures.' },
  dissentRequired: { nl: 'Beschrijf de meningsverschillen in de wijk als het draagvlak niet breed is.', en: 'Describe the disagreement in the neighbourhood when support is not broad.' },
  lastAdmin: { nl: 'Er moet minstens één beheerder overblijven.', en: 'At least one administrator must remain.' },
  attachmentType: { nl: 'Kies een PDF of een afbeelding (PNG, JPEG, GIF of WebP). Dit bestand is geen van die soorten, wat de naam ook zegt.', en: 'Choose a PDF or an image (PNG, JPEG, GIF or WebP). This file is none of those, whatever its name says.' },
  attachmentTooLarge: { nl: 'Dit bestand is groter dan {limit}. Kies een kleiner bestand.', en: 'This file is larger than {limit}. Choose a smaller file.' },
  attachmentStaffOnly: { nl: 'Alleen medewerkers van de gemeente kunnen een interne bijlage toevoegen.', en: 'Only municipal staff can add an internal attachment.' },
  oneFileOnly: { nl: 'Voeg één bestand tegelijk toe.', en: 'Add one file at a time.' },
  tooManyFormFields: { nl: 'Stuur alleen de velden “file” en “isInternal”.', en: 'Send only the fields “file” and “isInternal”.' },
  trueOrFalse: { nl: 'Gebruik “true” of “false”.', en: 'Use “true” or “false”.' },
};

function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in params ? String(params[key]) : match));
}

export function fieldMessage(problem: FieldProblem, language: Language): string {
  const text = fieldMessages[problem.code];
  return text ? fill(text[language], problem.params) : problem.code;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: ErrorCode;
  errors?: { field: string; code: string; message: string }[];
}

export function renderProblem(code: ErrorCode, language: Language, options: { params?: Record<string, string | number>; fields?: { field: string; code: string; message: string }[]; instance?: string } = {}): Problem {
  const definition: ErrorDefinition = errorCatalogue[code];
  const problem: Problem = {
    type: `urn:wijkwerk:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: definition.title[language],
    status: definition.status,
    detail: fill(definition.detail[language], options.params),
    code,
  };
  if (options.instance) problem.instance = options.instance;
  if (options.fields && options.fields.length > 0) problem.errors = options.fields;
  return problem;
}

export function sendProblem(reply: FastifyReply, problem: Problem, headers: Record<string, string> = {}): FastifyReply {
  return reply.code(problem.status).headers(headers).type('application/problem+json; charset=utf-8').send(problem);
}

type ZodLikeIssue = z.core.$ZodIssue & { input?: unknown };

const zodLocales = { nl: z.locales.nl().localeError, en: z.locales.en().localeError };

/** Our own schema messages are catalogue codes prefixed with "field:"; everything else gets zod's words in the reader's language. */
function issueMessage(issue: ZodLikeIssue, language: Language): { code: string; message: string } {
  if (issue.message?.startsWith('field:')) {
    const code = issue.message.slice('field:'.length);
    return { code, message: fieldMessage({ field: '', code, params: (issue as { params?: Record<string, string | number> }).params }, language) };
  }
  if (issue.code === 'invalid_format' && (issue.format === 'email' || issue.format === 'url')) {
    const code = issue.format === 'email' ? 'invalidEmail' : 'invalidUrl';
    return { code, message: fieldMessage({ field: '', code }, language) };
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return { code: 'required', message: fieldMessage({ field: '', code: 'required' }, language) };
  }
  const localised = zodLocales[language](issue as never);
  const message = typeof localised === 'string' ? localised : (localised?.message ?? issue.message);
  return { code: issue.code, message };
}

export function validationProblem(context: string, issues: ZodLikeIssue[], language: Language, instance?: string): Problem {
  const fields = issues.map((issue) => ({
    field: [context, ...issue.path.map(String)].join('.'),
    ...issueMessage(issue, language),
  }));
  return renderProblem('VALIDATION_FAILED', language, { fields, instance });
}

/** Fastify's error handler: every failure leaves as RFC 9457 problem+json, in the reader's language. */
export function handleError(error: FastifyError & { validation?: unknown; validationContext?: string }, request: FastifyRequest, reply: FastifyReply) {
  const language = languageFromHeader(request.headers['accept-language']);
  const instance = request.url.split('?')[0];
  if (error instanceof DomainError) {
    const fields = error.fields.map((problem) => ({ field: problem.field, code: problem.code, message: fieldMessage(problem, language) }));
    return sendProblem(reply, renderProblem(error.code, language, { params: error.params, fields, instance }), error.headers);
  }
  if (error.validation) {
    const issues = (error as unknown as { zodIssues?: ZodLikeIssue[] }).zodIssues ?? [];
    return sendProblem(reply, validationProblem(error.validationContext ?? 'body', issues, language, instance));
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendProblem(reply, renderProblem('MALFORMED_JSON', language, { instance }));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendProblem(reply, renderProblem('BODY_TOO_LARGE', language, { instance, params: { limit: request.routeOptions.bodyLimit ?? 0 } }));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return sendProblem(reply, renderProblem('UNSUPPORTED_MEDIA_TYPE', language, { instance }));
  }
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return sendProblem(reply, renderProblem('MALFORMED_JSON', language, { instance }));
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    const code: ErrorCode = error.statusCode === 404 ? 'NOT_FOUND' : error.statusCode === 413 ? 'BODY_TOO_LARGE' : error.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION_FAILED';
    const problem = renderProblem(code, language, { instance, params: { limit: request.routeOptions.bodyLimit ?? 0 } });
    if (code === 'VALIDATION_FAILED') problem.detail = error.message;
    return sendProblem(reply, problem);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, renderProblem('INTERNAL', language, { instance }));
}

/** The path to the first text (or object key) holding U+0000, which PostgreSQL text cannot store. */
export function findNulCharacter(value: unknown, path: PropertyKey[] = []): PropertyKey[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulCharacter(item, [...path, index]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      const found = key.includes('\u0000') ? [...path, key] : findNulCharacter(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** Fastify's own limit on one path parameter (maxParamLength); ids and slugs are far shorter. */
export const maxPathParameterLength = 100;

/**
 * Fastify's `frameworkErrors`: what fails before a route is found (a URL that does not decode, a path
 * parameter over the limit) leaves as problem+json like everything else.
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const language = languageFromHeader(request.headers['accept-language']);
  const instance = request.url.split('?')[0];
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendProblem(reply, renderProblem('URI_TOO_LONG', language, { params: { limit: maxPathParameterLength }, instance }));
  if (error.code === 'FST_ERR_BAD_URL') return sendProblem(reply, renderProblem('BAD_REQUEST', language, { instance }));
  return handleError(error, request, reply);
}

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refuses a request (headers too large, bytes HTTP does
 * not allow) before Fastify sees it, so the answer is written to the socket directly. The headers could not
 * be read, Accept-Language included: the answer is in Dutch.
 */
export function handleClientError(error: Error & { code?: string }, socket: Duplex) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode = error.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'REQUEST_TIMEOUT' : 'BAD_REQUEST';
  const problem = renderProblem(code, 'nl');
  const body = JSON.stringify(problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\nConnection: close\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * Zod-backed validator that keeps the raw issues, so the error handler can word them per language. It
 * also refuses U+0000 in any text of any part, in this one place rather than in every string schema.
 */
export function validatorCompiler({ schema, httpPart }: { schema: z.ZodType; httpPart?: string }) {
  return (data: unknown) => {
    const result = schema.safeParse(data, { reportInput: true });
    const nulAt = result.success ? findNulCharacter(result.data) : undefined;
    if (result.success && !nulAt) return { value: result.data };
    const issues: ZodLikeIssue[] = result.success ? [{ code: 'custom', path: nulAt!, message: 'field:nulCharacter', input: undefined }] : result.error.issues;
    const error = new Error('validation failed') as Error & { validation: unknown; zodIssues: unknown; validationContext?: string; statusCode: number };
    error.validation = issues.map((issue) => ({ ...issue, input: undefined }));
    error.zodIssues = issues;
    error.statusCode = 400;
    error.validationContext = httpPart;
    return { error };
  };
}

/** PostgreSQL unique-violation (23505) → DUPLICATE naming the field the constraint guards. */
export function duplicateFromDatabase(error: unknown, fieldByConstraint: Record<string, string>): DomainError | undefined {
  const cause = findDatabaseError(error);
  if (cause?.code !== '23505') return undefined;
  const field = cause.constraint ? fieldByConstraint[cause.constraint] : undefined;
  return new DomainError('DUPLICATE', { fields: field ? [{ field, code: 'duplicate' }] : [] });
}

export function findDatabaseError(error: unknown): { code?: string; constraint?: string } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const candidate = current as { code?: unknown; constraint?: string; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate as { code: string; constraint?: string };
    current = candidate.cause;
  }
  return undefined;
}
