// The returnee briefing (shared/spec/briefing.md): what goes in, what comes out. Pure data, no framework.
import type { FairnessOutcome, FairnessResultView } from '../compensation';

/** Who reads the briefing; the privacy level follows the role (architecture.md, eligibility.md). */
export type BriefingViewerRole = 'hr_admin' | 'recruiter' | 'hiring_manager';

export interface BriefingViewer {
  role: BriefingViewerRole;
}

/** Every sentence the briefing composes exists in both console languages. */
export interface BilingualText {
  en: string;
  ja: string;
}

export type ChangeCategory = 'reorganisation' | 'tool' | 'rule' | 'leader' | 'other';
export const CHANGE_CATEGORIES: readonly ChangeCategory[] = [
  'reorganisation',
  'tool',
  'rule',
  'leader',
  'other',
];

/** An entry HR keeps: what changed, where (null = company-wide) and when. */
export interface ChangeLogItem {
  id: string;
  department: string | null;
  effectiveDate: string;
  category: ChangeCategory;
  title: string;
  body: string;
}

export interface BriefingApplicationInput {
  ats: string;
  applicationId: string;
  candidateId: string;
  jobId: string;
  jobName: string | null;
  candidateName: string | null;
  currentStageName: string | null;
  outcome: string;
  tier: string | null;
  policyVersion: number | null;
  /** Recruiter-safe by construction (pipeline). */
  recruiterSummary: string | null;
  fastTrack: {
    action: string;
    reason: string;
    targetStage?: { id: string; name: string };
    skipped: { id: string; name: string }[];
  } | null;
  /** As the ATS gave it; shape checked here. */
  workHistory: readonly unknown[];
  /** HR-only rule results (may name the departure reason). */
  ruleResults: unknown;
}

/** The matched former employee, straight from the registry (sensitive fields included; the composer filters). */
export interface BriefingReturneeInput {
  employeeNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  hireDate: string;
  leaveDate: string;
  department: string | null;
  jobTitle: string | null;
  jobLevel: string | null;
  departureReason: string;
  rehireRecommendation: string;
  performanceRatings: readonly { year: number; rating: string }[];
  lastBaseSalary: number | null;
  skills: readonly string[];
}

/** The latest offer check as the viewer's role may already see it (compensation's viewer filter ran first). */
export interface BriefingOfferInput {
  kind: string;
  amount: number;
  result: FairnessOutcome;
  createdAt: string;
  approvalRequired: boolean;
  approved: boolean;
  /** HR declined the offer at this amount. */
  declined?: boolean;
  fairness: FairnessResultView;
}

export interface BriefingInput {
  /** Today (YYYY-MM-DD, the company's calendar). */
  asOf: string;
  application: BriefingApplicationInput;
  atsApplicationUrl: string | null;
  returnee: BriefingReturneeInput | null;
  /** The department of the job applied for; falls back to the returnee's last department. */
  targetDepartment: string | null;
  changes: readonly ChangeLogItem[];
  offer: BriefingOfferInput | null;
  /** Skills the applicant lists now (from the ATS), if any; compared with the registry's. */
  applicantSkills?: readonly string[];
}

export type DepartureCategory =
  | 'career'
  | 'family'
  | 'relocation'
  | 'study'
  | 'health'
  | 'contract_end'
  | 'restructuring'
  | 'retirement'
  | 'other'
  /** hr_admin only. */
  | 'dismissal'
  /** What hiring managers see for dismissals, health, family and other reasons alike (one bucket). */
  | 'personal';

export type PerformanceLevel = 'above' | 'at' | 'below' | 'unknown';
export type PerformanceDirection = 'improving' | 'steady' | 'declining';

export interface WorkHistoryItem {
  company: string | null;
  title: string | null;
  startDate: string | null;
  endDate: string | null;
}

export interface Briefing {
  viewer: BriefingViewerRole;
  asOf: string;
  who: {
    name: string;
    nameKana: string | null;
    employeeNumber: string | null;
    ats: string;
    applicationId: string;
    atsApplicationUrl: string | null;
    jobId: string;
    jobName: string | null;
    currentStage: string | null;
  };
  before: {
    hireDate: string;
    leaveDate: string;
    tenureMonths: number;
    tenure: BilingualText;
    department: string | null;
    jobTitle: string | null;
    jobLevel: string | null;
    rehireRecommendation: { code: string; text: BilingualText };
    /** Coarse for hiring managers, with raw ratings for hr_admin; absent for recruiters. */
    performance?: {
      level: PerformanceLevel;
      direction: PerformanceDirection | null;
      text: BilingualText;
      /** hr_admin only. */
      ratings?: { year: number; rating: string }[];
    };
    /** hr_admin only. */
    lastBaseSalary?: number | null;
  } | null;
  away: {
    months: number | null;
    text: BilingualText | null;
    workHistory: WorkHistoryItem[];
    newSkills: string[];
  };
  departure: {
    category: DepartureCategory;
    text: BilingualText;
    retentionNote: BilingualText | null;
    /** hr_admin only. */
    reasonCode?: string;
  } | null;
  changes: { department: string | null; items: ChangeLogItem[] };
  fastTrack: {
    outcome: string;
    tier: string | null;
    policyVersion: number | null;
    action: string | null;
    skippedStages: string[];
    targetStage: string | null;
    text: BilingualText;
    recruiterSummary: string | null;
    /** hr_admin only. */
    ruleResults?: unknown;
  };
  offer: {
    status: 'none' | 'checked';
    result?: FairnessOutcome;
    kind?: string;
    checkedAt?: string;
    approval?: 'not_needed' | 'pending' | 'approved' | 'declined';
    /** Figure-free messages: safe for every viewer. */
    reasons: string[];
    text: BilingualText;
    /** hr_admin only. */
    amount?: number;
    /** hr_admin only: the full result with cohort figures. */
    fairness?: FairnessResultView;
  };
  interviewFocus: BilingualText[];
  reonboarding: { item: BilingualText; when: 'before_day_1' | 'day_1' | 'day_30' | 'day_60' | 'day_90' }[];
}
