/**
 * One JSON call to a simulator (its vendor routes or its `/_sim` controls): `base` + `path`, a JSON body when one
 * is given. Anything but 2xx throws with the answer, so a scenario stops where the simulator refused it.
 */
export async function simulatorCall(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<any> {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${path}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : {};
}
