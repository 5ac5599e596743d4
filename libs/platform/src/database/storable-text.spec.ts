import fc from 'fast-check';
import { storableJson, storableText } from './storable-text';

describe('storableText', () => {
  it('replaces NUL and lone surrogates, keeps pairs and everything else', () => {
    expect(storableText('a\u0000b')).toBe('a\ufffdb');
    expect(storableText('x\ud800y\udc00z')).toBe('x\ufffdy\ufffdz');
    expect(storableText('😀 山田')).toBe('😀 山田');
    expect(storableText('end\ud83d')).toBe('end\ufffd');
  });

  it('leaves no NUL or lone surrogate in any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = storableText(s);
        expect(out.includes(String.fromCharCode(0))).toBe(false);
        expect(Buffer.from(out, 'utf8').toString('utf8')).toBe(out); // well-formed UTF-16 survives a UTF-8 round trip
      }),
      { numRuns: 2000 },
    );
  });

  it('walks JSON values, keys included', () => {
    expect(storableJson({ 'k\u0000': ['v\u0000', 1, null, { n: '\udc00' }] })).toEqual({
      'k\ufffd': ['v\ufffd', 1, null, { n: '\ufffd' }],
    });
  });
});
