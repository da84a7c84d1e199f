import { describe, expect, it } from 'vitest';
import {
  canMoveReferral,
  REFERRAL_STATUSES,
  REFERRAL_TRANSITIONS,
  referralCreateSchema,
} from '../../../../src-main/core/referrals/referral-schema';

describe('referral status rules', () => {
  it('moves draft → sent → received → in progress → closed', () => {
    expect(canMoveReferral('draft', 'sent')).toBe(true);
    expect(canMoveReferral('sent', 'received')).toBe(true);
    expect(canMoveReferral('received', 'in_progress')).toBe(true);
    expect(canMoveReferral('in_progress', 'closed')).toBe(true);
  });

  it('lets the recipient decline once the referral has left the desk, not before', () => {
    expect(canMoveReferral('sent', 'declined')).toBe(true);
    expect(canMoveReferral('received', 'declined')).toBe(true);
    expect(canMoveReferral('in_progress', 'declined')).toBe(true);
    expect(canMoveReferral('draft', 'declined')).toBe(false);
  });

  it('does not skip sending, go back, or leave a closed or declined referral', () => {
    expect(canMoveReferral('draft', 'received')).toBe(false);
    expect(canMoveReferral('draft', 'closed')).toBe(false);
    expect(canMoveReferral('received', 'sent')).toBe(false);
    expect(canMoveReferral('in_progress', 'draft')).toBe(false);
    expect(REFERRAL_TRANSITIONS.closed).toEqual([]);
    expect(REFERRAL_TRANSITIONS.declined).toEqual([]);
    for (const s of REFERRAL_STATUSES) expect(canMoveReferral(s, s)).toBe(false);
  });
});

describe('the referral form schema', () => {
  it('trims text, drops duplicate needs and empty annexes, and reads Danish dates', () => {
    const r = referralCreateSchema.parse({
      companyId: 1,
      organisationId: 2,
      reason: '  Eksport  ',
      needs: ['export', 'export', 'financing'],
      annexes: [' Forretningsplan ', '  '],
      consentOn: '14.10.2011',
      caseRef: '   ',
    });
    expect(r).toMatchObject({
      reason: 'Eksport',
      needs: ['export', 'financing'],
      annexes: ['Forretningsplan'],
      consentOn: '2011-10-14',
      caseRef: null,
    });
  });

  it('refuses an empty reason, an unknown need and an impossible date with message keys', () => {
    const r = referralCreateSchema.safeParse({
      companyId: 1,
      organisationId: 2,
      reason: ' ',
      needs: ['astrology'],
      consentOn: '31.02.2011',
    });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(byField.reason).toBe('validation.required');
    expect(byField.consentOn).toBe('validation.dateNotReal');
    expect(Object.keys(byField)).toContain('needs.0');
  });
});
