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

  // Names the tables lack (composed, rare): read kanji by kanji from config/kanji-name-readings.json, which the
  // import uses without loading the dictionary.
  it.each<[string, string]>([
    ['雄志', 'ユウシ'],
    ['詩央', 'シオ'],
    ['光吾', 'コウゴ'],
    ['咲世', 'サヨ'],
  ])('given name %s, which the given-name table lacks, reads as %s', (kanji, expected) => {
    expect(svc.givenNameReadings(kanji)).toContain(expected);
  });

  it.each<[string, string]>([
    ['竹江', 'タケエ'],
    ['前下', 'マエシタ'],
    ['新部', 'ニイベ'],
    ['椎岡', 'シイオカ'],
  ])('surname %s, which the surname table lacks, reads as %s', (kanji, expected) => {
    expect(svc.unlistedFamilyReadings(kanji)).toContain(expected);
  });

  it('composes nothing for names the tables list, and scores every reading the import indexed', () => {
    expect(svc.unlistedFamilyReadings('佐藤')).toEqual([]);
    expect(svc.givenNameReadings('翔太')).toContain('ショウタ');
    for (const kanji of ['竹江', '前下', '新部', '椎岡'])
      for (const r of svc.unlistedFamilyReadings(kanji)) expect(svc.readings(kanji, 'family')).toContain(r);
    for (const kanji of ['雄志', '詩央', '光吾', '咲世'])
      for (const r of svc.givenNameReadings(kanji)) expect(svc.readings(kanji, 'given')).toContain(r);
  });

  it('gives nothing for text it cannot read', () => {
    expect(svc.readings('', 'family')).toEqual([]);
  });
});
