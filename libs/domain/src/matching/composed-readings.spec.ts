import { MAX_COMPOSED_READINGS, MIN_COMPOSED_SHARE, composeNameReadings } from './composed-readings';

// Shares as config/kanji-name-readings.json holds them (learnt from the name dictionary's multi-kanji entries).
const TABLE: Record<string, [string, number][]> = {
  竹: [['タケ', 1]],
  江: [
    ['エ', 0.97],
    ['コウ', 0.02],
    ['ウミ', 0.01],
  ],
  下: [
    ['シモ', 0.69],
    ['シタ', 0.27],
    ['ゲ', 0.02],
    ['カ', 0.02],
  ],
  前: [
    ['マエ', 0.82],
    ['ゼン', 0.18],
  ],
  雄: [
    ['オ', 0.88],
    ['ユウ', 0.11],
    ['タケ', 0.01],
  ],
  志: [
    ['シ', 0.98],
    ['ジ', 0.02],
  ],
  咲: [
    ['サ', 0.39],
    ['サキ', 0.39],
    ['サク', 0.22],
  ],
  世: [
    ['ヨ', 0.8],
    ['セ', 0.17],
    ['セイ', 0.03],
  ],
  大: [
    ['オオ', 0.7],
    ['ダイ', 0.2],
    ['タ', 0.1],
  ],
};
const of = (k: string) => TABLE[k] ?? [];

describe('composeNameReadings', () => {
  it.each([
    ['竹江', ['タケエ', 'タケコウ', 'タケウミ']],
    ['前下', ['マエシモ', 'マエシタ', 'ゼンシモ']],
    ['雄志', ['オシ', 'ユウシ', 'オジ']],
    ['咲世', ['サヨ', 'サキヨ', 'サクヨ']],
  ])('reads %s kanji by kanji, likeliest first', (name, expected) => {
    expect(composeNameReadings(name, of)).toEqual(expected);
  });

  it('keeps at most the limit, and nothing less likely than the minimum share', () => {
    expect(composeNameReadings('大大大大', of).length).toBeLessThanOrEqual(MAX_COMPOSED_READINGS);
    expect(composeNameReadings('竹江', of, 10)).toEqual(['タケエ', 'タケコウ', 'タケウミ']);
    // 雄志 タケジ: 0.01 × 0.02 — below the floor, while 雄志 ユウジ (0.11 × 0.02) is at its edge.
    const all = composeNameReadings('雄志', of, 10);
    expect(all).not.toContain('タケジ');
    expect(all.every((r) => r.length > 0)).toBe(true);
    expect(MIN_COMPOSED_SHARE).toBeGreaterThan(0.01 * 0.02);
  });

  it.each([
    ['one kanji (read as a whole, not per kanji)', '雄'],
    ['a kanji with no known name reading', '竹鬱'],
    ['five kanji', '大大大大大'],
    ['empty', ''],
  ])('gives nothing for %s', (_label, name) => {
    expect(composeNameReadings(name, of)).toEqual([]);
  });
});
