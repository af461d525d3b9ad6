interface HcaptchaApi {
  render(container: HTMLElement, options: { sitekey: string; hl: string; callback: (token: string) => void; 'expired-callback': () => void }): void;
}

declare global {
  interface Window {
    hcaptcha?: HcaptchaApi;
    pcmtHcaptchaReady?: () => void;
  }
}

/**
 * Puts the operator's captcha into the form: the self-hosted ALTCHA widget, or hCaptcha's script, which is
 * the only third-party code the portal ever loads, and only when the operator configured it. Either way
 * the token lands in the form field `captcha`.
 */
export async function mountCaptcha(container: HTMLElement): Promise<void> {
  const lang = container.dataset.lang === 'en' ? 'en' : 'vi';
  const info = (await (await fetch('/api/captcha', { headers: { Accept: 'application/json' } })).json()) as { provider: string; sitekey?: string };
  if (info.provider === 'hcaptcha' && info.sitekey) {
    const input = Object.assign(document.createElement('input'), { type: 'hidden', name: 'captcha' });
    const target = document.createElement('div');
    container.append(input, target);
    window.pcmtHcaptchaReady = () =>
      window.hcaptcha?.render(target, {
        sitekey: info.sitekey!,
        hl: lang,
        callback: (token) => (input.value = token),
        'expired-callback': () => (input.value = ''),
      });
    const script = Object.assign(document.createElement('script'), {
      src: 'https://js.hcaptcha.com/1/api.js?render=explicit&onload=pcmtHcaptchaReady',
      async: true,
    });
    document.head.append(script);
    return;
  }
  await import('./altcha-widget.ts');
  const widget = document.createElement('altcha-widget');
  widget.setAttribute('challenge', '/api/captcha');
  widget.setAttribute('name', 'captcha');
  widget.setAttribute('language', lang);
  widget.setAttribute('auto', 'onfocus');
  container.append(widget);
}
