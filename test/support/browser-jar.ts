// A cookie jar per origin and a form-posting fetch that does not follow redirects: enough to walk through the
// console's server-rendered pages (and an OIDC provider's redirects) over real HTTP.
export class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  cookies(origin: string): Map<string, string> {
    let jar = this.jars.get(origin);
    if (!jar) this.jars.set(origin, (jar = new Map()));
    return jar;
  }

  async request(
    url: string,
    opts: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; location: string | null; text: string; url: string }> {
    const u = new URL(url);
    const jar = this.cookies(u.origin);
    const headers: Record<string, string> = {
      ...(opts.headers ?? {}),
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
    };
    let body: string | undefined;
    if (opts.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(opts.form).toString();
    }
    const res = await fetch(u, {
      method: opts.method ?? (opts.form ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      const [k, v] = [pair.slice(0, i), pair.slice(i + 1)];
      if (/Expires=Thu, 01 Jan 1970/i.test(c) || /Max-Age=0\b/i.test(c) || v === '') jar.delete(k);
      else jar.set(k, v);
    }
    const location = res.headers.get('location');
    return {
      status: res.status,
      location: location ? new URL(location, u).href : null,
      text: await res.text(),
      url: u.href,
    };
  }

  /** GET, then follow redirects while `until` says so (at most 20). Returns the last response. */
  async follow(url: string, until: (next: string) => boolean = () => true) {
    let res = await this.request(url);
    for (let i = 0; i < 20 && res.location && until(res.location); i += 1)
      res = await this.request(res.location);
    return res;
  }

  /** GETs the page with the form, then posts it with the page's CSRF token. */
  async submit(pageUrl: string, action: string, form: Record<string, string>) {
    const page = await this.request(pageUrl);
    const m = /name="_csrf" value="([^"]+)"/.exec(page.text);
    if (!m) throw new Error(`no CSRF token on ${pageUrl} (${page.status})`);
    return this.request(new URL(action, pageUrl).href, { form: { ...form, _csrf: m[1] } });
  }
}

export function linkIn(text: string, path: string): string {
  const m = new RegExp(`https?://[^\\s]+${path.replace(/\//g, '\\/')}\\?[^\\s]+`).exec(text);
  if (!m) throw new Error(`no ${path} link in: ${text}`);
  return m[0];
}
