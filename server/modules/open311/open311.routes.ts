import formBody from '@fastify/formbody';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Authenticator } from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { problemFor, validationProblem } from '../../platform/errors.ts';
import { languageFromHeader } from '../../platform/language.ts';
import type { Tenant } from '../../platform/tenancy.ts';
import { open311StatusOf, type PublicReport, type ReportService, submitReportBody } from '../reports/index.ts';
import { errorsAsXml, listAsXml, type Open311Error, objectAsXml, open311DateTime } from './open311.format.ts';
import { type Format, formats, jurisdictionQuery, open311FieldName, open311ListQuery, open311SubmitFields, readSubmitBody, requestWindow, toSubmitReport } from './open311.input.ts';

export interface Open311Dependencies {
  reports: ReportService;
  authenticator: Authenticator;
  clock: Clock;
  findTenant(slug: string): Promise<Tenant | undefined>;
  listTenants(): Promise<Tenant[]>;
}

/** A failure already in the specification's terms. */
class Open311Failure extends Error {
  readonly status: number;
  readonly description: string;
  constructor(status: number, description: string) {
    super(description);
    this.status = status;
    this.description = description;
  }
}

const formatOf = (request: FastifyRequest): Format => (/\.xml(\?|$)/.test(request.url) ? 'xml' : 'json');

function send(reply: FastifyReply, format: Format, status: number, json: unknown, xml: () => string) {
  reply.code(status);
  if (format === 'xml') return reply.type('application/xml; charset=utf-8').send(xml());
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(json));
}

function sendErrors(reply: FastifyReply, format: Format, status: number, errors: Open311Error[], headers: Record<string, string> = {}) {
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  return send(reply, format, status, errors, () => errorsAsXml(errors));
}

/** Our problem (code, detail, field messages) as the specification's error list, the HTTP status as its code. */
function open311ErrorsOf(error: FastifyError, request: FastifyRequest): { status: number; errors: Open311Error[]; headers: Record<string, string> } {
  if (error instanceof Open311Failure) return { status: error.status, errors: [{ code: error.status, description: error.description }], headers: {} };
  const { problem, headers } = problemFor(error, request);
  const fieldErrors = (problem.errors ?? []).map((field) => ({ code: problem.status, description: `${open311FieldName(field.field)}: ${field.message}` }));
  return { status: problem.status, errors: fieldErrors.length > 0 ? fieldErrors : [{ code: problem.status, description: problem.detail ?? problem.title }], headers };
}

/** Zod issues, worded like our own API's and named by the specification's fields. */
function invalid(issues: z.core.$ZodIssue[], language: 'nl' | 'en'): Open311Failure {
  const problem = validationProblem('body', issues as never, language);
  const [first] = problem.errors ?? [];
  return new Open311Failure(400, first ? `${open311FieldName(first.field)}: ${first.message}` : problem.detail);
}

function expectedDateTime(handleBy: string | null): string | null {
  if (!handleBy) return null;
  // "By that day": the end of the day in the Netherlands, with that day's offset.
  const noon = open311DateTime(new Date(`${handleBy}T12:00:00Z`));
  return `${handleBy}T23:59:59${noon.slice(19)}`;
}

function serviceRequestOf(report: PublicReport) {
  return {
    service_request_id: report.reference,
    status: open311StatusOf(report.status),
    status_notes: report.statusNotes,
    service_name: report.category.name,
    service_code: report.category.code,
    agency_responsible: report.agency ?? '',
    service_notice: '',
    requested_datetime: open311DateTime(report.reportedAt),
    updated_datetime: open311DateTime(report.updatedAt),
    expected_datetime: expectedDateTime(report.handleBy),
    address: report.address,
    lat: report.latitude,
    long: report.longitude,
    media_url: '',
  };
}

/**
 * Open311 GeoReport v2 at /open311/v2 (decision record 13): the specification's paths, fields, formats and errors,
 * over the reports module's use cases. Access is checked here, per request: a visitor may read and report; an
 * api_key makes the call that token's account's.
 */
