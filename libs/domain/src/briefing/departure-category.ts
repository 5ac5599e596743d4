// Why they left, at a level fit for the viewer (security.md, "Who may learn what"):
// - hr_admin: the fine category (dismissal and health included) and the reason code;
// - hiring_manager: a coarse category in which a dismissal looks like any other personal reason: dismissals,
//   health (special-care data, 要配慮個人情報), family and other reasons all become one "personal" bucket;
// - recruiter: nothing at all.
// A category used only for dismissals would name them, whatever its label says.
import { toDepartureReasonCode } from '../eligibility/departure-reasons';
import type { BilingualText, BriefingViewerRole, DepartureCategory } from './briefing.types';

const CATEGORY_OF = {
  voluntary_career: 'career',
  childcare: 'family',
  caregiving: 'family',
  relocation: 'relocation',
  study: 'study',
  health: 'health',
  contract_end: 'contract_end',
  restructuring: 'restructuring',
  performance_dismissal: 'dismissal',
  disciplinary_dismissal: 'dismissal',
  retirement: 'retirement',
  other: 'other',
} as const satisfies Record<string, DepartureCategory>;

// Labels deliberately differ from the registry's Japanese reason labels (退職理由), which are HR-only.
export const DEPARTURE_CATEGORY_TEXT: Readonly<Record<DepartureCategory, BilingualText>> = {
  career: { en: 'Career move', ja: 'キャリア形成のため' },
  family: { en: 'Family circumstances', ja: '家庭の事情' },
  relocation: { en: 'Relocation', ja: '住まいの移動' },
  study: { en: 'Further study', ja: '学び直し' },
  health: { en: 'Health (no details shared)', ja: '健康上の事情（詳細は共有しません）' },
  contract_end: { en: 'End of a fixed-term contract', ja: '有期契約の終了' },
  restructuring: { en: 'Organisational change', ja: '組織変更に伴うもの' },
  retirement: { en: 'Retirement age', ja: '定年' },
  other: { en: 'Other', ja: '上記以外' },
  dismissal: { en: 'Dismissal (HR only)', ja: '解雇（人事のみ）' },
  personal: {
    en: 'Personal reasons — ask HR if it matters for the role',
    ja: '個人的な事情（必要なら人事に確認してください）',
  },
};

/** What a hiring manager sees of each fine category: personal matters (dismissals, health, family, other) merge. */
const COARSE_CATEGORY: Readonly<Record<DepartureCategory, DepartureCategory>> = {
  career: 'career',
  family: 'personal',
  relocation: 'relocation',
  study: 'study',
  health: 'personal',
  contract_end: 'contract_end',
  restructuring: 'restructuring',
  retirement: 'retirement',
  other: 'personal',
  dismissal: 'personal',
  personal: 'personal',
};

const RETENTION_NOTE: Readonly<Record<DepartureCategory, BilingualText | null>> = {
  career: {
    en: 'Left for career growth: discuss the growth path, promotion criteria and how tenure before leaving counts.',
    ja: 'キャリア成長のために退職：成長の道筋、昇格基準、以前の在籍期間の扱いを話し合ってください。',
  },
  family: {
    en: 'Left for family reasons: discuss flexible hours, remote work and leave options up front.',
    ja: '家庭の事情で退職：勤務時間の柔軟性、在宅勤務、休暇制度を最初に話し合ってください。',
  },
  relocation: {
    en: 'Left because of a move: agree on work location and remote options, and what happens if they move again.',
    ja: '転居に伴い退職：勤務地と在宅勤務、再度の転居時の扱いを合意してください。',
  },
  study: {
    en: 'Left to study: discuss how the new knowledge will be used in the role.',
    ja: '学び直しのために退職：新たに得た知識を職務でどう活かすか話し合ってください。',
  },
  health: {
    en: 'Discuss workload and support in general terms; do not ask about health details.',
    ja: '業務量や支援について一般的に話し合い、健康の詳細は尋ねないでください。',
  },
  contract_end: {
    en: 'Their contract ended: be clear about the contract type and conversion prospects this time.',
    ja: '有期契約の終了で退職：今回の契約形態と転換の見通しを明確に伝えてください。',
  },
  restructuring: {
    en: 'They left in an organisational change: explain what is different now and why the role is stable.',
    ja: '組織変更に伴い退職：現在の体制と、この職務が安定している理由を説明してください。',
  },
  retirement: {
    en: 'Returning after retirement age: agree on hours, scope and how knowledge transfer fits in.',
    ja: '定年後の復帰：勤務時間、担当範囲、知識継承の位置づけを合意してください。',
  },
  other: null,
  dismissal: null,
  personal: {
    en: 'Left for personal reasons: discuss support and flexibility in general terms; do not ask for details.',
    ja: '個人的な事情で退職：支援や働き方の柔軟性について一般的に話し合い、詳細は尋ねないでください。',
  },
};

export function departureCategory(reason: string): DepartureCategory {
  const code = toDepartureReasonCode(reason);
  return code ? CATEGORY_OF[code] : 'other';
}

export interface DepartureForViewer {
  category: DepartureCategory;
  text: BilingualText;
  retentionNote: BilingualText | null;
  /** hr_admin only. */
  reasonCode?: string;
}

/** Null for a recruiter: they see no departure section at all. */
export function departureForViewer(reason: string, role: BriefingViewerRole): DepartureForViewer | null {
  const fine = departureCategory(reason);
  switch (role) {
    case 'hr_admin':
      return {
        category: fine,
        text: DEPARTURE_CATEGORY_TEXT[fine],
        retentionNote: RETENTION_NOTE[fine],
        reasonCode: toDepartureReasonCode(reason) ?? reason,
      };
    case 'hiring_manager': {
      const category = COARSE_CATEGORY[fine];
      return { category, text: DEPARTURE_CATEGORY_TEXT[category], retentionNote: RETENTION_NOTE[category] };
    }
    case 'recruiter':
      return null;
  }
}
