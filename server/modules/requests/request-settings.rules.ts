import { z } from 'zod';
import { type AnswerPolicy, type DeadlinePolicy, defaultAnswerPolicy, defaultDeadlinePolicy, defaultWeightByScale, type RequestKind, requestKinds, type Scale, scales } from './request.rules.ts';

// What a municipality sets for its own answer protocol: deadlines per kind, the short term of a nu, the update
// cadence of an ooit, the weight that follows from the scale, four-eyes review, front-line teams and answer
// templates. Stored in municipality.settings.requests; every field has a default, so an empty setting is valid.

const deadlineSchema = z.object({
  acknowledgeWithinWorkingDays: z.number().int().min(1).max(30),
  answerWithinWorkingDays: z.number().int().min(1).max(120),
});

export const frontLineTeamSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,30}$/, 'field:codeFormat'),
  name: z.string().trim().min(2).max(120),
  description: z.string().trim().max(500).default(''),
});

export const answerTemplateSchema = z.object({
  verdict: z.enum(['nu', 'ooit', 'nooit']),
  title: z.string().trim().min(3).max(120),
  text: z.string().trim().min(20).max(5000),
});

export const requestSettingsSchema = z
  .object({
    deadlines: z.partialRecord(z.enum(requestKinds), deadlineSchema).default({}).describe('Per kind; a kind that is not listed uses 5 and 20 working days'),
    shortTermWeeks: z.number().int().min(1).max(52).default(defaultAnswerPolicy.shortTermWeeks).describe('A nu must be carried out within this many weeks'),
    defaultUpdateEveryWeeks: z.number().int().min(1).max(26).default(6).describe('The update cadence an ooit answer proposes'),
    minimumMotivationLength: z.number().int().min(10).max(1000).default(defaultAnswerPolicy.minimumMotivationLength),
    weightByScale: z.record(z.enum(scales), z.enum(['large', 'limited'])).default(defaultWeightByScale),
    requiresAnswerReview: z.boolean().default(false).describe('Four eyes: the advisor approves an officer’s answer before the submitter sees it'),
    decisionReminderDays: z.number().int().min(1).max(60).default(10).describe('How many days before an ooit decision date the owner is reminded'),
    cityWideAdvisorUserId: z.uuid().nullable().default(null).describe('The first point of contact for city-wide requests: told of them and reminded like a neighbourhood’s advisor'),
    referencePrefix: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2,6}$/, 'field:referencePrefixFormat')
      .nullable()
      .default(null)
      .describe('The letters before every request reference ("HLM" in HLM-2026-0142); null: the first three letters of the municipality’s slug'),
    frontLineTeams: z.array(frontLineTeamSchema).max(50).default([]),
    answerTemplates: z.array(answerTemplateSchema).max(100).default([]),
  })
  .superRefine((settings, context) => {
    const codes = settings.frontLineTeams.map((team) => team.code);
    codes.forEach((code, index) => {
      if (codes.indexOf(code) !== index) context.addIssue({ code: 'custom', path: ['frontLineTeams', index, 'code'], message: 'field:duplicate' });
    });
    for (const [kind, deadline] of Object.entries(settings.deadlines)) {
      if (deadline && deadline.answerWithinWorkingDays < deadline.acknowledgeWithinWorkingDays) {
        context.addIssue({ code: 'custom', path: ['deadlines', kind, 'answerWithinWorkingDays'], message: 'field:answerBeforeAcknowledge' });
      }
    }
  });

export type RequestSettings = z.output<typeof requestSettingsSchema>;

/**
 * The settings as stored, with defaults for what is missing. A stored value that no longer fits the rules (an
 * older version wrote it) falls back to the defaults as a whole rather than failing every request of the tenant.
 */
export function resolveRequestSettings(stored: unknown): RequestSettings {
  const parsed = requestSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : requestSettingsSchema.parse({});
}

export function deadlinePolicyFor(settings: RequestSettings, kind: RequestKind): DeadlinePolicy {
  return settings.deadlines[kind] ?? defaultDeadlinePolicy;
}

export function answerPolicyOf(settings: RequestSettings): AnswerPolicy {
  return { shortTermWeeks: settings.shortTermWeeks, minimumMotivationLength: settings.minimumMotivationLength };
}

export function weightRuleOf(settings: RequestSettings): Record<Scale, 'large' | 'limited'> {
  return settings.weightByScale;
}
