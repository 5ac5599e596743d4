import { pageContext } from '../layout';
import { applicationSummary, badge, formatDateTime } from './common';

describe('console texts in the viewer’s language', () => {
  const ja = pageContext('ja', '/console', null);
  const en = pageContext('en', '/console', null);

  it('writes a moment in Japan time, each language its own way', () => {
    const d = new Date('2026-12-01T23:30:00Z'); // 08:30 on 2 December in Tokyo
    expect(formatDateTime(d, 'ja')).toBe('2026/12/02 08:30');
    expect(formatDateTime(d, 'en')).toBe('2 Dec 2026, 08:30');
  });

  it('labels every application outcome instead of showing its code', () => {
    for (const code of [
      'not_alumni',
      'in_review',
      'review_rejected',
      'flagged',
      'fast_tracked',
      'ineligible',
      'needs_hr_review',
      'hr_declined',
      'match_undone',
    ]) {
      const shown = badge(ja, code).value.replace(/<[^>]+>/g, '');
      expect({ code, shown: shown.includes(code) || !/[\u3040-\u9fff]/.test(shown) }).toEqual({
        code,
        shown: false,
      });
    }
    expect(badge(en, 'fast_tracked').value).toContain('>Fast-tracked<');
  });

  it('gives the recruiter summary in the viewer’s language from outcome and tier', () => {
    expect(applicationSummary(ja, 'fast_tracked', 'full')).toBe(
      '元社員 — カムバック採用のファストトラック対象です（full）。',
    );
    expect(applicationSummary(en, 'needs_hr_review', null)).toBe(
      'Former employee — HR review needed before fast track.',
    );
    expect(applicationSummary(ja, 'match_undone', null)).toContain('元社員ではありません');
    expect(applicationSummary(ja, 'not_alumni', null)).toBe('');
  });
});
