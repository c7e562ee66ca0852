import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import type { PasswordLinkService } from './password-link.service.ts';
import type { SecondFactorService } from './second-factor.service.ts';
import {
  beginTotpBody,
  confirmTotpBody,
  finishPasskeyBody,
  inspectPasswordLinkBody,
  mySecondFactorsSchema,
  passwordLinkRedeemedSchema,
  passwordLinkSchema,
  redeemPasswordLinkBody,
  secondFactorParams,
  secondFactorSchema,
  totpEnrolmentSchema,
} from './user.contract.ts';

/** A person's own second factors, and the links with which people set their password. */
export function registerSecondFactorRoutes(scope: FastifyInstance, services: { secondFactors: SecondFactorService; passwordLinks: PasswordLinkService }) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { secondFactors, passwordLinks } = services;
  const tags = ['Second factors'];

  app.get(
    '/second-factors',
    {
      config: { access: 'authenticated', duringEnrolment: true },
      schema: { operationId: 'listMySecondFactors', tags, summary: 'Your authenticator apps and passkeys, and whether your role requires one', params: municipalityParams, response: { 200: mySecondFactorsSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => secondFactors.listMine(contextOf(request)),
  );

  app.post(
    '/second-factors/totp',
    {
      config: { access: 'authenticated', duringEnrolment: true, reauthentication: true },
      schema: {
        operationId: 'beginTotpEnrolment',
        tags,
        summary: 'Start adding an authenticator app: a secret and QR code to scan',
        description: 'The app counts as a second factor once confirmed with its first code (POST …/confirmation).',
        params: municipalityParams,
        body: beginTotpBody,
        response: { 201: totpEnrolmentSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => reply.code(201).send(await secondFactors.beginTotp(contextOf(request), request.body)),
  );

  app.post(
    '/second-factors/totp/:factorId/confirmation',
    {
      config: { access: 'authenticated', duringEnrolment: true, reauthentication: true },
      schema: { operationId: 'confirmTotpEnrolment', tags, summary: 'Confirm the authenticator app with its first code', params: secondFactorParams, body: confirmTotpBody, response: { 201: secondFactorSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request, reply) => reply.code(201).send(await secondFactors.confirmTotp(contextOf(request), request.params.factorId, request.body)),
  );

  app.post(
    '/second-factors/passkey-options',
    {
      config: { access: 'authenticated', duringEnrolment: true, reauthentication: true },
      schema: {
        operationId: 'beginPasskeyEnrolment',
        tags,
        summary: 'Start adding a passkey: the options for navigator.credentials.create',
        params: municipalityParams,
        response: { 200: z.record(z.string(), z.unknown()).describe('PublicKeyCredentialCreationOptionsJSON'), ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => (await secondFactors.beginPasskey(contextOf(request))) as unknown as Record<string, unknown>,
  );

  app.post(
    '/second-factors/passkeys',
    {
      config: { access: 'authenticated', duringEnrolment: true, reauthentication: true },
      schema: { operationId: 'finishPasskeyEnrolment', tags, summary: 'Add the passkey the browser made', params: municipalityParams, body: finishPasskeyBody, response: { 201: secondFactorSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request, reply) => reply.code(201).send(await secondFactors.finishPasskey(contextOf(request), request.body)),
  );

  app.delete(
    '/second-factors/:factorId',
    {
      config: { access: 'authenticated', reauthentication: true },
      schema: { operationId: 'removeMySecondFactor', tags, summary: 'Remove one of your second factors (not the last when your role requires one)', params: secondFactorParams, response: { 204: z.null().describe('Removed'), ...problemResponses(401, 403, 404) } },
    },
    async (request, reply) => {
      await secondFactors.removeMine(contextOf(request), request.params.factorId);
      return reply.code(204).send(null);
    },
  );

  // The token travels in the body, never in the address, so it does not end up in logs.
  app.post(
    '/password-links/inspection',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'inspectPasswordLink',
        tags: ['Sessions'],
        summary: 'Whose account a set-password link is for, and until when it works',
        params: municipalityParams,
        body: inspectPasswordLinkBody,
        response: { 200: passwordLinkSchema, ...problemResponses(404, 410) },
      },
    },
    async (request) => passwordLinks.inspect(contextOf(request), request.body.token),
  );

  app.post(
    '/password-links/redemption',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'redeemPasswordLink',
        tags: ['Sessions'],
        summary: 'Set your password with the link from your e-mail; the link works once',
        params: municipalityParams,
        body: redeemPasswordLinkBody,
        response: { 200: passwordLinkRedeemedSchema, ...problemResponses(404, 410) },
      },
    },
    async (request) => passwordLinks.redeem(contextOf(request), request.body),
  );
}
