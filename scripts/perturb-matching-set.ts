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

/** One applicant line of a set (matching.md's format, as the generator writes it). */
type Applicant = MatchingSetApplicant;

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

function arg(name: string): string | null {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : null;
}

function main(): void {
  const inDir = arg('in');
  const outDir = arg('out');
  if (!inDir || !outDir) {
    process.stderr.write('usage: perturb-matching-set.ts --in SET_DIR --out DIR\n');
    process.exit(2);
  }
  const applicants = readFileSync(join(inDir, 'applicants.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Applicant);
  const rewrites: Record<string, Rewrite> = { ...REWRITES };
  if (existsSync(join(inDir, 'alumni.csv')))
    rewrites['former-surname-in-brackets'] = formerSurnameInBrackets(inDir);
  for (const [name, rewrite] of Object.entries(rewrites)) {
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
