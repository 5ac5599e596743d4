// One former employee as the registry CSV describes it, after validation and normalisation.
import type { DepartureReason, RehireRecommendationCode } from './departure-reasons';

export interface PerformanceRating {
  readonly year: number;
  readonly rating: string;
}

export interface AlumnusRecord {
  readonly employeeNumber: string;
  readonly familyName: string;
  readonly givenName: string;
  readonly familyNameKana: string | null;
  readonly givenNameKana: string | null;
  readonly previousFamilyNames: string[];
  /** YYYY-MM-DD */
  readonly birthDate: string | null;
  readonly emails: string[];
  readonly phones: string[];
  /** YYYY-MM-DD */
  readonly hireDate: string;
  /** YYYY-MM-DD, never before hireDate */
  readonly leaveDate: string;
  readonly departureReason: DepartureReason;
  readonly rehireRecommendation: RehireRecommendationCode;
  readonly department: string | null;
  readonly jobTitle: string | null;
  readonly jobLevel: string | null;
  /** Annual, integer, tenant currency. */
  readonly lastBaseSalary: number | null;
  readonly performanceRatings: PerformanceRating[];
  readonly skills: string[];
  readonly networkOptIn: boolean;
}
