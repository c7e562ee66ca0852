import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler } from 'fastify-type-provider-zod';
import { baseMapOf, type Config, isProduction, mapTileOrigin, objectStorageOf, type TrustedProxies } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import {
  createActionPlanContentService,
  createActionPlanContributionService,
  createActionPlanDocumentService,
  createActionPlanMonitoringService,
  createActionPlanOriginService,
  createActionPlanReportService,
  createActionPlanService,
  createActionProgressEvidenceService,
  createActionProgressService,
  createPublicActionPlanService,
  registerActionPlanContentRoutes,
  registerActionProgressEvidenceRoutes,
  registerActionPlanDocumentRoutes,
  registerActionPlanMonitoringRoutes,
  registerActionPlanOriginRoutes,
  registerActionPlanRoutes,
  registerPublicActionPlanRoutes,
} from './modules/action-plans/index.ts';
import { createAdministrationService, registerAdministrationRoutes } from './modules/administration/index.ts';
import { createCouncilService, registerCouncilRoutes } from './modules/councils/index.ts';
import { createResponsivenessService, registerResponsivenessRoutes } from './modules/insights/index.ts';
import {
  createCalendarFeedService,
  createMeetingAgendaService,
  createMeetingFrequencyService,
  createMeetingKindService,
  createMeetingMinutesService,
  createMeetingParticipantService,
  createMeetingPlannerService,
  createMeetingService,
  registerCalendarFeedRoutes,
  registerMeetingFrequencyRoutes,
  registerMeetingKindRoutes,
  registerMeetingPlannerRoutes,
  registerMeetingRoutes,
  registerMeetingWorkRoutes,
} from './modules/meetings/index.ts';
import { createAccessibilityStatementService, createAppearanceService, createMunicipalityService, registerAccessibilityStatementRoutes, registerAppearanceRoutes, registerMunicipalityRoutes } from './modules/municipalities/index.ts';
import { createAreaImportService, createNeighbourhoodService, registerAreaImportRoutes, registerMapSettingsRoutes, registerNeighbourhoodRoutes } from './modules/neighbourhoods/index.ts';
import { createNotificationService, registerNotificationRoutes } from './modules/notifications/index.ts';
import { createPlatformSessionService, createMunicipalityFoundingService, registerPlatformAdministrationRoutes } from './modules/platform-administration/index.ts';
import { createPrivacyService, registerPrivacyRoutes } from './modules/privacy/index.ts';
import { createOrganisationCsvService, createOrganisationServices, registerOrganisationCsvRoutes, registerOrganisationRoutes } from './modules/organisation/index.ts';
import { registerOpen311Routes } from './modules/open311/index.ts';
import {
  createAddressLookup,
  createPublicReportService,
  createReportBulkService,
  createReportCategoryAdminService,
  createReportCategoryCsvService,
  createReportFiguresService,
  createReportHandlingService,
  createReportPhotoService,
  createReportPrivacyService,
  createReportSatisfactionService,
  createReportService,
  createReportSettingsService,
  createReportSteps,
  registerReportCategoryAdminRoutes,
  registerReportCategoryCsvRoutes,
  createReportMapService,
  registerReportHandlingRoutes,
  registerReportMapRoutes,
  registerReportPhotoRoutes,
  registerReportRoutes,
  registerReportSettingsRoutes,
} from './modules/reports/index.ts';
import { createAdviceRequestService, createRequestAttachmentService, createRequestExportService, createRequestService, registerAdviceRequestRoutes, registerRequestAttachmentRoutes, registerRequestExportRoutes, registerRequestRoutes } from './modules/requests/index.ts';
import {
  createPasswordLinkService,
  createRegistrationService,
  registerRegistrationRoutes,
  createSecondFactorService,
  createSessionService,
  createUserImportService,
  createUserService,
  type LoginThrottlePolicy,
  registerSecondFactorRoutes,
  registerSingleSignOnRoutes,
  createSingleSignOnService,
  registerUserImportRoutes,
  registerUserRoutes,
} from './modules/users/index.ts';
import { platformCookieSettings, registerAccessControl, sessionCookieSettings } from './platform/auth.ts';
import { createSecretBox } from './platform/secret-box.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import { handleClientError, handleError, handleFrameworkError, maxPathParameterLength, renderProblem, sendProblem, validatorCompiler } from './platform/errors.ts';
import { registerPathParameterCheck } from './platform/path-parameters.ts';
import { languageFromHeader } from './platform/language.ts';
import { apiVersion, finishOpenApiDocument } from './platform/openapi.ts';
import { createFileStorage, type FileStorage } from './platform/file-storage.ts';
import { registerPublicCache } from './platform/public-cache.ts';
import { type RateLimitSettings, registerRateLimits } from './platform/rate-limits.ts';
import { registerSecurityEventRecording } from './platform/security-events.ts';
import { apiDocumentationContentSecurityPolicy, registerSecurityHeaders } from './platform/security-headers.ts';
import { registerTenancy } from './platform/tenancy.ts';

