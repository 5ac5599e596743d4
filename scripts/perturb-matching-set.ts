/*
 * Robustness check for the matcher on input forms a data set may not contain: rewrites a set's applicants in
 * one way at a time (the registry and the truth stay as they are) and writes one set per way, so each can be
 * scored against the set as given. Every rewrite is a form people or ATS fields really use for the same
 * facts (spec/matching.md lists most of them); none changes who the applicant is. A drop in found_recall on
 * one of them names a form the matcher does not read.
 *
 *   npx tsx scripts/perturb-matching-set.ts --in ../shared/data/matching-dev --out /tmp/perturbed
 *   for d in /tmp/perturbed/*; do
 *     npm run --silent bench:matching -- --alumni ../shared/data/matching-dev/alumni.csv \
 *       --applicants $d/applicants.jsonl --out $d/decisions.jsonl
 *     python3 ../shared/tools/score-matching.py $d/truth.jsonl $d/decisions.jsonl
 *   done
 *
 * Results on matching-dev: docs/matching-accuracy.md ("Tenth round").
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { toHiragana, toRomaji } from 'wanakana';
import type { MatchingSetApplicant } from '../libs/fixtures/src/matching-set';

/** One applicant line of a set (matching.md's format, as the generator writes it; bench:matching reads work_history). */
type Applicant = MatchingSetApplicant & {
  work_history?: { company: string; start_date?: string; end_date?: string }[];
};

type Rewrite = (a: Applicant, i: number) => Applicant;

