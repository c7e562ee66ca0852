import { randomBytes, randomUUID } from 'node:crypto';
import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { auditRow, recordAudit } from '../../platform/audit-log.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError, findDatabaseError } from '../../platform/errors.ts';
import type { Language } from '../../platform/language.ts';
import { outboxRow } from '../../platform/outbox.ts';
import { offsetOf, pageOf } from '../../platform/pagination.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import type { ChangeReportStatus, FollowReport, NearbyReportsQuery, ReportFilterQuery, ReportListQuery, SubmitReport } from './report.contract.ts';
import { reportNotices, statusWords } from './report.notices.ts';
import { allowedActionsOf, viewerOf } from './report.policy.ts';
import { presentPublicReport, presentReportDetail, presentReportSummary, presentStatusView } from './report.presenter.ts';
import { createReportRepository, type PublicReportFilter, type ReportFilter, type ReportRow, type ReportWithNames } from './report.repository.ts';
import { presentReportPhoto, presentStatusPhoto } from './report-photo.presenter.ts';
import { createReportPhotoRepository } from './report-photo.repository.ts';
import { canMoveTo, isClosed } from './report.workflow.ts';
import { checkAnswers, handleByFor } from './report-category.rules.ts';
import { boxAround, metresBetween, placeOf } from './report-location.rules.ts';
import { formatReportReference } from './report-reference.rules.ts';
import { messageForStatus, } from './report-settings.rules.ts';
import { findScopeMembers } from '../users/index.ts';
import { invalidField } from './reports.errors.ts';
import { createReportSteps, hashOf, type ReportServiceDependencies } from './report-steps.ts';
import { createSubmissionWriter, type SubmissionRows } from './report-submission-writer.ts';

export type { ReportServiceDependencies };

export interface SubmitOptions {
  idempotencyKey?: string;
  channel: 'web' | 'open311';
}

/** How close a report of the same kind must be to count as "already reported". */
const nearbyMetres = 100;

/** The secret of a status link: 192 random bits, URL-safe. */
const newStatusToken = () => randomBytes(24).toString('base64url');

/** The queue's filters as the repository takes them; the list and the back-office map share them. */
export function reportFilterFrom(context: UseCaseContext, query: ReportFilterQuery, today: string): ReportFilter {
  return {
    status: query.status,
    categoryId: query.categoryId,
    neighbourhoodId: query.neighbourhoodId,
    departmentId: query.departmentId,
    priority: query.priority,
    overdue: query.overdue,
    assignedUserId: query.assignedToMe === 'true' ? context.actor?.userId : undefined,
    search: query.search,
    today,
  };
}

