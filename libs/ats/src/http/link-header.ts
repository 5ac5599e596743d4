/**
 * RFC 8288 Link header → { rel: url }. Tolerates several links in one header, extra parameters,
 * unquoted rel values and space-separated rel lists; an empty or missing header gives {}.
 */
export function parseLinkHeader(value: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!value) return out;
  const re = /<([^>]*)>((?:\s*;\s*[^;,]+=(?:"[^"]*"|[^;,]*))*)/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const url = m[1].trim();
    const params = m[2];
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]+))/i.exec(params);
    if (!rel || !url) continue;
    for (const r of (rel[1] ?? rel[2]).trim().split(/\s+/)) {
      if (r && !(r.toLowerCase() in out)) out[r.toLowerCase()] = url;
    }
  }
  return out;
}

/** The value of one query parameter of the `rel="next"` link, or null when there is no next page. */
export function nextLinkParam(linkHeader: string | undefined, param: string): string | null {
  const next = parseLinkHeader(linkHeader).next;
  if (!next) return null;
  try {
    return new URL(next, 'http://relative.invalid').searchParams.get(param);
  } catch {
    return null;
  }
}
