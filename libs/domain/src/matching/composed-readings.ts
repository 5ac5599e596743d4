/**
 * Readings of a name no dictionary lists (竹江, 雄志: rare or composed), put together kanji by kanji. The table of
 * how each kanji reads inside names is injected (config/kanji-name-readings.json, learnt from the name
 * dictionary's multi-kanji entries by scripts/build-name-readings.ts): each reading with its share among that
 * kanji's name readings (竹 タケ 1.0; 下 シモ 0.69, シタ 0.27 …).
 */
export type KanjiNameReadings = (kanji: string) => readonly (readonly [reading: string, share: number])[];

/** Composed readings kept per name: each becomes index keys, so only the likeliest few. */
export const MAX_COMPOSED_READINGS = 3;
/**
 * A combination less likely than this (the product of its kanji's shares) is not kept: 雄志 オシ (0.86) and
 * ユウシ (0.11) are, タケシ (0.0098) just is not; below it a reading is as likely a misreading as a name.
 */
export const MIN_COMPOSED_SHARE = 0.01;
/** Partial combinations followed per kanji (a name of four kanji with four readings each is 256). */
const BEAM = 8;

/**
 * The likeliest readings of a name of two to four kanji, most likely first; [] when a kanji has no known name
 * reading, for one kanji (a one-kanji name reads as a whole: 雄 タケシ, not オ), and for anything longer.
 */
export function composeNameReadings(
  text: string,
  readingsOf: KanjiNameReadings,
  limit: number = MAX_COMPOSED_READINGS,
): string[] {
  const chars = Array.from(text);
  if (chars.length < 2 || chars.length > 4) return [];
  let partial: [string, number][] = [['', 1]];
  for (const kanji of chars) {
    const options = readingsOf(kanji);
    if (options.length === 0) return [];
    const next: [string, number][] = [];
    for (const [reading, share] of partial)
      for (const [piece, pieceShare] of options) next.push([reading + piece, share * pieceShare]);
    partial = next.sort((a, b) => b[1] - a[1]).slice(0, BEAM);
  }
  const out: string[] = [];
  for (const [reading, share] of partial) {
    if (share < MIN_COMPOSED_SHARE || out.length >= limit) break;
    if (!out.includes(reading)) out.push(reading);
  }
  return out;
}
