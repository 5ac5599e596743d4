import { escapeHtml, html, SafeHtml } from './html';

describe('escapeHtml', () => {
  it('escapes every character that can break out of content or a quoted attribute', () => {
    expect(escapeHtml(`<script>alert("x")</script>&'\``)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;&#96;',
    );
    expect(escapeHtml('山田 太郎')).toBe('山田 太郎');
    expect(escapeHtml(42)).toBe('42');
  });
});

describe('html', () => {
  it('escapes interpolations, keeps nested html and flattens arrays', () => {
    const name = '<img src=x onerror=alert(1)>';
    const out = html`<p title="${name}">${name}</p>${[html`<b>${'a&b'}</b>`, 'c<d']}${null}${undefined}${false}`;
    expect(out).toBeInstanceOf(SafeHtml);
    expect(out.value).toBe(
      '<p title="&lt;img src=x onerror=alert(1)&gt;">&lt;img src=x onerror=alert(1)&gt;</p><b>a&amp;b</b>c&lt;d',
    );
  });
});
