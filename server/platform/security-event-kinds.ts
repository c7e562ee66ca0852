/** The kinds of security event Wijkwerk records; the configuration and the tables both name them. */
export const securityEventKinds = ['failed_login', 'login_throttled', 'not_authenticated', 'forbidden', 'csrf_token_invalid', 'rate_limited', 'validation_failed'] as const;
export type SecurityEventKind = (typeof securityEventKinds)[number];
