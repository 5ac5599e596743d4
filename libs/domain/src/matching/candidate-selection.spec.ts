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

  it('leaves out people found only under a common full name, keeps them when anything else is shared', () => {
    const withNamesakes = { maxPerKey: 100, maxCandidates: 10, maxNamesakes: 2 };
    const common = hits('nt:佐藤|蓮', 'a', 'b', 'c');
    expect(selectKeyCandidates([...common, ...hits('em:ren@example.com', 'c')], withNamesakes)).toEqual([
      'c',
    ]);
    expect(selectKeyCandidates([...common, ...hits('nx:佐藤|ren', 'b')], withNamesakes)).toEqual(['b']);
    // A kanji surname with a given name's reading is a full name too: 渡辺 さくら, and three 渡辺 read Sakura.
    expect(selectKeyCandidates(hits('nx:渡辺|sakura', 'a', 'b', 'c'), withNamesakes)).toEqual([]);
    // A rarer full name (two people) is still worth comparing on its own.
    expect(selectKeyCandidates(hits('nr:sato|ren', 'a', 'b'), withNamesakes)).toEqual(['a', 'b']);
  });
});
