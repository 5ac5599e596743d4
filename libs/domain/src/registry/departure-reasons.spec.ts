import { DEPARTURE_REASONS, parseDepartureReason, parseRehireRecommendation } from './departure-reasons';

describe('parseDepartureReason', () => {
  it.each(DEPARTURE_REASONS.map((r) => [r.code, r.label]))('accepts %s and its label %s', (code, label) => {
    expect(parseDepartureReason(code)).toBe(code);
    expect(parseDepartureReason(label)).toBe(code);
  });

  it.each([
    ['懲戒解雇', 'disciplinary_dismissal'],
    [' 懲戒 解雇 ', 'disciplinary_dismissal'],
    ['転職･キャリア', 'voluntary_career'], // half-width middle dot
    ['転職 キャリア', 'voluntary_career'],
    ['その他', 'other'],
    ['VOLUNTARY_CAREER', 'voluntary_career'],
    ['ｖｏｌｕｎｔａｒｙ＿ｃａｒｅｅｒ', 'voluntary_career'],
    ['contract-end', 'contract_end'],
  ])('tolerates %j', (raw, code) => {
    expect(parseDepartureReason(raw)).toBe(code);
  });

  it.each(['', 'fired', '解雇', 'voluntary'])('rejects %j', (raw) => {
    expect(parseDepartureReason(raw)).toBeNull();
  });
});

describe('parseRehireRecommendation', () => {
  it.each([
    ['yes', 'yes'],
    ['YES', 'yes'],
    ['conditional', 'conditional'],
    ['条件付き', 'conditional'],
    ['no', 'no'],
    ['いいえ', 'no'],
    ['unknown', 'unknown'],
    ['不明', 'unknown'],
  ])('%j → %s', (raw, code) => {
    expect(parseRehireRecommendation(raw)).toBe(code);
  });

  it('rejects other words', () => {
    expect(parseRehireRecommendation('maybe')).toBeNull();
  });
});