export async function registerOpen311Routes(app: FastifyInstance, dependencies: Open311Dependencies) {
  const { reports, authenticator, clock } = dependencies;
  // Like the tenancy of our own API: a jurisdiction is looked up once per half minute, not for every request.
  const tenants = new Map<string, { tenant: Promise<Tenant | undefined>; until: number }>();
  const findTenant = (slug: string) => {
    const hit = tenants.get(slug);
    if (hit && hit.until > Date.now()) return hit.tenant;
    if (tenants.size > 1000) tenants.clear();
    const tenant = dependencies.findTenant(slug);
    tenants.set(slug, { tenant, until: Date.now() + 30_000 });
    return tenant;
  };

  await app.register(
    async (scope) => {
      await scope.register(formBody, { bodyLimit: 64 * 1024 });
      scope.setErrorHandler((error: FastifyError, request, reply) => {
        const { status, errors, headers } = open311ErrorsOf(error, request);
        if (status >= 500) request.log.error({ err: error }, 'open311 failure');
        return sendErrors(reply, formatOf(request), status, errors, headers);
      });
      scope.setNotFoundHandler((request, reply) => {
        const english = languageFromHeader(request.headers['accept-language']) === 'en';
        return sendErrors(reply, formatOf(request), 404, [{ code: 404, description: english ? 'No such Open311 resource. See /open311/v2/discovery.json.' : 'Dit Open311-adres bestaat niet. Zie /open311/v2/discovery.json.' }]);
      });

      async function contextFor(request: FastifyRequest, query: { jurisdiction_id?: string; api_key?: string }): Promise<UseCaseContext> {
        const language = languageFromHeader(request.headers['accept-language']);
        const english = language === 'en';
        let tenant: Tenant | undefined;
        if (query.jurisdiction_id) {
          tenant = await findTenant(query.jurisdiction_id);
          if (!tenant) throw new Open311Failure(404, english ? `jurisdiction_id: no municipality "${query.jurisdiction_id}" here.` : `jurisdiction_id: hier is geen gemeente "${query.jurisdiction_id}".`);
        } else {
          const tenants = await dependencies.listTenants();
          if (tenants.length !== 1) throw new Open311Failure(400, english ? 'jurisdiction_id: required, this server serves several municipalities (e.g. helmond).' : 'jurisdiction_id: verplicht, deze server bedient meer gemeenten (bijvoorbeeld helmond).');
          tenant = tenants[0];
        }
        let actor: UseCaseContext['actor'];
        if (query.api_key) {
          actor = await authenticator.authenticateApiToken(query.api_key);
          // A key that does not work is refused, never quietly treated as a visitor.
          if (!actor || actor.municipalityId !== tenant.id) throw new Open311Failure(403, english ? 'api_key: this key is not valid for this municipality.' : 'api_key: deze sleutel is niet geldig voor deze gemeente.');
        }
        request.actor = actor;
        // Known to the hooks after the answer, as on our own API: a report empties only its own municipality's cached lists.
        request.tenant = tenant;
        return { municipalityId: tenant.id, municipalitySlug: tenant.slug, actor, requestId: request.id, language };
      }

      const routeOptions = { config: { access: 'public' as const }, schema: { hide: true } };
      const formatParam = (request: FastifyRequest): Format => {
        const format = (request.params as { format?: string }).format;
        if (!formats.includes(format as Format)) throw new Open311Failure(404, 'Use .json or .xml.');
        return format as Format;
      };
      const parse = <Schema extends z.ZodType>(schema: Schema, value: unknown, language: 'nl' | 'en'): z.infer<Schema> => {
        const result = schema.safeParse(value ?? {});
        if (!result.success) throw invalid(result.error.issues, language);
        return result.data;
      };

      scope.get('/discovery.:format', routeOptions, async (request, reply) => {
        const format = formatParam(request);
        const discovery = {
          changeset: '2026-12-03T00:00:00Z',
          contact: 'Zie docs/open311.md',
          key_service: 'Een API-sleutel vraagt u aan bij de beheerder van uw gemeente.',
          endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: '/open311/v2', changeset: '2026-12-03T00:00:00Z', type: 'production', formats: ['application/json', 'text/xml'] }],
        };
        return send(reply, format, 200, discovery, () => objectAsXml('discovery', { ...discovery, endpoints: discovery.endpoints.map((endpoint) => ({ ...endpoint, formats: endpoint.formats.join(',') })) }));
      });

      scope.get('/services.:format', routeOptions, async (request, reply) => {
        const format = formatParam(request);
        const context = await contextFor(request, parse(jurisdictionQuery, request.query, languageFromHeader(request.headers['accept-language'])));
        const tree = await reports.categoryTree(context);
        const services = tree.items.flatMap((main) =>
          main.subcategories.map((sub) => ({ service_code: sub.code, service_name: sub.name, description: sub.description, metadata: sub.questions.length > 0, type: 'realtime', keywords: '', group: main.name })),
        );
        return send(reply, format, 200, services, () => listAsXml('services', services));
      });

      scope.get('/services/:serviceCode.:format', routeOptions, async (request, reply) => {
        const format = formatParam(request);
        const language = languageFromHeader(request.headers['accept-language']);
        const context = await contextFor(request, parse(jurisdictionQuery, request.query, language));
        const code = (request.params as { serviceCode: string }).serviceCode;
        const found = await reports.category(context, code);
        if (!found) throw new Open311Failure(404, language === 'en' ? `service_code: no service "${code.slice(0, 80)}".` : `service_code: er is geen dienst "${code.slice(0, 80)}".`);
        const definition = {
          service_code: found.code,
          attributes: found.questions.map((question, index) => ({
            variable: true,
            code: question.code,
            datatype: question.kind === 'singlevaluelist' ? 'singlevaluelist' : 'string',
            required: question.isRequired,
            datatype_description: '',
            order: index + 1,
            description: question.question,
            ...(question.kind === 'singlevaluelist' ? { values: question.options.map((option) => ({ key: option.key, name: option.name })) } : {}),
          })),
        };
        return send(reply, format, 200, definition, () => objectAsXml('service_definition', definition));
      });

      scope.post('/requests.:format', routeOptions, async (request, reply) => {
        const format = formatParam(request);
        const language = languageFromHeader(request.headers['accept-language']);
        const { fields, attributes } = readSubmitBody(request.body);
        // An empty field is a field not given ("lat=" is no latitude, not latitude 0).
        const given = Object.fromEntries(Object.entries({ ...(request.query as object), ...fields }).filter(([, value]) => value !== ''));
        const input = parse(open311SubmitFields, given, language);
        const context = await contextFor(request, input);
        if (input.lat === undefined || input.long === undefined) {
          throw new Open311Failure(400, language === 'en' ? 'lat, long: give the location as lat and long (WGS84).' : 'lat, long: geef de plek als lat en long (WGS84).');
        }
        const submission = parse(submitReportBody, toSubmitReport(input, attributes), language);
        const key = request.headers['idempotency-key'];
        const { receipt, isNew } = await reports.submitReport(context, submission, { idempotencyKey: typeof key === 'string' && key.length <= 200 ? key : undefined, channel: 'open311' });
        const notice =
          language === 'en'
            ? `Received. ${receipt.handleBy ? `The municipality aims to deal with it by ${receipt.handleBy}.` : ''}`.trim()
            : `Ontvangen. ${receipt.handleBy ? `De gemeente wil de melding uiterlijk ${receipt.handleBy} hebben afgehandeld.` : ''}`.trim();
        const answer = [{ service_request_id: receipt.reference, token: receipt.statusToken, service_notice: notice, account_id: null }];
        return send(reply, format, isNew ? 201 : 200, answer, () => listAsXml('service_requests', answer));
      });

      scope.get('/requests.:format', routeOptions, async (request, reply) => {
        const format = formatParam(request);
        const query = parse(open311ListQuery, request.query, languageFromHeader(request.headers['accept-language']));
        const context = await contextFor(request, query);
        const window = requestWindow(query, clock.now());
        const found = await reports.publicReports(context, {
          references: query.service_request_id?.length ? query.service_request_id : undefined,
          categoryCodes: query.service_code?.length ? query.service_code : undefined,
          from: window.from,
          until: window.until,
          isOpen: query.status === undefined ? undefined : query.status === 'open',
          offset: (query.page - 1) * query.page_size,
          limit: query.page_size,
        });
        const requests = found.map(serviceRequestOf);
        return send(reply, format, 200, requests, () => listAsXml('service_requests', requests));
      });

      scope.get('/requests/:serviceRequestId.:format', routeOptions, async (request, reply) => {
        const format = formatParam(request);
        const language = languageFromHeader(request.headers['accept-language']);
        const context = await contextFor(request, parse(jurisdictionQuery, request.query, language));
        const id = (request.params as { serviceRequestId: string }).serviceRequestId.slice(0, 40);
        const [found] = await reports.publicReports(context, { references: [id], offset: 0, limit: 1 });
        if (!found) throw new Open311Failure(404, language === 'en' ? `service_request_id: no report "${id}".` : `service_request_id: er is geen melding "${id}".`);
        const requests = [serviceRequestOf(found)];
        return send(reply, format, 200, requests, () => listAsXml('service_requests', requests));
      });

      scope.get('/tokens/:token.:format', routeOptions, async (request, reply) => {
        const format = formatParam(request);
        const language = languageFromHeader(request.headers['accept-language']);
        const context = await contextFor(request, parse(jurisdictionQuery, request.query, language));
        const token = (request.params as { token: string }).token;
        const reference = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await reports.referenceOfToken(context, token) : null;
        if (!reference) throw new Open311Failure(404, language === 'en' ? 'token: unknown token.' : 'token: onbekend token.');
        const answer = [{ service_request_id: reference, token }];
        return send(reply, format, 200, answer, () => listAsXml('service_requests', answer));
      });
    },
    { prefix: '/open311/v2' },
  );
}
