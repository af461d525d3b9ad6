/**
 * A minimal cookie-keeping HTTP client for the staff area, over real HTTP (Astro's on-demand pages need
 * Node's request): no redirect following, the Origin header a browser sends, CSRF tokens read from forms.
 */
export class StaffHttp {
  readonly cookies = new Map<string, string>();
  readonly setCookieHeaders: string[] = [];

  readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('Cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    if (init.method && init.method !== 'GET' && !headers.has('Origin')) headers.set('Origin', this.baseUrl);
    const response = await fetch(this.baseUrl + path, { ...init, headers, redirect: 'manual' });
    for (const header of response.headers.getSetCookie()) {
      this.setCookieHeaders.push(header);
      const [pair] = header.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index);
      const value = pair!.slice(index + 1);
      if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(header) || value === '' || value === 'deleted') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  get(path: string): Promise<Response> {
    return this.request(path);
  }

  /** Posts a form. `csrf: 'auto'` reads the token from the page first (GET of the same path). */
  async post(path: string, fields: Record<string, string | string[]>, csrf: string | 'auto' | null = 'auto'): Promise<Response> {
    const body = new URLSearchParams();
    const token = csrf === 'auto' ? await this.csrfToken(path) : csrf;
    if (token !== null) body.append('_csrf', token);
    for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item);
    return this.request(path, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  }

  async csrfToken(path: string): Promise<string> {
    const html = await (await this.get(path)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error(`no CSRF token on ${path}`);
    return token;
  }
}

/** Where a redirect points, as a path. */
export const locationOf = (response: Response) => response.headers.get('location');
