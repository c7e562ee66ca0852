import type { Notice } from '../notifications/index.ts';
import type { SecurityEventKind } from '../../platform/security-event-kinds.ts';

const kindNames: Record<SecurityEventKind, { nl: string; en: string }> = {
  failed_login: { nl: 'mislukte inlogpogingen', en: 'failed logins' },
  login_throttled: { nl: 'geweigerde inlogpogingen (te veel mislukt)', en: 'refused logins (too many failures)' },
  not_authenticated: { nl: 'verzoeken zonder geldige inlog', en: 'requests without a valid login' },
  forbidden: { nl: 'verzoeken zonder toestemming', en: 'requests without permission' },
  csrf_token_invalid: { nl: 'mislukte beveiligingscontroles (CSRF)', en: 'failed security checks (CSRF)' },
  rate_limited: { nl: 'geweigerde verzoeken wegens te veel verzoeken', en: 'requests refused for being too many' },
  validation_failed: { nl: 'verzoeken met ongeldige invoer', en: 'requests with invalid input' },
};

/** What the municipality's administrators are told when a kind of security event passes its threshold. */
export const securityNotices = {
  thresholdPassed: (alert: { kind: SecurityEventKind; total: number; windowMinutes: number; threshold: number }): Notice => ({
    nl: {
      subject: `Beveiligingsmelding: ${alert.total} ${kindNames[alert.kind].nl} in ${alert.windowMinutes} minuten`,
      body: `In de afgelopen ${alert.windowMinutes} minuten telde Wijkwerk ${alert.total} ${kindNames[alert.kind].nl} in uw gemeente; de drempel is ${alert.threshold}. Bekijk de beveiligingsgebeurtenissen (adres, gebruiker, route) en blokkeer zo nodig het adres of de account. U krijgt hierover hoogstens één melding per ${alert.windowMinutes} minuten.`,
    },
    en: {
      subject: `Security alert: ${alert.total} ${kindNames[alert.kind].en} in ${alert.windowMinutes} minutes`,
      body: `In the past ${alert.windowMinutes} minutes Wijkwerk counted ${alert.total} ${kindNames[alert.kind].en} in your municipality; the threshold is ${alert.threshold}. Look at the security events (address, user, route) and block the address or the account if needed. You get at most one alert about this per ${alert.windowMinutes} minutes.`,
    },
  }),
};
