import type { AlumnusRecord } from '@comeback/domain';

/**
 * What console search matches: full name, full reading and former surnames, width-folded, lower-cased and
 * without inner spaces (the query is folded the same way, so "田中 健" finds 田中健). Every character here
 * becomes trigram index entries, so nothing is stored twice.
 */
export function searchTextFor(
  r: Pick<
    AlumnusRecord,
    'familyName' | 'givenName' | 'familyNameKana' | 'givenNameKana' | 'previousFamilyNames'
  >,
): string {
  return [
    `${r.familyName}${r.givenName}`,
    `${r.familyNameKana ?? ''}${r.givenNameKana ?? ''}`,
    ...r.previousFamilyNames,
  ]
    .map(foldSearchText)
    .filter((s) => s !== '')
    .join(' ');
}

export function foldSearchText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}
