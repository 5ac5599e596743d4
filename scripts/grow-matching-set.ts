/*
 * A data set's own phenomena at a larger registry: keeps the base set's applicants, truth and former employees,
 * and adds K more former employees who are strangers to every applicant. Their other columns come from another
 * registry (a generated one), their names from the base registry's own name distribution (family name and its
 * kana from one former employee, given name and its kana from another of the same kind, Japanese or not), so the
 * added people are the namesakes a registry of that size with the base set's names would hold. Their
 * identifiers are made distinct (e-mail local parts end in "x", company addresses move to the base company's
 * domain, mobiles start 060, employee numbers F…), so nobody matches them by an identifier.
 *
 *   npx tsx scripts/grow-matching-set.ts --base ../shared/data/matching-dev --filler /tmp/n23 --add 80000 \
 *     --out /tmp/dev100k [--seed 1]
 *
 * Why: matching-dev has 20,000 former employees; the sets it stands for have 50,000–100,000, and a generated
 * set carries the generator's names, not the base set's. Results: docs/matching-accuracy.md ("Tenth round").
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

type Row = Record<string, string>;

function arg(name: string): string | null {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : null;
}

function readCsv(path: string): { columns: string[]; rows: Row[] } {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];
  return { columns: rows.length > 0 ? Object.keys(rows[0]) : [], rows };
}

const csvCell = (v: string): string => (/[",\n\r]/u.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** Seeded uniform [0, 1) (a linear congruential generator: reproducible sets, no dependency). */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const isJapanese = (r: Row): boolean =>
  /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u.test(r.family_name);

/** The base company's e-mail domain: the one most of the registry shares. */
function companyDomain(rows: Row[]): string {
  const counts = new Map<string, number>();
  for (const r of rows)
    for (const e of r.emails.split(';').filter(Boolean)) {
      const d = e.split('@')[1] ?? '';
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'example.co.jp';
}

function main(): void {
  const base = arg('base');
  const filler = arg('filler');
  const add = Number(arg('add'));
  const out = arg('out');
  if (!base || !filler || !out || !Number.isInteger(add) || add < 0) {
    process.stderr.write(
      'usage: grow-matching-set.ts --base DIR --filler DIR --add K --out DIR [--seed S]\n',
    );
    process.exit(2);
  }
  const rnd = random(Number(arg('seed') ?? 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const { columns, rows } = readCsv(join(base, 'alumni.csv'));
  const fillers = readCsv(join(filler, 'alumni.csv')).rows.slice(0, add);
  if (fillers.length < add) throw new Error(`${filler} holds only ${fillers.length} former employees`);
  const pools = { jp: rows.filter(isJapanese), other: rows.filter((r) => !isJapanese(r)) };
  const jpShare = pools.jp.length / rows.length;
  const baseDomain = companyDomain(rows);
  const fillerDomain = companyDomain(fillers);
  const added = fillers.map((f): Row => {
    const pool = rnd() < jpShare || pools.other.length === 0 ? pools.jp : pools.other;
    const fam = pick(pool);
    const giv = pick(pool);
    const emails = f.emails
      .split(';')
      .filter(Boolean)
      .map((e) => {
        const [local, domain] = e.split('@');
        return `${local}x@${domain === fillerDomain ? baseDomain : domain}`;
      });
    return {
      ...f,
      employee_number: `F${f.employee_number.replace(/^\D+/u, '')}`,
      family_name: fam.family_name,
      family_name_kana: fam.family_name_kana,
      given_name: giv.given_name,
      given_name_kana: giv.given_name_kana,
      previous_family_names: pick(pool).previous_family_names,
      emails: emails.join(';'),
      phones: f.phones
        .split(';')
        .filter(Boolean)
        .map((p) => p.replace(/^0[789]0/u, '060'))
        .join(';'),
    };
  });
  mkdirSync(out, { recursive: true });
  const lines = [
    columns.join(','),
    ...[...rows, ...added].map((r) => columns.map((c) => csvCell(r[c] ?? '')).join(',')),
  ];
  writeFileSync(join(out, 'alumni.csv'), `${lines.join('\n')}\n`);
  copyFileSync(join(base, 'applicants.jsonl'), join(out, 'applicants.jsonl'));
  copyFileSync(join(base, 'truth.jsonl'), join(out, 'truth.jsonl'));
  process.stdout.write(`${rows.length} + ${added.length} former employees → ${join(out, 'alumni.csv')}\n`);
}

main();
