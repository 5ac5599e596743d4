import { selectKeyCandidates, type KeyHit } from './candidate-selection';

const hits = (key: string, ...ids: string[]): KeyHit[] => ids.map((alumnusId) => ({ key, alumnusId }));

describe('selectKeyCandidates', () => {
  const limits = { maxPerKey: 3, maxCandidates: 10 };

  it('ranks alumni by the number of probe keys they share', () => {
    const got = selectKeyCandidates(
      [...hits('em:a', 'x'), ...hits('nr:sato|ai', 'y', 'x'), ...hits('ph:+81', 'x', 'z')],
      limits,
    );
    expect(got).toEqual(['x', 'y', 'z']);
  });

  it('ignores a key held by more people than maxPerKey, but keeps what other keys find', () => {
    const common = hits('nt:佐藤|蓮', 'a', 'b', 'c', 'd'); // four > three: says nothing about identity
    expect(selectKeyCandidates([...common, ...hits('em:ren@example.com', 'c')], limits)).toEqual(['c']);
    expect(selectKeyCandidates(hits('nt:佐藤|蓮', 'a', 'b', 'c'), limits)).toEqual(['a', 'b', 'c']);
  });

  it('caps the candidate set', () => {
    const many = Array.from({ length: 20 }, (_, i) => hits(`em:${i}`, `p${i}`)).flat();
    expect(selectKeyCandidates(many, { maxPerKey: 3, maxCandidates: 5 })).toHaveLength(5);
  });
});
