import { reonboardingChecklist } from '../briefing/compose-briefing';
import type { BilingualText, Briefing } from '../briefing/briefing.types';

export type ReonboardingWhen = Briefing['reonboarding'][number]['when'];

/** One task of a returnee's re-onboarding, due on a calendar date, for the hiring manager. */
export interface PlannedReonboardingTask {
  /** Stable per application (`<when>:<n>`): the same hire never creates a task twice. */
  key: string;
  when: ReonboardingWhen;
  /** YYYY-MM-DD. */
  dueOn: string;
  item: BilingualText;
}

/**
 * When the ATS gives no first day, we assume one month after the hire: the usual notice period in Japan
 * (民法 627条 sets two weeks; most work rules say one month). HR's calendar wins once the ATS has it.
 */
export const ASSUMED_DAYS_HIRE_TO_START = 30;
/** "Before the first day" tasks fall due a week before it (never before the hire itself). */
export const BEFORE_START_LEAD_DAYS = 7;

const OFFSET_FROM_START: Record<ReonboardingWhen, number> = {
  before_day_1: -BEFORE_START_LEAD_DAYS,
  day_1: 0,
  day_30: 30,
  day_60: 60,
  day_90: 90,
};

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The briefing's re-onboarding checklist (`reonboardingChecklist`) as dated tasks: before the first day, day 1,
 * day 30/60/90 counted from the first day (`startsOn`, else the hire date + `ASSUMED_DAYS_HIRE_TO_START`).
 */
export function planReonboardingTasks(hiredOn: string, startsOn: string | null): PlannedReonboardingTask[] {
  const start = startsOn?.slice(0, 10) ?? addDays(hiredOn, ASSUMED_DAYS_HIRE_TO_START);
  const seen = new Map<ReonboardingWhen, number>();
  return reonboardingChecklist([]).map(({ item, when }) => {
    const n = (seen.get(when) ?? 0) + 1;
    seen.set(when, n);
    let dueOn = addDays(start, OFFSET_FROM_START[when]);
    if (dueOn < hiredOn.slice(0, 10)) dueOn = hiredOn.slice(0, 10);
    return { key: `${when}:${n}`, when, dueOn, item };
  });
}
