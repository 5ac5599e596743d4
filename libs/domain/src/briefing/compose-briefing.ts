// Composes the returnee briefing for one viewer. The viewer's privacy level is applied here, by building the
// output from allowed parts (allow-list): salary, raw ratings, the departure reason code and rule results are
// added for hr_admin only; recruiters get no performance at all (eligibility.md: never a rating).
import { completedMonths, parseCalendarDate } from '../eligibility/calendar-date';
import type {
  BilingualText,
  Briefing,
  BriefingInput,
  BriefingOfferInput,
  BriefingViewer,
  ChangeLogItem,
  WorkHistoryItem,
} from './briefing.types';
import { departureForViewer } from './departure-category';
import { performanceTrend } from './performance-trend';

const REHIRE_TEXT: Readonly<Record<string, BilingualText>> = {
  yes: { en: 'Yes — welcome back', ja: '推奨（歓迎）' },
  conditional: { en: 'Conditional', ja: '条件付きで推奨' },
  no: { en: 'Not recommended', ja: '推奨しない' },
  unknown: { en: 'Not recorded', ja: '記録なし' },
};

export function monthsText(months: number): BilingualText {
  const y = Math.floor(months / 12);
  const m = months % 12;
  const en = [
    y > 0 ? `${y} year${y === 1 ? '' : 's'}` : '',
    m > 0 || y === 0 ? `${m} month${m === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const ja = `${y > 0 ? `${y}年` : ''}${m > 0 || y === 0 ? `${m}か月` : ''}`;
  return { en, ja };
}

function monthsBetween(from: string, to: string): number | null {
  const a = parseCalendarDate(from);
  const b = parseCalendarDate(to);
  return a && b ? Math.max(0, completedMonths(a, b)) : null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** The ATS work history is vendor data: keep only well-formed entries and the four fields we show. */
export function normaliseWorkHistory(raw: readonly unknown[]): WorkHistoryItem[] {
  return raw
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
    .map((e) => ({
      company: str(e.company),
      title: str(e.title),
      startDate: str(e.startDate),
      endDate: str(e.endDate),
    }))
    .filter((e) => e.company !== null || e.title !== null);
}

function sameDepartment(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase();
  return norm(a) === norm(b);
}

/** Entries dated after the leave date, company-wide or for the target department, oldest first. */
export function changesSinceLeaving(
  changes: readonly ChangeLogItem[],
  leaveDate: string | null,
  department: string | null,
): ChangeLogItem[] {
  return changes
    .filter((c) => leaveDate === null || c.effectiveDate > leaveDate)
    .filter((c) => c.department === null || (department !== null && sameDepartment(c.department, department)))
    .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.title.localeCompare(b.title))
    .map((c) => ({ ...c }));
}

function fastTrackText(input: BriefingInput): BilingualText {
  const a = input.application;
  const ft = a.fastTrack;
  const v = a.policyVersion !== null ? ` (policy v${a.policyVersion})` : '';
  const vJa = a.policyVersion !== null ? `（ポリシー v${a.policyVersion}）` : '';
  if (ft?.action === 'move' && ft.targetStage) {
    const skipped = ft.skipped.map((s) => s.name).join(', ');
    return {
      en: `Fast-tracked to "${ft.targetStage.name}", skipping ${skipped}${v}.`,
      ja: `「${ft.targetStage.name}」へ早期選考。${ft.skipped.map((s) => `「${s.name}」`).join('')}を省略${vJa}。`,
    };
  }
  switch (a.outcome) {
    case 'fast_tracked':
    case 'flagged':
      return {
        en: `Recognised as a returnee; no stage was skipped${v}.`,
        ja: `アルムナイとして認識。省略した選考段階はありません${vJa}。`,
      };
    case 'needs_hr_review':
      return {
        en: 'HR is reviewing the fast track for this returnee.',
        ja: '早期選考の可否を人事が確認中です。',
      };
    case 'ineligible':
      return {
        en: 'Not eligible for the returnee fast track — contact HR.',
        ja: 'アルムナイ早期選考の対象外です。詳細は人事にお問い合わせください。',
      };
    case 'in_review':
      return {
        en: 'The match with a former employee awaits confirmation.',
        ja: '元社員との照合が確認待ちです。',
      };
    default:
      return { en: 'No fast track.', ja: '早期選考はありません。' };
  }
}

const RESULT_TEXT: Readonly<Record<'pass' | 'warn' | 'fail', BilingualText>> = {
  pass: { en: 'Fairness check passed', ja: '公平性チェック：問題なし' },
  warn: {
    en: 'Fairness check: warning — HR approval needed',
    ja: '公平性チェック：注意（人事の承認が必要）',
  },
  fail: {
    en: 'Fairness check failed — HR approval needed',
    ja: '公平性チェック：不適合（人事の承認が必要）',
  },
};

function offerSection(offer: BriefingOfferInput | null, viewer: BriefingViewer): Briefing['offer'] {
  // Recruiters get no pay data at all, not even an offer's outcome (security.md, "Who may learn what").
  if (viewer.role === 'recruiter')
    return {
      status: 'none',
      reasons: [],
      text: {
        en: 'Offers are shown to HR and the job’s hiring managers.',
        ja: 'オファーは人事と担当の採用マネージャーにのみ表示されます。',
      },
    };
  if (!offer)
    return {
      status: 'none',
      reasons: [],
      text: { en: 'No offer checked yet.', ja: 'オファーはまだ確認されていません。' },
    };
  const approval =
    offer.result === 'pass'
      ? 'not_needed'
      : offer.approved
        ? 'approved'
        : offer.declined
          ? 'declined'
          : 'pending';
  const base: Briefing['offer'] = {
    status: 'checked',
    result: offer.result,
    kind: offer.kind,
    checkedAt: offer.createdAt,
    approval,
    // `message` is figure-free in every view (fairness-check.ts); details with figures stay in `fairness`.
    reasons: offer.fairness.reasons.map((r) => r.message),
    text: RESULT_TEXT[offer.result],
  };
  return viewer.role === 'hr_admin'
    ? { ...base, amount: offer.amount, fairness: structuredClone(offer.fairness) }
    : base;
}

function interviewFocus(
  b: Pick<Briefing, 'departure' | 'changes' | 'away'>,
  yearsAway: number | null,
): BilingualText[] {
  const out: BilingualText[] = [
    {
      en: 'Contribution now: what they want to achieve in this role and what they bring back — not a re-check of skills we already know.',
      ja: '今の貢献：この職務で実現したいことと持ち帰る経験。既に分かっているスキルの再確認ではありません。',
    },
  ];
  if (b.away.workHistory.length > 0 || b.away.newSkills.length > 0) {
    out.push({
      en: 'What they learned while away and how it applies here.',
      ja: '離職中に得た経験と、それをここでどう活かすか。',
    });
  }
  if (b.changes.items.length > 0) {
    const titles = b.changes.items.slice(0, 3).map((c) => c.title);
    out.push({
      en: `Changes since they left (${titles.join('; ')}): how they feel about them and what they need to catch up.`,
      ja: `退職後の変化（${titles.join('、')}）への受け止めと、追いつくために必要なこと。`,
    });
  } else {
    out.push({
      en: 'How the team and ways of working may have changed since they left.',
      ja: '退職後にチームや働き方がどう変わったか。',
    });
  }
  if (b.departure?.retentionNote) out.push(b.departure.retentionNote);
  if (yearsAway !== null && yearsAway >= 5) {
    out.push({
      en: 'After a long time away: which parts of the field moved on, and how they kept up.',
      ja: '長い離職期間：分野のどこが変わり、どう追いついてきたか。',
    });
  }
  return out;
}

export function reonboardingChecklist(changes: readonly ChangeLogItem[]): Briefing['reonboarding'] {
  const reintroduce = changes.length
    ? {
        en: `Re-introduce what changed: ${changes.map((c) => c.title).join('; ')}.`,
        ja: `変更点を改めて紹介：${changes.map((c) => c.title).join('、')}。`,
      }
    : {
        en: 'Re-introduce current tools, rules and team members.',
        ja: '現在のツール、ルール、メンバーを改めて紹介する。',
      };
  return [
    { item: reintroduce, when: 'before_day_1' },
    {
      item: {
        en: 'Name a buddy from the current team (not only former colleagues).',
        ja: '現メンバーからバディを指名する（元同僚だけにしない）。',
      },
      when: 'before_day_1',
    },
    {
      item: {
        en: 'Day 1: accounts and access; skip training on what they already know.',
        ja: '初日：アカウントと権限を用意し、既知の内容の研修は省く。',
      },
      when: 'day_1',
    },
    {
      item: {
        en: '30-day follow-up: settling in, atmosphere, anything that feels unfair.',
        ja: '30日面談：なじみ具合、雰囲気、不公平に感じることはないか。',
      },
      when: 'day_30',
    },
    {
      item: {
        en: '60-day follow-up: ways of working, training gaps.',
        ja: '60日面談：仕事の進め方、研修の不足はないか。',
      },
      when: 'day_60',
    },
    {
      item: {
        en: '90-day follow-up: growth path and promotion prospects.',
        ja: '90日面談：成長の道筋と昇格の見通し。',
      },
      when: 'day_90',
    },
  ];
}

export function composeBriefing(input: BriefingInput, viewer: BriefingViewer): Briefing {
  const hr = viewer.role === 'hr_admin';
  const a = input.application;
  const r = input.returnee;
  const department = input.targetDepartment ?? r?.department ?? null;
  const awayMonths = r ? monthsBetween(r.leaveDate, input.asOf) : null;
  const tenureMonths = r ? (monthsBetween(r.hireDate, r.leaveDate) ?? 0) : 0;
  const workHistory = normaliseWorkHistory(input.application.workHistory);
  const known = new Set((r?.skills ?? []).map((s) => s.normalize('NFKC').trim().toLowerCase()));
  const newSkills: string[] = [];
  for (const skill of input.applicantSkills ?? []) {
    const key = skill.normalize('NFKC').trim().toLowerCase();
    if (key === '' || known.has(key)) continue;
    known.add(key);
    newSkills.push(skill.trim());
  }

  const before: Briefing['before'] = r
    ? {
        hireDate: r.hireDate,
        leaveDate: r.leaveDate,
        tenureMonths,
        tenure: monthsText(tenureMonths),
        department: r.department,
        jobTitle: r.jobTitle,
        jobLevel: r.jobLevel,
        rehireRecommendation: {
          code: r.rehireRecommendation,
          text: REHIRE_TEXT[r.rehireRecommendation] ?? REHIRE_TEXT.unknown,
        },
        ...(viewer.role === 'recruiter'
          ? {}
          : {
              performance: {
                ...performanceTrend(r.performanceRatings),
                ...(hr ? { ratings: r.performanceRatings.map((x) => ({ ...x })) } : {}),
              },
            }),
        ...(hr ? { lastBaseSalary: r.lastBaseSalary } : {}),
      }
    : null;

  const changes = { department, items: changesSinceLeaving(input.changes, r?.leaveDate ?? null, department) };
  const away: Briefing['away'] = {
    months: awayMonths,
    text: awayMonths === null ? null : monthsText(awayMonths),
    workHistory,
    newSkills,
  };
  const departure = r ? departureForViewer(r.departureReason, viewer.role) : null;

  return {
    viewer: viewer.role,
    asOf: input.asOf,
    who: {
      name: r ? `${r.familyName} ${r.givenName}` : (a.candidateName ?? ''),
      nameKana:
        r && (r.familyNameKana || r.givenNameKana)
          ? [r.familyNameKana, r.givenNameKana].filter(Boolean).join(' ')
          : null,
      employeeNumber: r?.employeeNumber ?? null,
      ats: a.ats,
      applicationId: a.applicationId,
      atsApplicationUrl: input.atsApplicationUrl,
      jobId: a.jobId,
      jobName: a.jobName,
      currentStage: a.currentStageName,
    },
    before,
    away,
    departure,
    changes,
    fastTrack: {
      outcome: a.outcome,
      tier: a.tier,
      policyVersion: a.policyVersion,
      action: a.fastTrack?.action ?? null,
      skippedStages: a.fastTrack?.skipped.map((s) => s.name) ?? [],
      targetStage: a.fastTrack?.targetStage?.name ?? null,
      text: fastTrackText(input),
      recruiterSummary: a.recruiterSummary,
      ...(hr ? { ruleResults: structuredClone(a.ruleResults) } : {}),
    },
    offer: offerSection(input.offer, viewer),
    interviewFocus: interviewFocus(
      { departure, changes, away },
      awayMonths === null ? null : awayMonths / 12,
    ),
    reonboarding: reonboardingChecklist(changes.items),
  };
}
