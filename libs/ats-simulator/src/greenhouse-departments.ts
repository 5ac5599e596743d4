/** A job's department as Greenhouse lists it; the id is stable per name (the simulator keeps no department table). */
export function ghDepartments(name: string | null): Record<string, unknown>[] {
  if (!name) return [];
  let h = 0;
  for (const ch of name) h = (h * 31 + (ch.codePointAt(0) ?? 0)) % 900_000;
  return [{ id: 100_000 + h, name, parent_id: null, child_ids: [], external_id: null }];
}
