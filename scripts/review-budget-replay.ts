/*
 * Replays a bench:matching run through the review budget (the production ScoreWindow) in many applicant orders,
 * to measure how often the budget would go over HR's share and what found_recall costs. The scores do not depend
 * on the threshold, so a run's recorded scores can be replayed in any order.
 *
 *   npm run --silent bench:matching -- --alumni A.csv --applicants P.jsonl --out D.jsonl --explain
 *   npx tsx scripts/review-budget-replay.ts --decisions D.jsonl --truth truth.jsonl [--orders 100] [--share 0.05]
 *
 * Order 0 is the file's own (it reproduces the bench's review_load and found_recall); the others are seeded
 * shuffles.
 */
import { DEFAULT_MATCH_THRESHOLDS, ScoreWindow } from '../libs/domain/src/matching';
import { loadTruth, readJsonLines } from './matching-set-files';

interface Decided {
  /** Best candidate's score; −∞ when there was no candidate (as the matcher feeds the window). */
  score: number;
  automatic: boolean;
  /** The best candidate is the applicant's own record. */
  right: boolean;
}

function arg(name: string): string | null {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : null;
}

function load(decisionsPath: string, truthPath: string): { decided: Decided[]; returnees: number } {
  const truth = loadTruth(truthPath);
  const decided = readJsonLines<{
    id: string;
    decision: string;
    candidates?: { employee_number: string; score: number }[];
  }>(decisionsPath).map((d) => {
    if (!d.candidates) throw new Error('decisions need the candidates: run bench:matching with --explain');
    const best = d.candidates[0];
    return {
      score: best ? best.score : Number.NEGATIVE_INFINITY,
      automatic: d.decision === 'match',
      right: best !== undefined && truth.get(d.id) === best.employee_number,
    };
  });
  return { decided, returnees: [...truth.values()].filter((e) => e !== null).length };
}

/** One pass through a fresh window, as a new tenant would see these applicants in this order. */
function replay(decided: readonly Decided[], share: number): { found: number; reviews: number } {
  const window = new ScoreWindow();
  let found = 0;
  let reviews = 0;
  for (const d of decided) {
    const reviewed =
      !d.automatic && d.score >= window.reviewThreshold(share, DEFAULT_MATCH_THRESHOLDS.review);
    if (reviewed) reviews++;
    if ((d.automatic || reviewed) && d.right) found++;
    window.add(d.score, d.automatic, reviewed);
  }
  return { found, reviews };
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  let s = seed >>> 0 || 1;
  const rnd = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function main(): void {
  const decisionsPath = arg('decisions');
  const truthPath = arg('truth');
  if (!decisionsPath || !truthPath) {
    process.stderr.write(
      'usage: review-budget-replay.ts --decisions D.jsonl --truth T.jsonl [--orders N] [--share S]\n',
    );
    process.exit(2);
  }
  const orders = Number(arg('orders') ?? 100);
  const share = Number(arg('share') ?? 0.05);
  const { decided, returnees } = load(decisionsPath, truthPath);
  const loads: number[] = [];
  const recalls: number[] = [];
  for (let k = 0; k < orders; k++) {
    const { found, reviews } = replay(k === 0 ? decided : shuffled(decided, k), share);
    loads.push(reviews / decided.length);
    recalls.push(found / returnees);
  }
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const f = (x: number): string => x.toFixed(4);
  process.stdout.write(
    `${JSON.stringify({
      applicants: decided.length,
      returnees,
      orders,
      fileOrder: { foundRecall: f(recalls[0]), reviewLoad: f(loads[0]) },
      meanFoundRecall: f(mean(recalls)),
      meanReviewLoad: f(mean(loads)),
      maxReviewLoad: f(Math.max(...loads)),
      ordersOverBudget: loads.filter((l) => l > share).length,
    })}\n`,
  );
}

main();
