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

/**
 * The fields a browser would submit for the form whose `action` is `action`, left as the page shows them:
 * inputs (checked boxes only), textareas and each select's selected option (or its first one).
 */
export function formFields(html: string, action: string): Record<string, string | string[]> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const decode = (text: string) =>
    text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
  const attribute = (tag: string, name: string) => new RegExp(`\\s${name}(?:="([^"]*)")?`).exec(tag);
  const fields: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const existing = fields[name];
    fields[name] = existing === undefined ? value : [existing].flat().concat(value);
  };
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attribute(tag, 'name')?.[1];
    const type = attribute(tag, 'type')?.[1] ?? 'text';
    if (!name || type === 'file' || type === 'submit' || ((type === 'checkbox' || type === 'radio') && !attribute(tag, 'checked'))) continue;
    add(name, decode(attribute(tag, 'value')?.[1] ?? (type === 'checkbox' ? 'on' : '')));
  }
  for (const [, tag, text] of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attribute(tag!, 'name')?.[1];
    if (name) add(name, decode(text!));
  }
  for (const [, tag, options] of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attribute(tag!, 'name')?.[1];
    const all = [...options!.matchAll(/<option\b([^>]*)>/g)].map(([, optionTag]) => optionTag!);
    const chosen = all.find((optionTag) => attribute(optionTag, 'selected')) ?? all[0];
    if (name && chosen !== undefined) add(name, decode(attribute(chosen, 'value')?.[1] ?? ''));
  }
  return fields;
}
