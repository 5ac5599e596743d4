import {
  alumnusFrequencyKeys,
  alumnusIndexKeys,
  alumnusMatchKeys,
  applicantProbeKeys,
  frequencyKeysForApplicant,
  MAX_DERIVED_FAMILY_PROBES,
  MAX_DERIVED_FAMILY_READINGS,
  MAX_DERIVED_GIVEN_READINGS,
  isBirthDateKey,
  sharesBirthDateKey,
  suppressionKeys,
} from './match-keys';
import type { AlumnusIdentity, ApplicantIdentity, MatchContext } from './match-types';
import { nameSkeleton } from './name-normalisation';
import { normaliseBirthDate } from './birth-date-normalisation';
import { CTX, bareAlumnus } from './match-fixtures.spec-support';
import { composeNameReadings } from './composed-readings';

const alumnus: AlumnusIdentity = {
  employeeNumber: 'E000123',
  familyName: '加藤',
  givenName: '咲香',
  familyNameKana: 'カトウ',
  givenNameKana: 'サキカ',
  previousFamilyNames: ['荒島'],
  birthDate: '1961-11-19',
  emails: ['Saki.Kato@gmail.com', 'sakika.kato@kitaboshi-shoji.co.jp'],
  phones: ['090-4614-0475'],
};

const shares = (p: ApplicantIdentity): string[] => {
  const keys = new Set(alumnusMatchKeys(alumnus, CTX));
  return applicantProbeKeys(p, CTX).filter((k) => keys.has(k));
};

