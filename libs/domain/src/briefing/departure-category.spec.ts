// Issue 12 #5 — departure categories: "ask HR" used only for dismissals named them; health is special-care data.
import { DEPARTURE_REASON_CODES } from '../eligibility/departure-reasons';
import { DEPARTURE_CATEGORY_TEXT, departureForViewer } from './departure-category';

const PERSONAL = [
  'performance_dismissal',
  'disciplinary_dismissal',
  'health',
  'childcare',
  'caregiving',
  'other',
];

describe('departure categories (issue 12 #5)', () => {
  it('departure categories: a hiring manager cannot tell a dismissal from other personal reasons', () => {
    const seen = PERSONAL.map((r) => JSON.stringify(departureForViewer(r, 'hiring_manager')));
    expect(new Set(seen).size).toBe(1);
    expect(departureForViewer('disciplinary_dismissal', 'hiring_manager')).toMatchObject({
      category: 'personal',
    });
  });

  it('departure categories: health is never shown outside HR', () => {
    for (const reason of DEPARTURE_REASON_CODES) {
      const hm = JSON.stringify(departureForViewer(reason, 'hiring_manager'));
      expect(hm).not.toMatch(/health|健康|療養|病気|dismiss|解雇/i);
    }
    expect(departureForViewer('health', 'hr_admin')).toMatchObject({
      category: 'health',
      reasonCode: 'health',
    });
  });

  it('departure categories: a recruiter gets no departure section at all', () => {
    for (const reason of DEPARTURE_REASON_CODES) expect(departureForViewer(reason, 'recruiter')).toBeNull();
  });

  it('departure categories: every category text exists in Japanese and English', () => {
    for (const text of Object.values(DEPARTURE_CATEGORY_TEXT)) {
      expect(text.en.trim()).not.toBe('');
      expect(text.ja.trim()).not.toBe('');
    }
  });
});