export interface AppDependencies {
  config: Config;
  database: DatabaseHandle;
  clock?: Clock;
  logger?: boolean | Record<string, unknown>;
  /** A ready logger (main.ts passes one that never blocks on its output); wins over `logger`. */
  loggerInstance?: FastifyBaseLogger;
  /** Where uploaded files go; unset: as S3_URL says, closed with the app. */
  files?: FileStorage;
}

/** Login throttling as configured; the sweep that forgets old failures needs it too. */
export function loginThrottlePolicy(config: Config): LoginThrottlePolicy {
  return {
    freeFailuresPerAccountAndAddress: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    firstDelaySeconds: config.LOGIN_FIRST_DELAY_SECONDS,
    maxDelayMinutes: config.LOGIN_MAX_DELAY_MINUTES,
    maxFailuresPerAddress: config.LOGIN_MAX_FAILURES_PER_IP,
    addressWindowMinutes: config.LOGIN_THROTTLE_WINDOW_MINUTES,
  };
}

/** Request limits as configured. */
export function rateLimitSettings(config: Config): RateLimitSettings {
  return {
    windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    readsPerAddress: config.RATE_LIMIT_READS_PER_ADDRESS,
    readsPerUser: config.RATE_LIMIT_READS_PER_USER,
    writesPerUser: config.RATE_LIMIT_WRITES_PER_USER,
    writesPerAddress: config.RATE_LIMIT_WRITES_PER_ADDRESS,
    uploadsPerUser: config.RATE_LIMIT_UPLOADS_PER_USER,
    store: config.RATE_LIMIT_STORE,
  };
}

/**
 * Fastify takes no hop count any more (it cannot check the direct peer), so a count becomes a function:
 * the socket address and the last count-1 X-Forwarded-For entries are proxies, the entry before them the client.
 */
function trustProxySetting(trusted: TrustedProxies): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trusted !== 'number') return trusted;
  return (_address, hop) => hop < trusted;
}