describe('alumnusMatchKeys', () => {
  it('indexes canonical contacts, employee number and name combinations', () => {
    const keys = alumnusMatchKeys(alumnus, CTX);
    expect(keys).toEqual(
      expect.arrayContaining([
        'em:sakikato@gmail.com',
        'em:sakika.kato@kitaboshi-shoji.co.jp',
        'ph:+819046140475',
        'en:000123',
        'nt:加藤|咲香',
        'nr:kato|sakika',
        'nt:荒島|咲香',
        'gt:咲香|1961-11-19',
        'gr:sakika|1961-11-19',
      ]),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('finds a kana record of a long o before h from the passport spelling (コウヘイ, Kohei)', () => {
    const kohei: AlumnusIdentity = {
      ...alumnus,
      familyName: '平山',
      givenName: '康平',
      familyNameKana: 'ヒラヤマ',
      givenNameKana: 'コウヘイ',
      previousFamilyNames: [],
    };
    const stored = new Set(alumnusMatchKeys(kohei, CTX));
    for (const given of ['Kohei', 'Kouhei', 'Kōhei'])
      expect(
        applicantProbeKeys({ firstName: given, lastName: 'Hirayama', emails: [], phones: [] }, CTX),
      ).toContain('nr:hirayama|koei');
    expect(stored.has('nr:hirayama|koei')).toBe(true);
  });

  it('never stores a bare name part: every name key pairs two things', () => {
    for (const k of alumnusMatchKeys(alumnus, CTX).filter((x) => /^(nt|nr|nx|ft|fr|gt|gr):/u.test(x))) {
      const [left, right] = k.slice(3).split('|');
      expect(left).toBeTruthy();
      expect(right).toBeTruthy();
    }
  });
});

describe('applicantProbeKeys finds the alumnus through each phenomenon', () => {
  it.each<[string, ApplicantIdentity]>([
    ['Gmail dots and case', { emails: [' SAKI.KATO@gmail.com '] }],
    ['phone in international format', { phones: ['+81 90 4614 0475'] }],
    ['phone in full-width digits', { phones: ['０９０-４６１４-０４７５'] }],
    ['employee number without prefix', { employeeNumber: '000123' }],
    ['kanji name', { lastName: '加藤', firstName: '咲香' }],
    ['romaji, swapped and upper case', { lastName: 'SAKIKA', firstName: 'KATOH' }],
    ['katakana in one field with U+3000', { lastName: 'カトウ\u3000サキカ' }],
    ['hiragana', { lastName: 'かとう', firstName: 'さきか' }],
    ['former surname', { lastName: '荒島', firstName: '咲香' }],
    [
      'new surname with the same given name and birth date',
      { lastName: 'Naganaka', firstName: 'Sakika', birthDate: '1961/11/19' },
    ],
    ['kanji surname with a romaji given name', { lastName: '加藤', firstName: 'Sakika' }],
  ])('%s', (_label, p) => {
    expect(shares(p).length).toBeGreaterThan(0);
  });

  it('a surname alone probes nothing', () => {
    expect(applicantProbeKeys({ lastName: '加藤' }, CTX).filter((k) => !k.startsWith('en:'))).toEqual(
      applicantProbeKeys({ lastName: '加藤' }, CTX).filter((k) => k.includes('|') || /^(em|ph):/u.test(k)),
    );
    expect(
      applicantProbeKeys({ lastName: '加藤' }, CTX).some((k) => k === 'nt:加藤|' || k.endsWith('|')),
    ).toBe(false);
  });
});

describe('derived surname probes (a surname kept in kanji only)', () => {
  // The former surname 荒島 has no kana in the registry; a table read from the dictionary says アラシマ is 荒島.
  const WITH_TABLE = {
    ...CTX,
    familySurfaces: (s: string) => (s === nameSkeleton('Arashima') ? ['荒島', '新島'] : []),
  };
  const romaji: ApplicantIdentity = { lastName: 'Arashima', firstName: 'Sakika', emails: ['new@icloud.com'] };

  it('finds the record by the former surname in kanji and the reading of the given name, without a birth date', () => {
    const keys = new Set(alumnusMatchKeys(alumnus, CTX));
    expect(applicantProbeKeys(romaji, CTX).filter((k) => keys.has(k) && !k.startsWith('em:'))).toEqual([]);
    expect(applicantProbeKeys(romaji, WITH_TABLE).filter((k) => keys.has(k))).toEqual(['nx:荒島|sakika']);
  });

  it('probes only for a surname written without kanji, and at most a bounded number of spellings', () => {
    expect(applicantProbeKeys({ lastName: '荒島', firstName: 'Sakika' }, WITH_TABLE)).not.toContain(
      'nx:新島|sakika',
    );
    const many = { ...CTX, familySurfaces: () => Array.from({ length: 40 }, (_, i) => `姓${String(i)}`) };
    const probes = applicantProbeKeys({ lastName: 'Ono', firstName: 'Taro' }, many);
    expect(probes.filter((k) => k.startsWith('nx:姓')).length).toBeLessThanOrEqual(
      2 * MAX_DERIVED_FAMILY_PROBES,
    );
  });
});

describe('derived given-name keys (a record kept without kana)', () => {
  // 久保 哲也 was recorded without kana; the applicant writes romaji (or katakana) and nothing else agrees.
  const kanjiOnly: AlumnusIdentity = {
    employeeNumber: 'E7',
    familyName: '久保',
    givenName: '哲也',
    familyNameKana: null,
    givenNameKana: null,
    previousFamilyNames: ['窪田'],
    birthDate: null,
    emails: [],
    phones: [],
  };
  const TABLES: MatchContext = {
    ...CTX,
    familySurfaces: (s: string) => (s === nameSkeleton('Kubo') ? ['久保', '窪'] : []),
    givenNameReadings: (k: string) => (k === '哲也' ? ['テツヤ', 'テツナリ', 'ヨシヤ', 'サトヤ'] : []),
  };
  const shared = (p: ApplicantIdentity, ctx: MatchContext): string[] => {
    const keys = new Set(alumnusIndexKeys(kanjiOnly, ctx));
    return applicantProbeKeys(p, ctx).filter((k) => keys.has(k));
  };

  it.each([
    ['romaji', { lastName: 'Kubo', firstName: 'Tetsuya' }],
    ['katakana', { lastName: 'クボ', firstName: 'テツヤ' }],
    ['swapped romaji', { lastName: 'Tetsuya', firstName: 'KUBO' }],
  ])('is found by a name in %s, without a birth date or contact', (_label, p) => {
    expect(shared(p, { ...CTX, familySurfaces: TABLES.familySurfaces })).toEqual([]);
    expect(shared(p, TABLES)).toEqual(['nx:久保|tetuya']);
  });

  it('stores the readings under the former surname too, a bounded number, and none for a record with kana', () => {
    const keys = alumnusIndexKeys(kanjiOnly, TABLES).filter((k) => k.startsWith('nx:'));
    expect(keys).toContain('nx:窪田|tetuya');
    expect(keys.filter((k) => k.startsWith('nx:久保|'))).toHaveLength(MAX_DERIVED_GIVEN_READINGS);
    const withKana = { ...kanjiOnly, familyNameKana: 'クボ', givenNameKana: 'テツヤ' };
    expect(alumnusIndexKeys(withKana, TABLES)).toEqual(alumnusIndexKeys(withKana, CTX));
  });
});

describe('composed reading keys (a record without kana whose names no table lists)', () => {
  // 竹江 正彦 and 前下 雄志: composed surnames (and a composed given name) the dictionary tables lack. A few kanji
  // of config/kanji-name-readings.json, with their shares.
  const PER_KANJI: Record<string, [string, number][]> = {
    竹: [['タケ', 1]],
    江: [
      ['エ', 0.97],
      ['コウ', 0.02],
    ],
    前: [
      ['マエ', 0.82],
      ['ゼン', 0.18],
    ],
    下: [
      ['シモ', 0.69],
      ['シタ', 0.27],
    ],
    雄: [
      ['オ', 0.88],
      ['ユウ', 0.11],
    ],
    志: [['シ', 0.98]],
  };
  const GIVEN_TABLE: Record<string, string[]> = { 正彦: ['マサヒコ'] };
  const LISTED_SURNAMES = new Set(['久保']);
  const compose = (k: string): string[] => composeNameReadings(k, (c) => PER_KANJI[c] ?? []);
  const COMPOSED: MatchContext = {
    ...CTX,
    givenNameReadings: (k) => GIVEN_TABLE[k] ?? compose(k),
    unlistedFamilyReadings: (k) => (LISTED_SURNAMES.has(k) ? [] : compose(k)),
  };
  const record = (familyName: string, givenName: string): AlumnusIdentity =>
    bareAlumnus({ employeeNumber: 'E8', familyName, givenName });
  const shared = (a: AlumnusIdentity, p: ApplicantIdentity, ctx: MatchContext): string[] => {
    const keys = new Set(alumnusIndexKeys(a, ctx));
    return applicantProbeKeys(p, ctx).filter((k) => keys.has(k));
  };

  it.each([
    ['竹江 正彦', 'Takee', 'Masahiko', 'nr:take|masahiko'],
    ['竹江 正彦', 'タケエ', 'マサヒコ', 'nr:take|masahiko'],
    ['前下 雄志', 'Maeshita', 'Yushi', 'nr:maesita|yusi'],
    ['前下 雄志', 'OSHI', 'MAESHIMO', 'nr:maesimo|osi'],
  ])('%s is found by %s %s, without a birth date or contact', (name, last, first, key) => {
    const [familyName, givenName] = name.split(' ');
    const a = record(familyName, givenName);
    const p = { lastName: last, firstName: first };
    expect(shared(a, p, CTX)).toEqual([]);
    expect(shared(a, p, COMPOSED)).toEqual([key]);
  });

  it('reaches a former surname kept in kanji only that the table lacks, beside the recorded given reading', () => {
    // 黒浦 美乃 married and became 佐藤; she applies under her former name, in romaji, with nothing else.
    const married: AlumnusIdentity = {
      ...record('佐藤', '美乃'),
      familyNameKana: 'サトウ',
      givenNameKana: 'ミノ',
      previousFamilyNames: ['黒浦'],
    };
    const ctx: MatchContext = {
      ...COMPOSED,
      unlistedFamilyReadings: (k) => (k === '黒浦' ? ['クロウラ'] : []),
    };
    const p = { lastName: 'Kuroura', firstName: 'Mino' };
    expect(shared(married, p, CTX)).toEqual([]);
    expect(shared(married, p, ctx)).toEqual(['nr:kurora|mino']);
  });

  it('composes a surname only when the surname table does not list it, and a bounded number of keys', () => {
    const listed = alumnusIndexKeys(record('久保', '雄志'), COMPOSED);
    expect(listed.filter((k) => k.startsWith('nr:'))).toEqual([]);
    expect(listed.filter((k) => k.startsWith('nx:久保|'))).toEqual(['nx:久保|osi', 'nx:久保|yusi']);
    const unlisted = alumnusIndexKeys(record('前下', '雄志'), COMPOSED).filter((k) => k.startsWith('nr:'));
    expect(unlisted).toEqual(['nr:maesimo|osi', 'nr:maesimo|yusi', 'nr:maesita|osi', 'nr:maesita|yusi']);
    expect(unlisted.length).toBeLessThanOrEqual(MAX_DERIVED_FAMILY_READINGS * MAX_DERIVED_GIVEN_READINGS);
    const withKana = { ...record('前下', '雄志'), familyNameKana: 'マエシタ', givenNameKana: 'ユウシ' };
    expect(alumnusIndexKeys(withKana, COMPOSED)).toEqual(alumnusIndexKeys(withKana, CTX));
  });
});

describe('sharesBirthDateKey', () => {
  it('says what the full key list says, for current and former surnames, with and without kana', () => {
    const people: AlumnusIdentity[] = [
      alumnus,
      { ...alumnus, familyNameKana: null, givenNameKana: null },
      { ...alumnus, birthDate: '1961-11-20' },
      { ...alumnus, birthDate: null },
    ];
    const applicants: ApplicantIdentity[] = [
      { lastName: 'Arashima', firstName: 'Sakika', birthDate: '1961-11-19' },
      { lastName: '荒島', firstName: '花子', birthDate: '1961-11-19' },
      { lastName: '佐藤', firstName: '咲香', birthDate: '1961/11/19' },
      { lastName: 'Sato', firstName: 'Hanako', birthDate: '1961-11-19' },
    ];
    const cases = people.flatMap((a) => applicants.map((p) => [a, p] as const));
    for (const [a, p] of cases) {
      const keys = new Set(applicantProbeKeys(p, CTX).filter(isBirthDateKey));
      const expected = alumnusMatchKeys(a, CTX).some((k) => isBirthDateKey(k) && keys.has(k));
      expect(sharesBirthDateKey(keys, a, normaliseBirthDate(a.birthDate))).toBe(expected);
    }
    expect(
      cases.filter(([a, p]) =>
        sharesBirthDateKey(new Set(applicantProbeKeys(p, CTX)), a, normaliseBirthDate(a.birthDate)),
      ).length,
    ).toBeGreaterThan(3);
  });
});

describe('frequency keys', () => {
  it('counts family and given names by text and by reading', () => {
    expect(alumnusFrequencyKeys(alumnus).sort()).toEqual([
      'fq:fk',
      'fq:fr:kato',
      'fq:ft:加藤',
      'fq:gk',
      'fq:gr:sakika',
      'fq:gt:咲香',
    ]);
  });

  it('asks for every key an applicant name could be scored with', () => {
    const keys = frequencyKeysForApplicant({ lastName: 'Kato', firstName: 'Sakika' });
    expect(keys).toEqual(
      expect.arrayContaining(['fq:fr:kato', 'fq:gr:sakika', 'fq:fr:sakika', 'fq:gr:kato']),
    );
  });
});

describe('suppressionKeys (erasure suppression list)', () => {
  it('keeps contact, employee-number and name+birth-date keys, never name-only keys', () => {
    const keys = suppressionKeys({
      employeeNumber: 'E000123',
      familyName: '山田',
      givenName: '太郎',
      familyNameKana: 'ヤマダ',
      givenNameKana: 'タロウ',
      previousFamilyNames: [],
      birthDate: '1990-04-01',
      emails: ['Taro.Yamada@gmail.com'],
      phones: ['090-1234-5678'],
    });
    expect(keys.some((k) => k.startsWith('em:'))).toBe(true);
    expect(keys.some((k) => k.startsWith('ph:'))).toBe(true);
    expect(keys.some((k) => k.startsWith('en:'))).toBe(true);
    expect(keys.some((k) => k.startsWith('ft:'))).toBe(true);
    expect(keys.filter((k) => /^(nt|nr|nx|gt|gr):/.test(k))).toEqual([]);
  });

  it('also gives a family reading as key version 1 spelt it, where that differs, so earlier erasures hold', () => {
    // Erased under version 1, 郷原 (ゴウハラ) left the hash of fr:gohara; today's skeleton says goara. A later source
    // row with nothing but the name in kana and the birth date must still be held back.
    const erased = bareAlumnus({
      employeeNumber: 'E9',
      familyName: '郷原',
      givenName: '光',
      familyNameKana: 'ゴウハラ',
      previousFamilyNames: ['コウヘイ'],
      birthDate: '1979-03-08',
    });
    const fr = (a: AlumnusIdentity) => suppressionKeys(a).filter((k) => k.startsWith('fr:'));
    expect(fr(erased).sort()).toEqual(
      ['fr:goara|1979-03-08', 'fr:gohara|1979-03-08', 'fr:koei|1979-03-08', 'fr:kohei|1979-03-08'].sort(),
    );
    const later = bareAlumnus({
      employeeNumber: 'X1',
      familyName: 'ゴウハラ',
      givenName: 'ヒカル',
      birthDate: '1979-03-08',
    });
    expect(suppressionKeys(later).filter((k) => suppressionKeys(erased).includes(k))).toEqual(
      expect.arrayContaining(['fr:goara|1979-03-08', 'fr:gohara|1979-03-08']),
    );
    // Where both versions agree (ヤマダ), one key; without a birth date, none.
    expect(
      fr(bareAlumnus({ ...erased, familyName: '山田', familyNameKana: 'ヤマダ', previousFamilyNames: [] })),
    ).toEqual(['fr:yamada|1979-03-08']);
    expect(fr({ ...erased, birthDate: null })).toEqual([]);
  });
});

describe('suppression keys made before key version 4 still hold', () => {
  it('gives the family name as version 3 wrote it: a variant kanji folded since, a bracketed note read since', () => {
    const ft = (a: AlumnusIdentity) => suppressionKeys(a).filter((k) => k.startsWith('ft:'));
    const erased = bareAlumnus({
      employeeNumber: 'E10',
      familyName: '濵田',
      givenName: '光',
      birthDate: '1979-03-08',
    });
    expect(ft(erased).sort()).toEqual(['ft:浜田|1979-03-08', 'ft:濵田|1979-03-08']);
    const noted = bareAlumnus({ ...erased, familyName: '北川（旧姓：南岡）' });
    expect(ft(noted)).toEqual(
      expect.arrayContaining(['ft:北川|1979-03-08', 'ft:南岡|1979-03-08', 'ft:北川(旧姓:南岡)|1979-03-08']),
    );
    // Names both versions write alike give one key.
    expect(ft(bareAlumnus({ ...erased, familyName: '山田' }))).toEqual(['ft:山田|1979-03-08']);
  });
});
