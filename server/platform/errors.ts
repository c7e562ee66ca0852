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

export type Text = { nl: string; en: string };
export interface ErrorDefinition {
  status: number;
  title: Text;
  detail: Text;
}

/** The platform's own codes, for every module: bad input, not allowed, not found, conflicts, failures. */
const platformErrors = {
  VALIDATION_FAILED: {
    status: 400,
    title: { nl: 'Controleer wat je hebt ingevuld', en: 'Check what you entered' },
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
  CSRF_TOKEN_INVALID: {
    status: 403,
    title: { nl: 'Beveiligingscontrole mislukt', en: 'Security check failed' },
    detail: { nl: 'Je wijziging is niet opgeslagen. Laad de pagina opnieuw en probeer het nog eens.', en: 'Your change was not saved. Reload the page and try again.' },
  },
  FORBIDDEN: {
    status: 403,
    title: { nl: 'Geen toestemming', en: 'Not allowed' },
    detail: { nl: 'Je hebt geen rol die dit mag.', en: 'None of your roles allows this.' },
  },
  SECOND_FACTOR_ENROLMENT_REQUIRED: {
    status: 403,
    title: { nl: 'Stel eerst een tweede stap in', en: 'Set up a second step first' },
    detail: {
      nl: 'Voor jouw rol is inloggen met een tweede stap verplicht. Koppel een authenticator-app of passkey; daarna kun je verder.',
      en: 'Your role requires logging in with a second step. Add an authenticator app or a passkey; then you can continue.',
    },
  },
  REAUTHENTICATION_REQUIRED: {
    status: 403,
    title: { nl: 'Bevestig dat jij het bent', en: 'Confirm it is you' },
    detail: {
      nl: 'Voor deze wijziging moet je in de afgelopen {minutes} minuten opnieuw hebben bevestigd dat jij het bent.',
      en: 'For this change you must have confirmed it is you within the last {minutes} minutes.',
    },
  },
  PERSON_REQUIRED: {
    status: 403,
    title: { nl: 'Alleen voor personen', en: 'Only for people' },
    detail: { nl: 'Dit kan alleen een ingelogde persoon doen, niet een systeem met een API-sleutel.', en: 'Only a logged-in person can do this, not a system with an API token.' },
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
  RATE_LIMITED: {
    status: 429,
    title: { nl: 'Te veel verzoeken', en: 'Too many requests' },
    detail: {
      nl: 'Er kwamen in korte tijd te veel verzoeken van u binnen (hoogstens {limit} per {window} seconden). Wacht {seconds} seconden en probeer het dan opnieuw.',
      en: 'Too many requests arrived from you in a short time (at most {limit} per {window} seconds). Wait {seconds} seconds and then try again.',
    },
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
} satisfies Record<string, ErrorDefinition>;

/**
 * Every code a DomainError may carry: the platform's, plus those each module registers with `defineErrors` (a
 * module owns its codes, field messages, permissions and notices). A code nobody registered renders as INTERNAL,
 * and the test suite checks that every code thrown in the source is registered.
 */
export type ErrorCode = keyof typeof platformErrors | (string & {});
const errorDefinitions = new Map<string, ErrorDefinition>(Object.entries(platformErrors));

/** Messages for field problems raised by our own rules (zod's own messages come from its locales). */
const fieldMessages = new Map<string, Text>(
  Object.entries({
  required: { nl: 'Dit veld is verplicht.', en: 'This field is required.' },
  invalidEmail: { nl: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.', en: 'Enter a valid e-mail address, for example name@example.org.' },
  invalidUrl: { nl: 'Vul een volledig webadres in dat begint met https://.', en: 'Enter a full web address starting with https://.' },
  nulCharacter: { nl: 'Deze tekst bevat een NUL-teken (\\u0000); verwijder het.', en: 'This text contains a NUL character (\\u0000); remove it.' },
  controlCharacter: { nl: 'Dit deel van het adres bevat een stuurteken; controleer het adres.', en: 'This part of the address contains a control character; check the address.' },
  dateOutOfRange: { nl: 'Kies een datum tussen {earliest} en {latest}.', en: 'Choose a date between {earliest} and {latest}.' },
  nothingToChange: { nl: 'Geef minstens één veld om te wijzigen.', en: 'Give at least one field to change.' },
  malformedForm: { nl: 'Dit formulier (multipart/form-data) is onvolledig of beschadigd. Stuur het opnieuw.', en: 'This form (multipart/form-data) is incomplete or damaged. Send it again.' },
  duplicate: { nl: 'Deze waarde is al in gebruik. Kies een andere.', en: 'This value is already in use. Choose another one.' },
  unknownReference: { nl: 'Deze verwijzing bestaat niet in deze gemeente.', en: 'This reference does not exist in this municipality.' },
  invalidGeometry: { nl: 'Geef een GeoJSON Polygon of MultiPolygon met coördinaten in lengte- en breedtegraden.', en: 'Give a GeoJSON Polygon or MultiPolygon with longitude/latitude coordinates.' },
  endBeforeStart: { nl: 'De einddatum moet na de begindatum liggen.', en: 'The end date must be after the start date.' },
  dateInPast: { nl: 'Deze datum ligt in het verleden. Kies vandaag of een latere datum.', en: 'This date is in the past. Choose today or a later date.' },
  dateNotInFuture: { nl: 'Kies een datum in de toekomst.', en: 'Choose a date in the future.' },
  cursorFormat: { nl: 'Gebruik de nextCursor van de vorige pagina zoals die is.', en: 'Use the nextCursor of the previous page as it is.' },
  kebabCode: { nl: 'Gebruik kleine letters en cijfers, met streepjes ertussen, bijvoorbeeld openbare-ruimte.', en: 'Use lower-case letters and digits, with hyphens between them, for example public-space.' },
  cbsNeighbourhoodCode: { nl: 'Vul de CBS-wijkcode in: WK en zes cijfers, bijvoorbeeld WK079401.', en: 'Enter the CBS neighbourhood code: WK and six digits, for example WK079401.' },
  cbsAreaCode: { nl: 'Vul de CBS-buurtcode in: BU en acht cijfers, bijvoorbeeld BU07940101.', en: 'Enter the CBS area code: BU and eight digits, for example BU07940101.' },
  codeFormat: { nl: 'Gebruik 2 tot 30 kleine letters, cijfers of streepjes.', en: 'Use 2 to 30 lower-case letters, digits or hyphens.' },
  dateInFuture: { nl: 'Deze datum ligt in de toekomst. Vul de dag in waarop het is gebeurd.', en: 'This date is in the future. Enter the day it happened.' },
  formRequired: { nl: 'Beschrijf in welke vorm de overleggen wel plaatsvinden.', en: 'Describe the form the meetings take instead.' },
  trueOrFalse: { nl: 'Gebruik “true” of “false”.', en: 'Use “true” or “false”.' },
  } satisfies Record<string, Text>),
);

/**
 * A module's own error codes and field messages, added to the ones the error handler knows. Called once when the
 * module's errors file loads; the same definition twice is harmless, two modules claiming one code is a bug.
 */
export function defineErrors<Codes extends Record<string, ErrorDefinition>>(definitions: { codes?: Codes; fieldMessages?: Record<string, Text> }): { [Code in keyof Codes]: Code } {
  for (const [code, definition] of Object.entries(definitions.codes ?? {})) {
    const known = errorDefinitions.get(code);
    if (known && known !== definition) throw new Error(`Error code ${code} is defined twice.`);
    errorDefinitions.set(code, definition);
  }
  for (const [code, text] of Object.entries(definitions.fieldMessages ?? {})) {
    const known = fieldMessages.get(code);
    if (known && known !== text) throw new Error(`Field message ${code} is defined twice.`);
    fieldMessages.set(code, text);
  }
  return Object.fromEntries(Object.keys(definitions.codes ?? {}).map((code) => [code, code])) as { [Code in keyof Codes]: Code };
}

/** For the test that every code and field message used in the source is known. */
export function isKnownErrorCode(code: string): boolean {
  return errorDefinitions.has(code);
}
export function isKnownFieldMessage(code: string): boolean {
  return fieldMessages.has(code);
}

function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in params ? String(params[key]) : match));
}

export function fieldMessage(problem: FieldProblem, language: Language): string {
  const text = fieldMessages.get(problem.code);
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
  const definition = errorDefinitions.get(code) ?? platformErrors.INTERNAL;
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

/** The problem each reply carried, for the hook that records security events (see security-events.ts). */
const sentProblems = new WeakMap<FastifyReply, Problem>();

export function problemSentWith(reply: FastifyReply): Problem | undefined {
  return sentProblems.get(reply);
}

export function sendProblem(reply: FastifyReply, problem: Problem, headers: Record<string, string> = {}): FastifyReply {
  sentProblems.set(reply, problem);
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
  const plain = plainIssueMessage(issue as PlainIssue, language);
  if (plain) return { code: issue.code, message: plain };
  const localised = zodLocales[language](issue as never);
  const message = typeof localised === 'string' ? localised : (localised?.message ?? issue.message);
  return { code: issue.code, message };
}

type PlainIssue = { code: string; input?: unknown; origin?: string; minimum?: number | bigint; maximum?: number | bigint; expected?: string; format?: string };

/**
 * The common validation problems in words a resident understands: how many characters or choices, a yes or no,
 * a date as it is written. zod's own messages name types ("string", "array") and stay only for the rare rest.
 */
function plainIssueMessage(issue: PlainIssue, language: Language): string | undefined {
  const nl = language === 'nl';
  const count = (value: number | bigint | undefined) => String(value ?? '');
  switch (issue.code) {
    case 'too_small':
      // "at least 1 character" is a required field; "at least 1 choice" is one choice.
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return nl ? 'Dit veld is verplicht.' : 'This field is required.';
      if ((issue.origin === 'array' || issue.origin === 'set') && Number(issue.minimum) === 1) return nl ? 'Kies er minstens één.' : 'Choose at least one.';
      if (issue.origin === 'string') return nl ? `Vul minstens ${count(issue.minimum)} tekens in.` : `Enter at least ${count(issue.minimum)} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return nl ? `Kies er minstens ${count(issue.minimum)}.` : `Choose at least ${count(issue.minimum)}.`;
      if (issue.origin === 'number' || issue.origin === 'int') return nl ? `Vul een getal van minstens ${count(issue.minimum)} in.` : `Enter a number of at least ${count(issue.minimum)}.`;
      return undefined;
    case 'too_big':
      if (issue.origin === 'string') return nl ? `Gebruik hoogstens ${count(issue.maximum)} tekens.` : `Use at most ${count(issue.maximum)} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return nl ? `Kies er hoogstens ${count(issue.maximum)}.` : `Choose at most ${count(issue.maximum)}.`;
      if (issue.origin === 'number' || issue.origin === 'int') return nl ? `Vul een getal van hoogstens ${count(issue.maximum)} in.` : `Enter a number of at most ${count(issue.maximum)}.`;
      return undefined;
    case 'invalid_type':
      if (issue.expected === 'boolean') return nl ? 'Kies ja of nee.' : 'Choose yes or no.';
      if (issue.expected === 'number' || issue.expected === 'int') return nl ? 'Vul een getal in.' : 'Enter a number.';
      if (issue.expected === 'string') return nl ? 'Vul hier tekst in.' : 'Enter text here.';
      return nl ? 'Deze waarde heeft niet de goede vorm.' : 'This value does not have the right form.';
    case 'invalid_format':
      // An empty date field: nothing to correct in its form, only something to choose.
      if (issue.input === '' && (issue.format === 'date' || issue.format === 'datetime')) return nl ? 'Kies een datum.' : 'Choose a date.';
      if (issue.format === 'date') return nl ? 'Vul een datum in als jjjj-mm-dd, bijvoorbeeld 2026-09-01.' : 'Enter a date as yyyy-mm-dd, for example 2026-09-01.';
      if (issue.format === 'datetime') return nl ? 'Vul een datum en tijd in, bijvoorbeeld 2026-09-01T09:30:00+02:00.' : 'Enter a date and time, for example 2026-09-01T09:30:00+02:00.';
      if (issue.format === 'uuid' || issue.format === 'guid') return nl ? 'Kies een bestaande waarde.' : 'Choose an existing value.';
      return nl ? 'Deze waarde heeft niet de goede vorm.' : 'This value does not have the right form.';
    case 'invalid_union':
      return nl ? 'Deze waarde heeft niet de goede vorm.' : 'This value does not have the right form.';
    case 'invalid_value':
      return nl ? 'Kies een van de mogelijkheden.' : 'Choose one of the options.';
    default:
      return undefined;
  }
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
  const { problem, headers } = problemFor(error, request);
  return sendProblem(reply, problem, headers);
}

/**
 * The problem a failure is, in the reader's language, with the headers it needs (Retry-After): for our own
 * API's error handler, and for adapters that write the same problem in another standard's error format.
 */
export function problemFor(error: FastifyError & { validation?: unknown; validationContext?: string }, request: FastifyRequest): { problem: Problem; headers: Record<string, string> } {
  const language = languageFromHeader(request.headers['accept-language']);
  const instance = request.url.split('?')[0];
  if (error instanceof DomainError) {
    const fields = error.fields.map((problem) => ({ field: problem.field, code: problem.code, message: fieldMessage(problem, language) }));
    return { problem: renderProblem(error.code, language, { params: error.params, fields, instance }), headers: error.headers };
  }
  if (error.validation) {
    const issues = (error as unknown as { zodIssues?: ZodLikeIssue[] }).zodIssues ?? [];
    // An address with an id that cannot exist (a typo, a cut-off link) points at nothing: "not found", as for an id that does not exist.
    if (error.validationContext === 'params' && issues.length > 0 && issues.every((issue) => issue.code === 'invalid_format' && (issue.format === 'uuid' || issue.format === 'guid'))) {
      return { problem: renderProblem('NOT_FOUND', language, { instance }), headers: {} };
    }
    return { problem: validationProblem(error.validationContext ?? 'body', issues, language, instance), headers: {} };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { problem: renderProblem('MALFORMED_JSON', language, { instance }), headers: {} };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { problem: renderProblem('BODY_TOO_LARGE', language, { instance, params: { limit: request.routeOptions.bodyLimit ?? 0 } }), headers: {} };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { problem: renderProblem('UNSUPPORTED_MEDIA_TYPE', language, { instance }), headers: {} };
  }
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return { problem: renderProblem('MALFORMED_JSON', language, { instance }), headers: {} };
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    const code: ErrorCode = error.statusCode === 404 ? 'NOT_FOUND' : error.statusCode === 413 ? 'BODY_TOO_LARGE' : error.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION_FAILED';
    const problem = renderProblem(code, language, { instance, params: { limit: request.routeOptions.bodyLimit ?? 0 } });
    if (code === 'VALIDATION_FAILED') problem.detail = error.message;
    return { problem, headers: {} };
  }
  if (isDatabaseUnavailable(error)) {
    // Not a bug to page anyone about per request: /readyz reports it, and the client may simply try again.
    request.log.warn({ err: error }, 'database unavailable');
    return { problem: renderProblem('SERVICE_UNAVAILABLE', language, { instance }), headers: { 'retry-after': String(databaseRetryAfterSeconds) } };
  }
  const fromDatabase = problemFromDatabase(error, language, instance);
  if (fromDatabase) return { problem: fromDatabase, headers: {} };
  request.log.error({ err: error }, 'unhandled error');
  return { problem: renderProblem('INTERNAL', language, { instance }), headers: {} };
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

/**
 * The database refused a reference the services did not catch first. An insert or update that points at a record
 * that does not exist in this municipality is bad input (400, naming the field); deleting a record that others
 * still refer to is a conflict (409). Never a 500: the transaction was rolled back and nothing changed.
 */
function problemFromDatabase(error: unknown, language: Language, instance: string): Problem | undefined {
  const cause = findDatabaseError(error) as { code?: string; detail?: string; message?: string; table?: string } | undefined;
  if (cause?.code !== '23503') return undefined;
  const isDelete = /update or delete on table/.test(cause.message ?? '');
  if (isDelete) return renderProblem('IN_USE', language, { instance, params: { reference: cause.table ?? '' } });
  // "Key (municipality_id, area_id)=(…) is not present in table "area"": the column that is not the tenant names the field.
  const columns = /Key \(([^)]*)\)/.exec(cause.detail ?? '')?.[1].split(',').map((column) => column.trim()) ?? [];
  const column = columns.find((name) => name !== 'municipality_id') ?? columns[0];
  const field = column ? `body.${column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())}` : 'body';
  return renderProblem('VALIDATION_FAILED', language, { instance, fields: [{ field, code: 'unknownReference', message: fieldMessage({ field, code: 'unknownReference' }, language) }] });
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

/** What a client is told to wait when the database is away: long enough for a restart or fail-over to show. */
export const databaseRetryAfterSeconds = 10;

const unreachableSystemCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
// SQLSTATE: shut down by an administrator or a crash, starting up, too many connections.
const unavailableStates = new Set(['57P01', '57P02', '57P03', '53300']);
// node-postgres and PGlite say these in words only.
const unavailableMessages = [
  /timeout exceeded when trying to connect/i,
  /Connection terminated/i,
  /Cannot use a pool after calling end/i,
  /Client has encountered a connection error/i,
  /PGlite is closed/i,
];

/**
 * True when an error means the database cannot be reached at all (refused, dropped, shut down, pool
 * exhausted), as opposed to a query that failed: worth a 503 and another try, not a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0 && seen.size < 10) {
    const current = pending.pop();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof candidate.code === 'string' && (unreachableSystemCodes.has(candidate.code) || unavailableStates.has(candidate.code) || /^08[0-9A-Z]{3}$/.test(candidate.code))) return true;
    if (typeof candidate.message === 'string' && unavailableMessages.some((pattern) => pattern.test(candidate.message as string))) return true;
    pending.push(candidate.cause);
    // Connecting to "localhost" tries IPv6 and IPv4: both refusals come as one AggregateError.
    if (Array.isArray(candidate.errors)) pending.push(...candidate.errors);
  }
  return false;
}
