import type { Executor } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { enqueueMessage, lastMessageAt, listInAppMessagesSince } from '../../platform/outbox.ts';
import type { Language } from '../../platform/language.ts';
import { findDigestSubscribers, findNotificationRecipients } from '../users/index.ts';
import type { Notice } from './notice.ts';

export interface Notification {
  municipalityId: string;
  recipientUserIds: string[];
  topic: string;
  /** The words in each language; every recipient gets their own. */
  notice: Notice;
  /** Where in the app it is about, e.g. "/helmond/vragen/<id>"; added to the e-mail as a full link. */
  path?: string;
  payload?: Record<string, unknown>;
  /**
   * A change to how someone logs in or what they may do: e-mailed at once whatever their mail preference, so a
   * stolen account is noticed by its owner (ASVS 2.2.3).
   */
  isSecurityNotice?: boolean;
}

/**
 * Tells people in the app and, unless they chose the daily digest or no e-mail, by e-mail too. Written in the
 * caller's transaction through the outbox, so a change that rolls back tells nobody.
 */
export async function notifyUsers(tx: Executor, clock: Clock, publicUrl: string, notification: Notification): Promise<void> {
  const recipients = await findNotificationRecipients(tx, notification.municipalityId, [...new Set(notification.recipientUserIds)]);
  const link = notification.path ? `${publicUrl.replace(/\/$/, '')}${notification.path}` : undefined;
  for (const recipient of recipients) {
    const { subject, body } = notification.notice[recipient.locale] ?? notification.notice.nl;
    const common = { municipalityId: notification.municipalityId, recipientUserId: recipient.id, topic: notification.topic, subject, payload: notification.payload };
    await enqueueMessage(tx, clock, { ...common, channel: 'in_app', body });
    if (notification.isSecurityNotice || (recipient.wantsEmailCopies && !recipient.wantsDailyDigest)) {
      await enqueueMessage(tx, clock, { ...common, channel: 'email', recipientEmail: recipient.email, body: link ? `${body}\n\n${link}` : body });
    }
  }
}

/** The digest's subject in the subscriber's language; the messages in it are in that language already. */
function digestSubject(count: number, language: Language): string {
  return language === 'en' ? `Wijkwerk: ${count} ${count === 1 ? 'message' : 'messages'} from the past day` : `Wijkwerk: ${count} ${count === 1 ? 'bericht' : 'berichten'} van de afgelopen dag`;
}

/**
 * Once a day per subscriber: one e-mail listing what reached them in the app since the last digest. Users with
 * nothing new get nothing. Idempotent within a day, so a sweep that runs every minute sends one.
 */
export async function sendDailyDigests(tx: Executor, clock: Clock): Promise<number> {
  const now = clock.now();
  // Digests go out in the morning (from 07:00 in the Netherlands), not whenever the server happened to start.
  const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Europe/Amsterdam' }).format(now));
  if (hour < 7) return 0;
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  let sent = 0;
  for (const subscriber of await findDigestSubscribers(tx)) {
    const last = await lastMessageAt(tx, subscriber.municipalityId, subscriber.id, 'digest');
    if (last && last > new Date(now.getTime() - 23 * 3600_000)) continue;
    const since = last && last > dayAgo ? last : dayAgo;
    const messages = await listInAppMessagesSince(tx, subscriber.municipalityId, subscriber.id, since);
    if (messages.length === 0) continue;
    const lines = messages.map((message) => `- ${message.subject}${message.body ? `\n  ${message.body.replaceAll('\n', '\n  ')}` : ''}`);
    await enqueueMessage(tx, clock, {
      municipalityId: subscriber.municipalityId,
      channel: 'email',
      recipientUserId: subscriber.id,
      recipientEmail: subscriber.email,
      topic: 'digest',
      subject: digestSubject(messages.length, subscriber.locale),
      body: lines.join('\n'),
    });
    sent++;
  }
  return sent;
}
