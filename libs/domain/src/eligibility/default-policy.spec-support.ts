import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EligibilityPolicy } from './eligibility-policy';
import { validateEligibilityPolicy } from './eligibility-policy-validation';

/** The shipped default eligibility policy (config/eligibility-policy.default.json), validated: for specs. */
export function loadDefaultPolicy(): EligibilityPolicy {
  const raw: unknown = JSON.parse(
    readFileSync(join(__dirname, '../../../../config/eligibility-policy.default.json'), 'utf8'),
  );
  const result = validateEligibilityPolicy(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy;
}
