import { diffDocuments } from './document-diff';

describe('diffDocuments', () => {
  it.each([
    [{ a: 1 }, { a: 1 }, []],
    [{ a: 1 }, { a: 2 }, [{ path: '/a', before: 1, after: 2 }]],
    [{ a: { b: [1, 2] } }, { a: { b: [1, 3] } }, [{ path: '/a/b/1', before: 2, after: 3 }]],
    [{ a: [1] }, { a: [1, 2] }, [{ path: '/a', before: [1], after: [1, 2] }]],
    [{}, { x: 'new' }, [{ path: '/x', before: undefined, after: 'new' }]],
  ])('%j → %j', (before, after, expected) => {
    expect(diffDocuments(before, after)).toEqual(expected);
  });
});
