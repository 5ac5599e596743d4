import { FREE_MAIL_DOMAINS } from './contact-normalisation';

/** Share of alumni that must use a domain before it counts as the company's own. */
const CORPORATE_SHARE = 0.05;

/** The tenant's company domains, detected from the registry: widely used, and not a free-mail provider. */
export function detectCorporateDomains(domainCounts: ReadonlyMap<string, number>, alumniCount: number): Set<string> {
  const out = new Set<string>();
  if (alumniCount === 0) return out;
  for (const [domain, n] of domainCounts) {
    if (!FREE_MAIL_DOMAINS.has(domain) && n / alumniCount >= CORPORATE_SHARE && n >= 3) out.add(domain);
  }
  return out;
}
