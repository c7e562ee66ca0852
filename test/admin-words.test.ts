import { describe, expect, it } from 'vitest';
import { actionSentence, readableCode, wordsFor } from '../web/src/features/admin/components/audit-words.ts';
import adminNl from '../web/src/i18n/admin.nl.json' with { type: 'json' };

// The admin pages put codes into words from the catalogue; a code the catalogue does not know yet still reads.

const catalogue: Record<string, string> = adminNl;
const t = (key: string, params: Record<string, string | number> = {}) => (catalogue[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));

describe('admin codes in words', () => {
  it('says what an audit action did as a sentence', () => {
    expect(actionSentence(t, 'request.route', 'request')).toBe('Vraag doorgezet');
    expect(actionSentence(t, 'user.sendPasswordLink', 'user')).toBe('Wachtwoordlink verstuurd');
    expect(actionSentence(t, 'department.update', 'department')).toBe('Afdeling gewijzigd');
  });

  it('makes a code the catalogue does not know readable instead of failing', () => {
    expect(actionSentence(t, 'report.minutesPublished', 'report')).toBe('Report minutes published');
    expect(actionSentence(t, 'notice.create', 'notice')).toBe('Notice aangemaakt');
    expect(wordsFor(t, 'admin.auditLog.field', 'leadDepartmentId')).toBe('Leidende afdeling');
    expect(wordsFor(t, 'admin.auditLog.field', 'someNewUserId')).toBe('Some new user');
    expect(readableCode('')).toBe('');
    expect(wordsFor(t, 'admin.securityEvents.sentence', 'failed_login')).toContain('in te loggen');
  });
});
