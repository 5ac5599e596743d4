// Stage names come from each job's ATS pipeline, typed by different people: compare them loosely
// (NFKC folds full-width forms, case and whitespace are ignored) but ids exactly.
import type { StageRef } from '../eligibility/eligibility-policy';

export interface PipelineStage {
  readonly id: string;
  readonly name: string;
}

export function normalizeStageName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** A prepared list of refs: ids and normalised names in sets, so matching a pipeline is O(stages). */
export interface StageMatcher {
  matches(stage: PipelineStage): boolean;
}

export function stageMatcher(refs: readonly StageRef[]): StageMatcher {
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const ref of refs) {
    if (ref.id !== undefined) ids.add(ref.id);
    for (const name of ref.names ?? []) names.add(normalizeStageName(name));
  }
  return { matches: (stage) => ids.has(stage.id) || names.has(normalizeStageName(stage.name)) };
}
