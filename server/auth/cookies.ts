/**
 * The only cookies the portal sets, both for staff and only from the admin area. Over TLS they are Secure and
 * carry the __Host- prefix, which also pins them to this host and Path=/ (no Domain attribute).
 */
export interface CookieSpec {
  name: string;
  options: { httpOnly: true; sameSite: 'strict'; secure: boolean; path: '/'; maxAge?: number };
}

/** The staff session. No Max-Age: the browser drops it when closed; the server's expiry is what counts. */
export function sessionCookie(behindTls: boolean): CookieSpec {
  return { name: behindTls ? '__Host-pcmt-session' : 'pcmt-session', options: { httpOnly: true, sameSite: 'strict', secure: behindTls, path: '/' } };
}

/**
 * Before sign-in there is no session to bind a CSRF token to: the login form uses a double-submit token,
 * the same random value in this cookie and in a hidden field.
 */
export function loginCsrfCookie(behindTls: boolean): CookieSpec {
  return {
    name: behindTls ? '__Host-pcmt-login' : 'pcmt-login',
    options: { httpOnly: true, sameSite: 'strict', secure: behindTls, path: '/', maxAge: 60 * 60 },
  };
}

/** The hidden form field and the fetch header that carry the CSRF token. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';