export function createReportService(dependencies: ReportServiceDependencies) {
  const { db, clock, secrets } = dependencies;
  const submissions = createSubmissionWriter(db);
  const steps = createReportSteps(dependencies);
  const { municipalityOf, statusUrlOf, settingsOf } = steps;

  /** The slug in the path the call came through; looked up when a caller (a job, say) came without one. */
  async function slugOf(context: UseCaseContext) {
    return context.municipalitySlug ?? (await municipalityOf(db, context.municipalityId)).slug;
  }

  function categoryNames(row: Pick<ReportWithNames, 'categoryName' | 'categoryNameEn'>) {
    return { categoryName: row.categoryName, categoryNameEn: row.categoryNameEn ?? row.categoryName };
  }

  async function receiptOf(tx: Executor, context: UseCaseContext, row: ReportRow, token: string) {
    const named = (await createReportRepository(tx).findWithNames(row.municipalityId, row.id))!;
    const slug = context.municipalitySlug ?? (await municipalityOf(tx, row.municipalityId)).slug;
    const language = context.language;
    return {
      id: row.id,
      reference: row.reference,
      status: row.status,
      category: { code: named.categoryCode, name: language === 'en' ? (named.categoryNameEn ?? named.categoryName) : named.categoryName, mainName: (language === 'en' ? named.mainCategoryNameEn : null) ?? named.mainCategoryName ?? '' },
      neighbourhoodName: named.neighbourhoodName,
      handleBy: row.handleBy,
      statusToken: token,
      statusUrl: statusUrlOf(slug, token),
      isFollowingUp: row.reporterEmail !== null || row.reporterPhone !== null,
    };
  }

  /** A retried submission: the same report for the same content; a different content is the client's mistake. */
  async function replayed(tx: Executor, context: UseCaseContext, key: string, digest: string) {
    const earlier = await createReportRepository(tx).findByIdempotencyKey(context.municipalityId, key);
    if (!earlier) return undefined;
    if (earlier.idempotencyDigest !== digest || !earlier.statusTokenSealed) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
    return receiptOf(tx, context, earlier, secrets.open(earlier.statusTokenSealed));
  }

  // A municipality's boundaries and name change seldom (an import, a rename) and every submission needs them: kept
  // for half a minute per municipality instead of read and parsed for every report.
  type Places = Awaited<ReturnType<ReturnType<typeof createReportRepository>['places']>> & { municipality: { name: string; slug: string } };
  const placesCache = new Map<string, { value: Promise<Places>; until: number }>();
  function placesOf(municipalityId: string) {
    const hit = placesCache.get(municipalityId);
    if (hit && hit.until > Date.now()) return hit.value;
    const value = Promise.all([createReportRepository(db).places(municipalityId), municipalityOf(db, municipalityId)]).then(([places, { name, slug }]) => ({ ...places, municipality: { name, slug } }));
    value.catch(() => placesCache.delete(municipalityId));
    placesCache.set(municipalityId, { value, until: Date.now() + 30_000 });
    return value;
  }

  /** Everything a submission is checked against, read before anything is written: bad input changes nothing. */
  async function checkSubmission(context: UseCaseContext, input: SubmitReport) {
    const repository = createReportRepository(db);
    const found = await repository.findCategoryByCode(context.municipalityId, input.categoryCode);
    if (!found?.category.isActive) throw invalidField('body.categoryCode', 'unknownCategory');
    const category = found.category;
    if (category.parentId === null) throw invalidField('body.categoryCode', 'mainCategoryNotReportable');
    const answerProblems = checkAnswers(category.questions, input.answers);
    if (answerProblems.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: answerProblems });

    const { latitude, longitude } = input.location;
    const places = await placesOf(context.municipalityId);
    const neighbourhood = placeOf(places.neighbourhoods, longitude, latitude);
    if (!neighbourhood) {
      const { name } = places.municipality;
      throw new DomainError('REPORT_OUTSIDE_MUNICIPALITY', { params: { municipality: name }, fields: [{ field: 'body.location', code: 'outsideMunicipality', params: { municipality: name } }] });
    }
    const area = placeOf(
      places.areas.filter((candidate) => candidate.neighbourhoodId === neighbourhood.id),
      longitude,
      latitude,
    );
    return { category, mainName: found.mainName, mainNameEn: found.mainNameEn, neighbourhood, area, municipality: places.municipality };
  }

  async function submit(context: UseCaseContext, input: SubmitReport, options: SubmitOptions) {
    const digest = options.idempotencyKey ? hashOf(JSON.stringify(input)) : null;
    if (options.idempotencyKey) {
      const earlier = await replayed(db, context, options.idempotencyKey, digest!);
      if (earlier) return { receipt: earlier, isNew: false };
    }
    const { category, mainName, mainNameEn, neighbourhood, area, municipality } = await checkSubmission(context, input);
    const wantsFeedback = input.contactConsent && Boolean(input.email || input.phone);
    const now = clock.now();
    const reportedOn = dateInAmsterdam(now);
    const year = Number(reportedOn.slice(0, 4));
    const token = newStatusToken();
    const statusUrl = statusUrlOf(context.municipalitySlug ?? municipality.slug, token);
    const english = context.language === 'en';
    const handleBy = handleByFor(reportedOn, category);
    const reporterEmail = wantsFeedback ? (input.email ?? null) : null;
    const reporterPhone = wantsFeedback ? (input.phone ?? null) : null;
    const id = randomUUID();
    // Written with the submissions that arrive meanwhile (report-submission-writer.ts), once its number is known. A
    // submission that fails after taking its number leaves the number unused (references stay unique).
    const receipt = await submissions.write({
      municipalityId: context.municipalityId,
      year,
      rowsFor: (number) => {
        const reference = formatReportReference(year, number);
        let message: ReturnType<typeof outboxRow> | undefined;
        if (reporterEmail) {
          const notice = reportNotices.received({ reference, categoryName: category.name, categoryNameEn: category.nameEn ?? category.name, handleBy, statusUrl, municipalityName: municipality.name });
          const text = notice[context.language as Language] ?? notice.nl;
          message = outboxRow(clock, { municipalityId: context.municipalityId, channel: 'email', recipientEmail: reporterEmail, topic: 'report.received', subject: text.subject, body: text.body, payload: { reportId: id } });
        }
        const rows: SubmissionRows = {
          report: {
            id,
            municipalityId: context.municipalityId,
            reference,
            categoryId: category.id,
            neighbourhoodId: neighbourhood.id,
            areaId: area?.id ?? null,
            departmentId: category.departmentId,
            latitude: input.location.latitude,
            longitude: input.location.longitude,
            address: input.address,
            description: input.description,
            answers: input.answers,
            status: 'reported',
            handleBy,
            reporterEmail,
            reporterPhone,
            reporterLanguage: context.language,
            mayPublishPhotos: input.mayPublishPhotos,
            statusTokenHash: hashOf(token),
            statusTokenSealed: secrets.seal(token),
            idempotencyKey: options.idempotencyKey ?? null,
            idempotencyDigest: digest,
            channel: options.channel,
            createdAt: now,
            updatedAt: now,
          },
          event: { municipalityId: context.municipalityId, reportId: id, kind: 'submitted', toStatus: 'reported', details: { channel: options.channel }, actorUserId: context.actor?.userId ?? null, createdAt: now },
          message,
          // Contact data and the reporter's words stay out of the audit trail; the report holds them under its own rules.
          audit: auditRow(clock, context, {
            action: 'report.submit',
            entityType: 'report',
            entityId: id,
            after: { reference, categoryId: category.id, neighbourhoodId: neighbourhood.id, departmentId: category.departmentId, channel: options.channel, hasContact: reporterEmail !== null || reporterPhone !== null },
          }),
        };
        const result = {
          id,
          reference,
          status: 'reported' as const,
          category: { code: category.code, name: english ? (category.nameEn ?? category.name) : category.name, mainName: (english ? mainNameEn : null) ?? mainName ?? '' },
          neighbourhoodName: neighbourhood.name,
          handleBy,
          statusToken: token,
          statusUrl,
          isFollowingUp: reporterEmail !== null || reporterPhone !== null,
        };
        return { rows, result };
      },
    });
    return { receipt, isNew: true };
  }

  const loadReadable = (context: UseCaseContext, reportId: string) => steps.loadReadable(db, context, reportId);

  const service = {
    /** The categories a reporter chooses from: main categories with their active subcategories. */
    async categoryTree(context: UseCaseContext) {
      const rows = await createReportRepository(db).categories(context.municipalityId);
      const english = context.language === 'en';
      const nameOf = (row: (typeof rows)[number]) => (english ? (row.nameEn ?? row.name) : row.name);
      const mains = rows.filter((row) => row.parentId === null && row.isActive);
      return {
        items: mains
          .map((main) => ({
            id: main.id,
            code: main.code,
            name: nameOf(main),
            subcategories: rows
              .filter((row) => row.parentId === main.id && row.isActive)
              .map((row) => ({
                id: row.id,
                code: row.code,
                name: nameOf(row),
                description: row.description,
                handlingDays: row.handlingDays,
                dayKind: row.dayKind,
                questions: row.questions.map((question) => ({
                  code: question.code,
                  question: english ? (question.questionEn ?? question.question) : question.question,
                  kind: question.kind,
                  isRequired: question.isRequired,
                  options: (question.options ?? []).map((option) => ({ key: option.key, name: english ? (option.nameEn ?? option.name) : option.name })),
                })),
              })),
          }))
          .filter((main) => main.subcategories.length > 0),
      };
    },

    /**
     * Anyone may report, without an account. A retry with the same Idempotency-Key returns the first answer; two at
     * once with one key race on the unique index, and the loser reads the winner's report.
     */
    async submitReport(context: UseCaseContext, input: SubmitReport, options: SubmitOptions) {
      if (input.website) throw invalidField('body.website', 'honeypotFilled');
      if ((input.email || input.phone) && !input.contactConsent) throw invalidField('body.contactConsent', 'contactWithoutConsent');
      if (input.contactConsent && !input.email && !input.phone) throw invalidField('body.email', 'consentWithoutContact');
      try {
        return await submit(context, input, options);
      } catch (error) {
        if (options.idempotencyKey && findDatabaseError(error)?.constraint === 'report_idempotency_key') {
          const earlier = await replayed(db, context, options.idempotencyKey, hashOf(JSON.stringify(input)));
          if (earlier) return { receipt: earlier, isNew: false };
        }
        throw error;
      }
    },

    /** The reporter's view through the status link; an unknown token is simply not found. */
    async statusByToken(context: UseCaseContext, token: string) {
      const repository = createReportRepository(db);
      const row = await repository.findByTokenHash(context.municipalityId, hashOf(token));
      if (!row) throw new DomainError('NOT_FOUND');
      const mergedInto = row.report.mergedIntoReportId ? await repository.referenceOf(context.municipalityId, row.report.mergedIntoReportId) : null;
      const slug = await slugOf(context);
      const photos = (await createReportPhotoRepository(db).listOfReport(context.municipalityId, row.report.id)).map((photo) => presentStatusPhoto(photo, slug, token));
      return presentStatusView(row, await repository.history(context.municipalityId, row.report.id), mergedInto, photos, context.language);
    },

    /** "Al gemeld?": open reports of the same category within 100 metres, nearest first. */
    async nearbyOpenReports(context: UseCaseContext, query: NearbyReportsQuery) {
      const repository = createReportRepository(db);
      const found = await repository.findCategoryByCode(context.municipalityId, query.categoryCode);
      if (!found) throw invalidField('querystring.categoryCode', 'unknownCategory');
      const point = { latitude: query.latitude, longitude: query.longitude };
      const rows = await repository.openInBox(context.municipalityId, found.category.id, boxAround(point, nearbyMetres), 50);
      const items = rows
        .map((row) => ({ row, distance: metresBetween(point, row.report) }))
        .filter(({ distance }) => distance <= nearbyMetres)
        .sort((first, second) => first.distance - second.distance)
        .slice(0, 5)
        .map(({ row, distance }) => ({
          id: row.report.id,
          reference: row.report.reference,
          status: row.report.status,
          categoryName: context.language === 'en' ? (row.categoryNameEn ?? row.categoryName) : row.categoryName,
          address: row.report.address,
          distanceMetres: Math.round(distance),
          reportedAt: row.report.createdAt.toISOString(),
        }));
      return { items };
    },

    /** Someone who finds the problem already reported follows that report instead of reporting it again. */
    async followReport(context: UseCaseContext, reportId: string, input: FollowReport) {
      return inTransaction(db, async (tx) => {
        const repository = createReportRepository(tx);
        const row = await repository.findById(context.municipalityId, reportId);
        if (!row) throw new DomainError('NOT_FOUND');
        if (isClosed(row.status)) throw new DomainError('REPORT_CLOSED');
        const now = clock.now();
        const isNewFollower = await repository.addFollower({ municipalityId: row.municipalityId, reportId, email: input.email, language: context.language, createdAt: now });
        if (isNewFollower) {
          await repository.addEvent({ municipalityId: row.municipalityId, reportId, kind: 'followed', actorUserId: context.actor?.userId ?? null, createdAt: now });
          await recordAudit(tx, clock, context, { action: 'report.follow', entityType: 'report', entityId: reportId, after: { reference: row.reference } });
        }
        return { reference: row.reference, status: row.status, isNewFollower };
      });
    },

    /** Public reports, newest first: for Open311 and the public map. */
    async publicReports(context: UseCaseContext, filter: PublicReportFilter) {
      const rows = await createReportRepository(db).publicList(context.municipalityId, filter);
      return rows.map((row) => presentPublicReport(row, context.language));
    },

    /** The category a code names, active or not, for Open311's service definition. */
    async category(context: UseCaseContext, code: string) {
      const tree = await service.categoryTree(context);
      for (const main of tree.items) {
        const found = main.subcategories.find((sub) => sub.code === code);
        if (found) return { ...found, groupName: main.name };
      }
      return undefined;
    },

    /** The report a token belongs to, for Open311's GET tokens/{token}. */
    async referenceOfToken(context: UseCaseContext, token: string): Promise<string | null> {
      const row = await createReportRepository(db).findByTokenHash(context.municipalityId, hashOf(token));
      return row?.report.reference ?? null;
    },

    async listReports(context: UseCaseContext, query: ReportListQuery) {
      const today = dateInAmsterdam(clock.now());
      const { rows, total } = await createReportRepository(db).list(context.municipalityId, viewerOf(context.actor), {
        ...reportFilterFrom(context, query, today),
        offset: offsetOf(query),
        limit: query.pageSize,
      });
      return pageOf(
        rows.map((row) => presentReportSummary(row, today, context.language)),
        total,
        query,
      );
    },

    async getReport(context: UseCaseContext, reportId: string) {
      const { row, access } = await loadReadable(context, reportId);
      const repository = createReportRepository(db);
      const slug = await slugOf(context);
      const allowed = allowedActionsOf(access, row.report);
      // Who it can go to: the officers of its department, for those who may assign it.
      const officers = allowed.actions.includes('assign') && row.report.departmentId ? await findScopeMembers(db, context.municipalityId, 'officer', [row.report.departmentId]) : [];
      return presentReportDetail(
        row,
        {
          assignableUsers: officers.map((officer) => ({ id: officer.userId, name: officer.displayName })),
          mergedIntoReference: row.report.mergedIntoReportId ? await repository.referenceOf(context.municipalityId, row.report.mergedIntoReportId) : null,
          history: await repository.history(context.municipalityId, reportId),
          areaName: await repository.areaName(context.municipalityId, row.report.areaId),
          followerCount: await repository.followerCount(context.municipalityId, reportId),
          photos: (await createReportPhotoRepository(db).listOfReport(context.municipalityId, reportId)).map((photo) => presentReportPhoto(photo, slug)),
          today: dateInAmsterdam(clock.now()),
          allowed,
        },
        context.language,
      );
    },

    /** A status change along the workflow, with the reporter told in their language (staff's words or the standard text). */
    async changeStatus(context: UseCaseContext, reportId: string, input: ChangeReportStatus) {
      if (input.status === 'forwarded' && !input.forwardedTo) throw invalidField('body.forwardedTo', 'forwardedToRequired');
      let message: Record<Language, string> = { nl: '', en: '' };
      await steps.change(context, reportId, {
        version: input.version,
        audit: 'report.changeStatus',
        prepare: async (tx, row) => {
          const before = row.report;
          if (!canMoveTo(before.status, input.status)) {
            throw new DomainError('REPORT_STATUS_NOT_ALLOWED', {
              params: { fromNl: statusWords[before.status].nl, toNl: statusWords[input.status].nl, fromEn: statusWords[before.status].en, toEn: statusWords[input.status].en },
            });
          }
          const settings = await settingsOf(tx, context.municipalityId);
          message = { nl: input.message || messageForStatus(settings, input.status, 'nl'), en: input.message || messageForStatus(settings, input.status, 'en') };
          return {
            status: input.status,
            statusNotes: message[before.reporterLanguage as Language] ?? message.nl,
            forwardedTo: input.status === 'forwarded' ? input.forwardedTo! : before.forwardedTo,
            closedAt: isClosed(input.status) ? clock.now() : null,
          };
        },
        event: (before, after) => ({ kind: 'statusChanged', fromStatus: before.status, toStatus: after.status, messageToReporter: after.statusNotes, internalNote: input.internalNote ?? null }),
        after: async (tx, row, after) => {
          const municipality = await municipalityOf(tx, after.municipalityId);
          const statusUrl = (await steps.statusUrlFor(tx, after)) ?? '';
          const notice = reportNotices.statusChanged({
            reference: after.reference,
            ...categoryNames(row),
            handleBy: after.handleBy,
            statusUrl,
            municipalityName: municipality.name,
            statusNl: statusWords[after.status].nl,
            statusEn: statusWords[after.status].en,
            message,
            // Done: the one question that follows, answered with one click on the status page.
            satisfactionUrl: after.status === 'done' && statusUrl ? statusUrl : null,
          });
          await steps.tellReporters(tx, after, 'report.statusChanged', notice);
        },
      });
      return service.getReport(context, reportId);
    },
  };
  return service;
}

export type ReportService = ReturnType<typeof createReportService>;
