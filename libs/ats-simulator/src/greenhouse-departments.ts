import type { GhJob } from './simulator.types';

/**
 * A job's departments as Greenhouse serves them, in the job list and in webhooks alike: `{id, name, parent_id,
 * child_ids, external_id}` (developers.greenhouse.io/harvest.html#the-job-object).
 */
export function ghDepartments(job: Pick<GhJob, 'departments'>): Record<string, unknown>[] {
  return job.departments.map((d) => ({
    id: d.id,
    name: d.name,
    parent_id: null,
    child_ids: [],
    external_id: null,
  }));
}
