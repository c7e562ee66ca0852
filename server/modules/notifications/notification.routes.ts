import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { notificationListQuery, notificationListSchema, notificationParams, notificationPreferencesSchema, notificationSchema, updateNotificationBody, updateNotificationPreferencesBody } from './notification.contract.ts';
import type { NotificationService } from './notification.service.ts';

export function registerNotificationRoutes(scope: FastifyInstance, service: NotificationService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['Notifications'];
  app.get(
    '/notifications',
    {
      config: { access: 'authenticated' },
      schema: { operationId: 'listMyNotifications', tags, summary: 'My in-app notifications, newest first', params: municipalityParams, querystring: notificationListQuery, response: { 200: notificationListSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => service.listMyNotifications(contextOf(request), request.query),
  );
  app.patch(
    '/notifications/:notificationId',
    {
      config: { access: 'authenticated' },
      schema: { operationId: 'markNotificationRead', tags, params: notificationParams, body: updateNotificationBody, response: { 200: notificationSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => service.markNotificationRead(contextOf(request), request.params.notificationId),
  );
  app.get(
    '/notification-preferences',
    { config: { access: 'authenticated' }, schema: { operationId: 'getMyNotificationPreferences', tags, params: municipalityParams, response: { 200: notificationPreferencesSchema, ...problemResponses(401, 403, 404) } } },
    async (request) => service.getMyPreferences(contextOf(request)),
  );
  app.put(
    '/notification-preferences',
    {
      config: { access: 'authenticated' },
      schema: { operationId: 'updateMyNotificationPreferences', tags, params: municipalityParams, body: updateNotificationPreferencesBody, response: { 200: notificationPreferencesSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => service.updateMyPreferences(contextOf(request), request.body),
  );
}