const hasKanji = (s: string | undefined): boolean => /\p{Script=Han}/u.test(s ?? '');
const isLatin = (s: string | undefined): boolean => /^[A-Za-z' -]+$/u.test(s ?? '');
const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const fullWidthDigits = (s: string): string =>
  s.replace(/\d/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Romaji spellings of one kana reading, as people write their name on forms and passports. */
const ROMAJI_STYLES: Record<string, (wapuro: string) => string> = {
  wapuro: (r) => r, // Satou, Oono
  passport: (r) => r.replace(/ou|oo/gu, 'o').replace(/uu/gu, 'u'), // Sato, Ono
  oh: (r) => r.replace(/ou|oo/gu, 'oh'), // Satoh, Ohno
  macron: (r) => r.replace(/ou|oo/gu, 'ō').replace(/uu/gu, 'ū'), // Satō, Ōno
  kunrei: (r) =>
    r
      .replace(/shi/gu, 'si')
      .replace(/chi/gu, 'ti')
      .replace(/tsu/gu, 'tu')
      .replace(/fu/gu, 'hu')
      .replace(/ji/gu, 'zi')
      .replace(/sh/gu, 'sy')
      .replace(/ch/gu, 'ty')
      .replace(/j/gu, 'zy'), // Hukuda Sinzi
};

/** A kanji name with its kana reading rewritten in romaji (the kana fields dropped), styles in turn. */
function romajiFromKana(styles: string[]): Rewrite {
  return (a, i) => {
    if (!a.last_name_kana || !a.first_name_kana || !hasKanji(a.last_name)) return a;
    const style = ROMAJI_STYLES[styles[i % styles.length]];
    const romaji = (kana: string): string => capitalised(style(toRomaji(kana)));
    const { last_name_kana: lastKana, first_name_kana: firstKana, ...rest } = a;
    return { ...rest, last_name: romaji(lastKana), first_name: romaji(firstKana) };
  };
}

/** Birth-date spellings of one date: slashes, digits only, 年月日, and the Japanese era in full and short. */
function birthDateForm(iso: string, form: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const [era, letter, year] = y >= 1989 ? ['平成', 'H', y - 1988] : ['昭和', 'S', y - 1925];
  const forms = [
    `${y}/${m}/${d}`,
    iso.replaceAll('-', ''),
    `${era}${year}年${m}月${d}日`,
    `${letter}${year}.${m}.${d}`,
    `${y}年${m}月${d}日`,
  ];
  return forms[form % forms.length];
}

/** Phone spellings of one Japanese number: international, spaced, full-width digits, area code in brackets. */
function phoneForm(phone: string, form: number): string {
  const digits = phone.normalize('NFKC').replace(/\D/gu, '').replace(/^81/u, '0');
  const n = digits.startsWith('0') ? digits : `0${digits}`;
  const [a, b, c] = [n.slice(0, 3), n.slice(3, 7), n.slice(7)];
  const forms = [`+81-${a.slice(1)}-${b}-${c}`, `${a} ${b} ${c}`, fullWidthDigits(n), `(${a})${b}-${c}`];
  return forms[form % forms.length];
}

/** More phone spellings: dialled from abroad, the trunk 0 in brackets, a note after it, a long-vowel mark as dash. */
function phoneFormAbroad(phone: string, form: number): string {
  const digits = phone.normalize('NFKC').replace(/\D/gu, '').replace(/^81/u, '0');
  const n = digits.startsWith('0') ? digits : `0${digits}`;
  const [a, b, c] = [n.slice(0, 3), n.slice(3, 7), n.slice(7)];
  const forms = [
    `0081-${a.slice(1)}-${b}-${c}`,
    `+81 (0)${a.slice(1)} ${b} ${c}`,
    `${a}-${b}-${c}（携帯）`,
    `${a}ー${b}ー${c}`,
  ];
  return forms[form % forms.length];
}

const REWRITES: Record<string, Rewrite> = {
  /** Katakana in the name and kana boxes typed as hiragana. */
  hiragana: (a) => {
    const out = { ...a };
    for (const f of ['first_name', 'last_name', 'first_name_kana', 'last_name_kana'] as const) {
      const v = out[f];
      if (v && /\p{Script=Katakana}/u.test(v)) out[f] = toHiragana(v);
    }
    return out;
  },
  /** 山田太郎 in the last-name box, no space, first-name box empty. */
  'one-field-no-space': (a) =>
    hasKanji(a.last_name) && hasKanji(a.first_name) && !/\s/u.test(a.last_name ?? '')
      ? { ...a, last_name: `${a.last_name}${a.first_name}`, first_name: '' }
      : a,
  /** The whole name in the first-name box (Western order for romaji, family first for kanji). */
  'one-field-first-box': (a) =>
    a.first_name && a.last_name
      ? {
          ...a,
          first_name: isLatin(a.last_name)
            ? `${a.first_name} ${a.last_name}`
            : `${a.last_name}\u3000${a.first_name}`,
          last_name: '',
        }
      : a,
  /** "YAMADA, Taro" in one box, as English-language forms ask for it. */
  'one-field-comma': (a) =>
    isLatin(a.last_name) && isLatin(a.first_name)
      ? {
          ...a,
          last_name: `${a.last_name!.toUpperCase()}, ${capitalised(a.first_name!.toLowerCase())}`,
          first_name: '',
        }
      : a,
  /** Romaji in capitals with the boxes swapped. */
  'upper-swapped': (a) =>
    isLatin(a.last_name) && isLatin(a.first_name)
      ? { ...a, last_name: a.first_name!.toUpperCase(), first_name: a.last_name!.toUpperCase() }
      : a,
  'romaji-hepburn-styles': romajiFromKana(['passport', 'oh', 'wapuro']),
  'romaji-macron-kunrei': romajiFromKana(['macron', 'kunrei']),
  'birth-date-forms': (a, i) => (a.birth_date ? { ...a, birth_date: birthDateForm(a.birth_date, i) } : a),
  'phone-forms': (a, i) => ({ ...a, phones: a.phones.map((p) => phoneForm(p, i)) }),
  /** Capitals and surrounding spaces in e-mail addresses. */
  'email-case-spaces': (a) => ({ ...a, emails: a.emails.map((e) => ` ${e.toUpperCase()} `) }),
  'phone-forms-abroad': (a, i) => ({ ...a, phones: a.phones.map((p) => phoneFormAbroad(p, i)) }),
  /** "Taro Yamada <taro@example.com>", as mail programs and parsed CVs give an address. */
  'email-display-name': (a) => ({
    ...a,
    emails: a.emails.map((e) => `${[a.first_name, a.last_name].filter(Boolean).join(' ')} <${e}>`),
  }),
  /** The kana reading written in brackets after a kanji name (山田（やまだ）), the kana boxes left empty. */
  'reading-in-brackets': (a) => {
    if (!a.last_name_kana || !a.first_name_kana || !hasKanji(a.last_name)) return a;
    const { last_name_kana: lastKana, first_name_kana: firstKana, ...rest } = a;
    return {
      ...rest,
      last_name: `${a.last_name}（${toHiragana(lastKana)}）`,
      first_name: `${a.first_name}（${toHiragana(firstKana)}）`,
    };
  },
};

/**
 * Returnees whose surname changed write the one the company knew them by in brackets (旧姓併記): 北川（旧姓：南岡）,
 * or Kitagawa (née Minamioka) in romaji. Unlike the rewrites above this adds what such applicants often write;
 * it needs the truth and the registry to know the former surname.
 */
function formerSurnameInBrackets(inDir: string): Rewrite {
  const truth = new Map(
    readFileSync(join(inDir, 'truth.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; employee_number: string | null; kind: string })
      .filter((t) => t.employee_number && t.kind === 'returnee_new_surname')
      .map((t) => [t.id, t.employee_number!]),
  );
  const rows = parse(readFileSync(join(inDir, 'alumni.csv'), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];
  const people = new Map(rows.map((r) => [r.employee_number, r]));
  return (a) => {
    const record = people.get(truth.get(a.id) ?? '');
    if (!record || !a.last_name) return a;
    const latin = isLatin(a.last_name);
    const former = latin
      ? record.family_name_kana && capitalised(toRomaji(record.family_name_kana))
      : record.family_name;
    const current = latin ? a.last_name.toLowerCase() : a.last_name;
    if (!former || (latin ? former.toLowerCase() : former) === current) return a;
    return {
      ...a,
      last_name: latin ? `${a.last_name} (née ${former})` : `${a.last_name}（旧姓：${former}）`,
    };
  };
}

/** Employers other than the company, for CVs' other entries. */
const OTHER_EMPLOYERS = [
  '株式会社南風物産',
  'Aozora Systems Inc.',
  '東都電機株式会社',
  'Sakura Logistics K.K.',
  '(株)みなと企画',
];

/**
 * A work history on every application, as CVs and ATS employments carry one: one or two other employers, and
 * for returnees, most of the time (--listed), the company with the months they joined and left — by month, by year only,
 * or without dates, sometimes a month off. About 1 in 100 other applicants lists the company too (a contractor,
 * a subsidiary) with their own dates. It adds what such applications carry; it needs the truth and the registry.
 */
function workHistory(inDir: string, listed: number): Rewrite {
  const truth = new Map(
    readFileSync(join(inDir, 'truth.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; employee_number: string | null })
      .map((t) => [t.id, t.employee_number]),
  );
  const rows = parse(readFileSync(join(inDir, 'alumni.csv'), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];
  const people = new Map(rows.map((r) => [r.employee_number, r]));
  const companyForms = ['Kitaboshi Shoji Co., Ltd.', 'KITABOSHI SHOJI', 'kitaboshi-shoji K.K.'];
  // Deterministic per applicant: the same set rewrites the same way.
  const roll = (i: number, salt: number): number => (((i + 1) * 2654435761 + salt * 40503) >>> 0) / 2 ** 32;
  const month = (date: string, i: number, salt: number, style: number): string | undefined => {
    if (style >= 0.85) return undefined;
    const shift = roll(i, salt) < 0.2 ? 1 : 0;
    const d = new Date(`${date.slice(0, 7)}-15T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + shift);
    return style < 0.6 ? d.toISOString().slice(0, 7) : d.toISOString().slice(0, 4);
  };
  return (a, i) => {
    const others = [{ company: OTHER_EMPLOYERS[i % OTHER_EMPLOYERS.length], start_date: '2020-04' }];
    const record = people.get(truth.get(a.id) ?? '');
    const style = roll(i, 1);
    const company = companyForms[i % companyForms.length];
    if (record && roll(i, 2) < listed) {
      const entry = {
        company,
        start_date: month(record.hire_date, i, 3, style),
        end_date: month(record.leave_date, i, 4, style),
      };
      return { ...a, work_history: [entry, ...others] };
    }
    if (!record && roll(i, 5) < 0.01) {
      const y = 1990 + Math.floor(roll(i, 6) * 35);
      return { ...a, work_history: [{ company, start_date: `${y}-04`, end_date: `${y + 3}-03` }, ...others] };
    }
    return { ...a, work_history: others };
  };
}

function arg(name: string): string | null {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : null;
}

function main(): void {
  const inDir = arg('in');
  const outDir = arg('out');
  if (!inDir || !outDir) {
    process.stderr.write(
      'usage: perturb-matching-set.ts --in SET_DIR --out DIR [--only REWRITE] [--listed SHARE]\n',
    );
    process.exit(2);
  }
  const applicants = readFileSync(join(inDir, 'applicants.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Applicant);
  const only = arg('only');
  const rewrites: Record<string, Rewrite> = { ...REWRITES };
  if (existsSync(join(inDir, 'alumni.csv')))
    rewrites['former-surname-in-brackets'] = formerSurnameInBrackets(inDir);
  // --listed: the share of returnees whose work history names the company (default 0.7).
  if (existsSync(join(inDir, 'alumni.csv')))
    rewrites['work-history'] = workHistory(inDir, Number(arg('listed') ?? '0.7'));
  for (const [name, rewrite] of Object.entries(rewrites)) {
    if (only && name !== only) continue;
    const dir = join(outDir, name);
    mkdirSync(dir, { recursive: true });
    let changed = 0;
    const lines = applicants.map((a, i) => {
      const b = rewrite(a, i);
      if (JSON.stringify(b) !== JSON.stringify(a)) changed++;
      return JSON.stringify(b);
    });
    writeFileSync(join(dir, 'applicants.jsonl'), `${lines.join('\n')}\n`);
    copyFileSync(join(inDir, 'truth.jsonl'), join(dir, 'truth.jsonl'));
    process.stdout.write(`${name}: ${changed} of ${applicants.length} applicants rewritten\n`);
  }
}

main();
