import type { AlumnusRecord } from '@comeback/domain';

/** What console search matches: names, readings and former surnames, width-folded and lower-cased. */
export function searchTextFor(r: Pick<AlumnusRecord, 'familyName' | 'givenName' | 'familyNameKana' | 'givenNameKana' | 'previousFamilyNames'>): string {
  return [r.familyName, r.givenName, `${r.familyName}${r.givenName}`, r.familyNameKana, r.givenNameKana, ...r.previousFamilyNames]
    .filter((s): s is string => !!s)
    .join(' ')
    .normalize('NFKC')
    .toLowerCase();
}