/** Builds the whole application; main.ts and every test use this one function. */
export async function buildApp(dependencies: AppDependencies): Promise<FastifyInstance> {
  const { config, database } = dependencies;
  const clock = dependencies.clock ?? systemClock;
  const db = database.db;

  const app = Fastify({
    ...(dependencies.loggerInstance ? { loggerInstance: dependencies.loggerInstance } : { logger: dependencies.logger ?? false }),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: trustProxySetting(config.TRUST_PROXY),
    // A caller's X-Request-Id is kept for tracing when it is short and plain; anything else (long, or with
    // characters that could forge log lines or headers) is replaced, since it ends up in logs and the audit log.
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.:-]{1,128}$/.test(incoming) ? incoming : crypto.randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: maxPathParameterLength },
    frameworkErrors: handleFrameworkError,
    clientErrorHandler: handleClientError,
    // Node keeps a connection that trickles in a byte at a time open forever unless told otherwise: bound
    // the headers, the whole request, silence on the socket and idle keep-alive, and check them every second.
    http: {
      headersTimeout: config.HTTP_HEADERS_TIMEOUT_SECONDS * 1000,
      requestTimeout: config.HTTP_REQUEST_TIMEOUT_SECONDS * 1000,
      connectionsCheckingInterval: 1000,
    },
    requestTimeout: config.HTTP_REQUEST_TIMEOUT_SECONDS * 1000,
    connectionTimeout: config.HTTP_IDLE_TIMEOUT_SECONDS * 1000,
    keepAliveTimeout: config.HTTP_KEEP_ALIVE_TIMEOUT_SECONDS * 1000,
    maxRequestsPerSocket: config.HTTP_MAX_REQUESTS_PER_CONNECTION,
  });
  app.server.maxConnections = config.HTTP_MAX_CONNECTIONS;
  const files = dependencies.files ?? createFileStorage(objectStorageOf(config), app.log);
  if (!dependencies.files) app.addHook('onClose', async () => files.close());
  registerSecurityHeaders(app, { publicUrl: config.PUBLIC_URL, mapTileOrigin: mapTileOrigin(config) });
  app.setValidatorCompiler(validatorCompiler as never);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // The API speaks JSON only: any other body is 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');
  app.setNotFoundHandler((request, reply) => {
    const language = languageFromHeader(request.headers['accept-language']);
    return sendProblem(reply, renderProblem('NOT_FOUND', language, { instance: request.url.split('?')[0] }));
  });
  registerPathParameterCheck(app);
  // Callback-style hooks on the hot path: an async hook costs a promise per request.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('API-Version', apiVersion);
    // Anything that is not the same for every visitor (a logged-in answer, a problem, a file of a request) is
    // kept by no cache: not the browser's, not a proxy's. Public routes set their own caching.
    if (request.routeOptions.config?.access !== 'public' && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    // An API answer opened straight in a browser is saved, not rendered: JSON can then never be read as a page
    // (ASVS 14.4.2). Programs reading it with fetch or curl are not affected.
    if (request.url.startsWith('/api/') && !reply.hasHeader('content-disposition') && String(reply.getHeader('content-type') ?? '').includes('json')) {
      reply.header('content-disposition', 'attachment; filename="api.json"');
    }
    done(null, payload);
  });

  const municipalities = createMunicipalityService({ db });
  const secondFactors = createSecondFactorService({ db, clock, publicUrl: config.PUBLIC_URL, policy: { requiredForAdmins: config.ADMIN_SECOND_FACTOR === 'required' }, secrets: createSecretBox(config.SECRET_ENCRYPTION_KEY) });
  const passwordLinks = createPasswordLinkService({ db, clock, publicUrl: config.PUBLIC_URL, policy: { validHours: config.PASSWORD_LINK_HOURS, forgottenValidMinutes: config.PASSWORD_RESET_MINUTES } });
  const sessions = createSessionService({
    db,
    clock,
    policy: {
      idleMinutes: config.SESSION_IDLE_MINUTES,
      absoluteHours: config.SESSION_ABSOLUTE_HOURS,
      throttle: loginThrottlePolicy(config),
    },
    publicUrl: config.PUBLIC_URL,
    secondFactors,
  });
  const users = createUserService({ db, clock, publicUrl: config.PUBLIC_URL, passwordLinks, secondFactors });
  const registrations = createRegistrationService({ db, clock, publicUrl: config.PUBLIC_URL, policy: { linkValidHours: config.REGISTRATION_LINK_HOURS, resendAfterMinutes: 5 }, passwordLinks, sessions });
  const neighbourhoods = createNeighbourhoodService({ db, clock });
  const councils = createCouncilService({ db, clock });
  const meetingKinds = createMeetingKindService({ db, clock });
  const meetings = createMeetingService({ db, clock, publicUrl: config.PUBLIC_URL, mailFrom: config.MAIL_FROM });
  const meetingPlanner = createMeetingPlannerService({ db, clock });
  const meetingWork = {
    agenda: createMeetingAgendaService({ db, clock }),
    participants: createMeetingParticipantService({ db, clock, invitations: { publicUrl: config.PUBLIC_URL, mailFrom: config.MAIL_FROM } }),
    minutes: createMeetingMinutesService({ db, clock, submitRequest: (context, input) => requests.submitRequest(context, input) }),
  };
  const actionPlans = createActionPlanService({ db, clock });
  const actionPlanWork = {
    content: createActionPlanContentService({ db, clock, files }),
    contributions: createActionPlanContributionService({ db, clock }),
    progress: createActionProgressService({ db, clock, maxEvidenceBytes: config.ATTACHMENT_MAX_BYTES }),
  };
  const organisation = createOrganisationServices({ db, clock });
  const requests = createRequestService({ db, clock, publicUrl: config.PUBLIC_URL });
  const reportDependencies = { db, clock, publicUrl: config.PUBLIC_URL, secrets: createSecretBox(config.SECRET_ENCRYPTION_KEY) };
  const reports = createReportService(reportDependencies);
  const reportSteps = createReportSteps(reportDependencies);
  const reportWork = {
    reports,
    handling: createReportHandlingService(reportSteps, reportDependencies),
    bulk: createReportBulkService(reportDependencies),
    satisfaction: createReportSatisfactionService(reportSteps, reportDependencies),
    figures: createReportFiguresService(reportDependencies),
    privacy: createReportPrivacyService({ db, clock }),
  };
  const responsiveness = createResponsivenessService({ db, clock });
  const administration = createAdministrationService({ db });
  const notifications = createNotificationService({ db, clock });
  const cookie = sessionCookieSettings(config.PUBLIC_URL);
  const platformSessions = createPlatformSessionService({ db, clock, policy: { idleMinutes: config.SESSION_IDLE_MINUTES, absoluteHours: config.SESSION_ABSOLUTE_HOURS } });
  const platformCookie = platformCookieSettings(config.PUBLIC_URL);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Wijkwerk API',
        version: apiVersion,
        description:
          'Neighbourhood-oriented governance: neighbourhoods, councils, requests with nu/ooit/nooit answers, meetings, action plans. Errors are RFC 9457 problem+json in Dutch or English (Accept-Language).',
        contact: { name: 'Wijkwerk', email: 'wijkwerk@example.org', url: 'https://wijkwerk.example.org' },
        license: { name: 'EUPL-1.2', url: 'https://eupl.eu/1.2/nl/' },
      },
      components: {
        securitySchemes: {
          sessionCookie: { type: 'apiKey', in: 'cookie', name: cookie.name },
          apiToken: { type: 'http', scheme: 'bearer', description: 'API token created by an administrator' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) => finishOpenApiDocument(jsonSchemaTransformObject(documentObject) as never, config.PUBLIC_URL),
  });
  // Folded per subject: with every operation unfolded at once, Swagger UI stopped rendering part way.
  await app.register(fastifySwaggerUi, { routePrefix: '/api/v1/docs', uiConfig: { docExpansion: 'none' }, staticCSP: apiDocumentationContentSecurityPolicy });

  app.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  // Before the access control and the public cache: their onRoute hooks put the access check in front of the
  // limit (which needs the actor) and the cache behind it (so cached answers count too).
  await registerRateLimits(app, rateLimitSettings(config), db);
  registerAccessControl(app, sessions, cookie, { clock, reauthenticationMinutes: config.REAUTHENTICATION_MINUTES }, { cookie: platformCookie, authenticate: (token) => platformSessions.authenticate(token) });
  registerSecurityEventRecording(app, { db, clock });
  registerPublicCache(app, { ttlMs: config.PUBLIC_CACHE_SECONDS * 1000, maxEntries: 5000, database });

  app.get('/healthz', { config: { access: 'public', requestLimit: 'none' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: 'public', requestLimit: 'none' }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await database.ping();
      if (!(await database.isMigrationCurrent())) return reply.code(503).send({ status: 'migrations pending' });
      return { status: 'ready', database: database.engine };
    } catch {
      return reply.code(503).send({ status: 'database unreachable' });
    }
  });

  await app.register(
    async (api) => {
      registerMunicipalityRoutes(api, municipalities);
      registerPlatformAdministrationRoutes(api, {
        sessions: platformSessions,
        founding: createMunicipalityFoundingService({ db, clock, passwordLinks }),
        cookie: platformCookie,
        sessionMaxAgeSeconds: config.SESSION_ABSOLUTE_HOURS * 3600,
      });
      registerMapSettingsRoutes(api, { baseMap: baseMapOf(config) });
      await api.register(
        async (tenantScope) => {
          registerTenancy(tenantScope, (slug) => municipalities.findTenant(slug));
          registerUserRoutes(tenantScope, { sessions, users, cookie, sessionMaxAgeSeconds: config.SESSION_ABSOLUTE_HOURS * 3600 });
          registerSecondFactorRoutes(tenantScope, { secondFactors, passwordLinks });
          registerSingleSignOnRoutes(tenantScope, {
            singleSignOn: createSingleSignOnService({ db, clock, publicUrl: config.PUBLIC_URL, secrets: createSecretBox(config.SECRET_ENCRYPTION_KEY), sessions }),
            cookie,
            sessionMaxAgeSeconds: config.SESSION_ABSOLUTE_HOURS * 3600,
          });
          registerUserImportRoutes(tenantScope, createUserImportService({ db, clock, usersWithin: (tx) => createUserService({ db: tx, clock, publicUrl: config.PUBLIC_URL, passwordLinks, secondFactors }) }));
          registerAccessibilityStatementRoutes(tenantScope, createAccessibilityStatementService({ db, clock }));
          registerAppearanceRoutes(tenantScope, createAppearanceService({ db, clock }));
          registerRegistrationRoutes(tenantScope, { registrations, users, cookie, sessionMaxAgeSeconds: config.SESSION_ABSOLUTE_HOURS * 3600 });
          registerNeighbourhoodRoutes(tenantScope, neighbourhoods);
          registerAreaImportRoutes(tenantScope, createAreaImportService({ db, clock }));
          registerCouncilRoutes(tenantScope, councils);
          registerMeetingKindRoutes(tenantScope, meetingKinds);
          registerMeetingRoutes(tenantScope, meetings);
          registerMeetingPlannerRoutes(tenantScope, meetingPlanner);
          registerMeetingFrequencyRoutes(tenantScope, createMeetingFrequencyService({ db, clock }));
          registerCalendarFeedRoutes(tenantScope, createCalendarFeedService({ db, clock, publicUrl: config.PUBLIC_URL }));
          registerMeetingWorkRoutes(tenantScope, meetingWork);
          registerActionPlanRoutes(tenantScope, actionPlans);
          registerActionPlanContentRoutes(tenantScope, actionPlanWork);
          registerActionProgressEvidenceRoutes(tenantScope, createActionProgressEvidenceService({ db, clock, files, maxBytes: config.ATTACHMENT_MAX_BYTES, quotaBytesPerUser: config.ATTACHMENT_QUOTA_BYTES_PER_USER }));
          registerActionPlanDocumentRoutes(tenantScope, createActionPlanDocumentService({ db, clock }));
          registerActionPlanOriginRoutes(tenantScope, createActionPlanOriginService({ db }));
          registerPublicActionPlanRoutes(tenantScope, createPublicActionPlanService({ db, clock }));
          registerActionPlanMonitoringRoutes(tenantScope, { monitoring: createActionPlanMonitoringService({ db, clock }), reports: createActionPlanReportService({ db, clock, publicUrl: config.PUBLIC_URL }) });
          registerOrganisationRoutes(tenantScope, organisation);
          registerOrganisationCsvRoutes(tenantScope, createOrganisationCsvService({ db, clock }));
          registerRequestRoutes(tenantScope, requests);
          registerReportRoutes(tenantScope, reports, createPublicReportService({ db, clock }), createAddressLookup(config.GEOCODER_URL));
          registerReportHandlingRoutes(tenantScope, reportWork);
          registerReportMapRoutes(tenantScope, createReportMapService({ db, clock }));
          registerReportCategoryAdminRoutes(tenantScope, createReportCategoryAdminService({ db, clock }));
          registerReportCategoryCsvRoutes(tenantScope, createReportCategoryCsvService({ db, clock }));
          registerReportSettingsRoutes(tenantScope, createReportSettingsService({ db, clock }));
          registerReportPhotoRoutes(tenantScope, createReportPhotoService({ db, clock, files, maxBytes: config.REPORT_PHOTO_MAX_BYTES }));
          registerAdviceRequestRoutes(tenantScope, createAdviceRequestService({ db, clock, publicUrl: config.PUBLIC_URL }));
          registerRequestExportRoutes(tenantScope, createRequestExportService({ db, clock, publicUrl: config.PUBLIC_URL }));
          registerRequestAttachmentRoutes(tenantScope, createRequestAttachmentService({ db, clock, files, maxBytes: config.ATTACHMENT_MAX_BYTES, quotaBytesPerUser: config.ATTACHMENT_QUOTA_BYTES_PER_USER }));
          registerResponsivenessRoutes(tenantScope, responsiveness);
          registerAdministrationRoutes(tenantScope, administration);
          registerNotificationRoutes(tenantScope, notifications);
          registerPrivacyRoutes(tenantScope, createPrivacyService({ db, clock, publicUrl: config.PUBLIC_URL }), cookie);
        },
        { prefix: '/municipalities/:municipality' },
      );
    },
    { prefix: '/api/v1' },
  );

  await registerOpen311Routes(app, {
    reports,
    authenticator: sessions,
    clock,
    findTenant: (slug) => municipalities.findTenant(slug),
    listTenants: async () => (await municipalities.listMunicipalities()).map((item) => ({ id: item.id, slug: item.slug, name: item.name })),
  });

  await registerWebApp(app, config.WEB_DIST_DIR, { servesSourceMaps: !isProduction(config) });
  return app;
}

/** Serves the built web app; every non-API path falls back to index.html so deep links work. */
async function registerWebApp(app: FastifyInstance, distDir: string, options: { servesSourceMaps: boolean }) {
  const root = path.resolve(distDir);
  if (!existsSync(path.join(root, 'index.html'))) return;
  // serve: false — only reply.sendFile; the one route below decides what is a file and what is the app.
  await app.register(fastifyStatic, { root, serve: false });
  app.get('/*', { config: { access: 'public', requestLimit: 'none' }, schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split('?')[0];
    if (url.startsWith('/api/')) return sendProblem(reply, renderProblem('NOT_FOUND', languageFromHeader(request.headers['accept-language']), { instance: url }));
    const file = url.slice(1);
    // Source maps hand out the web app's sources with comments; in production a stray map is not served.
    const isHidden = !options.servesSourceMaps && file.endsWith('.map');
    if (file && !isHidden && !file.includes('..') && existsSync(path.join(root, file)) && !file.endsWith('/')) {
      return reply.sendFile(file, { maxAge: file.startsWith('assets/') ? 31_536_000_000 : 0, immutable: file.startsWith('assets/') });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
