import { nextLinkParam, parseLinkHeader } from './link-header';

describe('parseLinkHeader', () => {
  it('reads a single next link with a cursor', () => {
    const h = '<https://harvest.greenhouse.io/v3/applications?cursor=eyJpZCI6MTB9>; rel="next"';
    expect(parseLinkHeader(h)).toEqual({
      next: 'https://harvest.greenhouse.io/v3/applications?cursor=eyJpZCI6MTB9',
    });
    expect(nextLinkParam(h, 'cursor')).toBe('eyJpZCI6MTB9');
  });

  it('reads several links, extra params, unquoted and multi-valued rel', () => {
    const h =
      '<https://x/a?page=1>; rel=prev, <https://x/a?cursor=c%3D%3D&x=1>; title="n, b"; rel="next last"';
    const links = parseLinkHeader(h);
    expect(links.prev).toBe('https://x/a?page=1');
    expect(links.next).toBe('https://x/a?cursor=c%3D%3D&x=1');
    expect(links.last).toBe(links.next);
    // The cursor is percent-decoded once, so sending it again round-trips exactly.
    expect(nextLinkParam(h, 'cursor')).toBe('c==');
  });

  it('treats a missing, empty or next-less header as the last page', () => {
    expect(nextLinkParam(undefined, 'cursor')).toBeNull();
    expect(nextLinkParam('', 'cursor')).toBeNull();
    expect(nextLinkParam('<https://x/a?cursor=1>; rel="prev"', 'cursor')).toBeNull();
    expect(parseLinkHeader('garbage')).toEqual({});
  });

  it('accepts a relative next link', () => {
    expect(nextLinkParam('</v3/jobs?cursor=abc>; rel="next"', 'cursor')).toBe('abc');
  });
});
