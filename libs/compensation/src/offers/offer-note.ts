// The HR note posted to the ATS for a checked offer: result and reasons; cohort figures only when the cohort is at
// least the privacy minimum, and never the returnee's own pay (HR reads that in Comeback).
import { fairnessResultForViewer, type FairnessCheckResult } from '@comeback/domain/compensation';

const LABEL = { pass: 'PASS', warn: 'WARN — HR approval needed', fail: 'FAIL — HR approval needed' } as const;

export function composeOfferNote(
  result: FairnessCheckResult,
  offer: { offerId: string; version: string; amount: number },
): string {
  const view = fairnessResultForViewer(result, 'integration');
  const lines = [
    `Comeback pay-fairness check of offer ${offer.offerId} (version ${offer.version}): ${LABEL[view.result]}`,
  ];
  const byCode = new Map(result.reasons.map((r) => [`${r.code}:${r.basis}`, r]));
  for (const r of view.reasons) {
    const source = byCode.get(`${r.code}:${r.basis}`);
    const personalPay = source?.basis === 'prior_salary';
    const text = !personalPay && 'detail' in r && r.detail ? r.detail : r.message;
    lines.push(`- [${r.severity}] ${text}`);
  }
  if (view.reasons.length === 0) lines.push('- No finding: the offer is in line with the policy.');
  if (!view.cohortStatisticsWithheld && view.cohort && view.cohort.n !== undefined) {
    const where = view.cohort.fellBack
      ? 'same family and level, all locations'
      : 'same family, level and location';
    lines.push(
      `Compared with ${view.cohort.n} incumbents (${where}); position: percentile ${view.position.percentile ?? 'n/a'}.`,
    );
  } else if (view.cohortStatisticsWithheld) {
    lines.push(
      'Cohort statistics are withheld (fewer comparable incumbents than the privacy minimum); HR can review them in Comeback.',
    );
  }
  return lines.join('\n');
}
