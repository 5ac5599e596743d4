import { pageContext } from '../layout';
import { EXIT_TEXTS } from './exit-texts';
import { exitFormPage, leaverLinkRefusedPage, leaverPage, type ExitInterviewView } from './exit.pages';

const VIEW: ExitInterviewView = {
  alumnusId: '00000000-0000-4000-8000-000000000001',
  employeeNumber: 'R1',
  familyName: '森岡',
  givenName: '健二',
  leaveDate: '2026-03-31',
  department: '開発部',
  version: 2,
  rehireRecommendation: 'yes',
  welcomeBackSaid: true,
  regrettable: null,
  returnWish: 'someday',
  returnAreas: ['データ'],
  returnRoles: [],
  interviewerEmail: 'kacho@example.com',
  departureCategory: 'health',
  hrDetail: 'HR-ONLY-DETAIL',
  personalEmails: [],
  personalPhones: [],
  consent: 'unknown',
};

describe('exit interview pages', () => {
  it('has every text in both languages, none empty', () => {
    expect(Object.keys(EXIT_TEXTS.ja).sort()).toEqual(Object.keys(EXIT_TEXTS.en).sort());
    for (const lang of ['ja', 'en'] as const)
      for (const [k, v] of Object.entries(EXIT_TEXTS[lang]))
        expect({ k, empty: v.trim() === '' }).toEqual({ k, empty: false });
  });

  it('shows HR every field, and the interviewer only the manager’s part', () => {
    const hr = exitFormPage(pageContext('ja', '/x', { name: 'HR', role: 'hr_admin' }, 't'), {
      view: VIEW,
      history: [],
    });
    expect(hr).toContain('HR-ONLY-DETAIL');
    expect(hr).toContain('（人事のみ）');
    const { interviewerEmail: _i, departureCategory: _d, hrDetail: _h, ...managerView } = VIEW;
    for (const lang of ['ja', 'en'] as const) {
      const mgr = exitFormPage(pageContext(lang, '/x', { name: 'M', role: 'hiring_manager' }, 't'), {
        view: managerView,
        history: null,
      });
      expect(mgr).not.toContain('HR-ONLY-DETAIL');
      expect(mgr).not.toMatch(/人事のみ|HR only|病気|health|departureCategory|hrDetail/);
      expect(mgr).toContain('name="rehireRecommendation"');
    }
  });

  it('the leaver page explains the purpose of use and carries the token in every form', () => {
    const page = leaverPage(pageContext('en', '/console/leaver?t=abc', null, 'csrf'), {
      token: 'abc',
      name: '森岡 健二',
      email: '',
      phone: '',
      consent: 'unknown',
    });
    expect(page).toContain('needs no further consent');
    expect(page.match(/name="t" value="abc"/g)).toHaveLength(3);
    expect(page.match(/name="_csrf"/g)).toHaveLength(3);
    expect(leaverLinkRefusedPage(pageContext('ja', '/', null), 'expired')).toContain('有効期限切れ');
  });
});
