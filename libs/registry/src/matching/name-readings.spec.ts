import { nameSkeleton } from '@comeback/domain';
import { NameReadingService } from './name-readings';

describe('NameReadingService (IPADIC via kuromoji)', () => {
  const svc = new NameReadingService();
  beforeAll(() => svc.ready(), 60_000);

  it.each<[string, 'family' | 'given', string[]]>([
    ['上田', 'family', ['ウエダ', 'カミダ']], // every reading of the surface, not only the best path
    ['河野', 'family', ['コウノ', 'カワノ']],
    ['荒島', 'family', ['アラシマ']],
    ['桜浦', 'family', ['サクラウラ']], // not in the dictionary: composed from 桜 + 浦
    ['恵', 'given', ['メグミ']],
    ['翔太', 'given', ['ショウタ']],
  ])('%s (%s) reads as %j among others', (text, role, expected) => {
    const got = svc.readings(text, role);
    for (const r of expected) expect(got).toContain(r);
    expect(got.length).toBeLessThanOrEqual(6);
  });

  it.each<[string, string[]]>([
    ['Furuyama', ['古山']],
    ['Ono', ['小野', '大野']], // passport Hepburn: オノ and オオノ share the skeleton
    ['Sato', ['佐藤']],
  ])('surnames read as %s include %j (the precomputed table)', (romaji, expected) => {
    const got = svc.familySurfaces(nameSkeleton(romaji)!);
    for (const s of expected) expect(got).toContain(s);
    // The table is the dictionary's own reading of each surface.
    for (const s of got.slice(0, 3)) expect(svc.readings(s, 'family').length).toBeGreaterThan(0);
  });

  it('gives nothing for text it cannot read', () => {
    expect(svc.readings('', 'family')).toEqual([]);
  });
});
