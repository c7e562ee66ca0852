import { describe, expect, it } from 'vitest';
import { judgeAudit } from '../scripts/check-dependencies.ts';

const advisory = { source: 1, url: 'https://github.com/advisories/GHSA-xxxx', title: 'Prototype pollution', severity: 'high' };
const report = { vulnerabilities: { 'some-lib': { severity: 'high', via: [advisory] }, 'other-lib': { severity: 'moderate', via: [{ ...advisory, url: 'https://github.com/advisories/GHSA-yyyy', severity: 'moderate' }] } } };

describe('the supply-chain check', () => {
  it('fails on a high advisory in a production dependency, and names it', () => {
    const judged = judgeAudit(report, [], '2026-12-02');
    expect(judged.outcome).toBe('failed');
    expect(judged.lines).toEqual(['high: some-lib — Prototype pollution https://github.com/advisories/GHSA-xxxx']);
  });

  it('passes an advisory accepted with a reason until its expiry, and fails it again after', () => {
    const acceptance = { advisory: advisory.url, package: 'some-lib', reason: 'only the CLI is affected; we use the library', expires: '2027-01-31' };
    expect(judgeAudit(report, [acceptance], '2026-12-02').outcome).toBe('passed');
    expect(judgeAudit(report, [acceptance], '2027-02-01')).toMatchObject({ outcome: 'failed', lines: [expect.stringContaining('acceptance expired 2027-01-31')] });
  });

  it('says it could not check when the advisory database is out of reach, rather than passing', () => {
    expect(judgeAudit({ message: '405 Method Not Allowed' }, [], '2026-12-02')).toEqual({ outcome: 'unchecked', lines: ['the advisory database could not be reached (405 Method Not Allowed)'] });
  });
});
