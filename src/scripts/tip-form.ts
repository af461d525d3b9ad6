import { foldVietnamese } from '#shared/text/vietnamese.ts';
import { mountCaptcha } from './captcha.ts';

/**
 * What JavaScript adds to the tip form (which works without it, but for the captcha): characters left,
 * a commune filter, photo previews, the captcha, and sending with a progress bar. The server's answer (the
 * receipt page, or the form with its errors) replaces the page's main content, so the receipt never
 * enters a URL and the server's HTML stays the one source of both.
 */
export function enhanceTipForm(): void {
  const form = document.querySelector<HTMLFormElement>('[data-tip-form]');
  if (!form) return;
  countCharacters(form);
  filterCommunes(form);
  previewPhotos(form);
  const captcha = form.querySelector<HTMLElement>('[data-captcha]');
  if (captcha) void mountCaptcha(captcha);
  sendWithProgress(form);
  document.querySelector<HTMLElement>('[data-error-summary]')?.focus();
}

function countCharacters(form: HTMLFormElement): void {
  const textarea = form.querySelector<HTMLTextAreaElement>('textarea[data-count-template]');
  const output = form.querySelector<HTMLElement>('[data-chars-left]');
  if (!textarea || !output) return;
  const template = textarea.dataset.countTemplate ?? '{n}';
  const update = () => {
    output.textContent = template.replace('{n}', (textarea.maxLength - textarea.value.length).toLocaleString('vi-VN'));
  };
  output.hidden = false;
  textarea.addEventListener('input', update);
  update();
}

function filterCommunes(form: HTMLFormElement): void {
  const filter = form.querySelector<HTMLInputElement>('[data-commune-filter]');
  const select = form.querySelector<HTMLSelectElement>('select[name="communeCode"]');
  if (!filter || !select) return;
  filter.hidden = false;
  const options = [...select.options].map((option) => ({ option, folded: foldVietnamese(option.text) }));
  filter.addEventListener('input', () => {
    const wanted = foldVietnamese(filter.value);
    let first: HTMLOptionElement | null = null;
    for (const { option, folded } of options) {
      const shown = option.index === 0 || folded.includes(wanted);
      option.hidden = !shown;
      if (shown && option.index > 0 && !first) first = option;
    }
    if (wanted && first) select.value = first.value;
  });
}

function previewPhotos(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('[data-photo-input]');
  const list = form.querySelector<HTMLUListElement>('[data-photo-previews]');
  if (!input || !list) return;
  input.addEventListener('change', () => {
    for (const image of list.querySelectorAll('img')) URL.revokeObjectURL(image.src);
    list.replaceChildren(
      ...[...(input.files ?? [])].map((file) => {
        const item = document.createElement('li');
        if (/^image\/(jpeg|png|webp)$/.test(file.type)) {
          const image = Object.assign(document.createElement('img'), { src: URL.createObjectURL(file), alt: '', width: 96, height: 96 });
          item.append(image);
        }
        item.append(Object.assign(document.createElement('span'), { textContent: `${file.name} (${(file.size / 1024 / 1024).toFixed(1)} MB)` }));
        return item;
      }),
    );
  });
}

function sendWithProgress(form: HTMLFormElement): void {
  const progress = form.querySelector<HTMLProgressElement>('[data-upload-progress]');
  const status = form.querySelector<HTMLElement>('[data-upload-status]');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.setRequestHeader('Accept', 'text/html');
    request.upload.addEventListener('progress', (progressEvent) => {
      if (!progressEvent.lengthComputable || !progress || !status) return;
      const percent = Math.round((progressEvent.loaded / progressEvent.total) * 100);
      progress.hidden = false;
      progress.value = percent;
      status.textContent = (status.dataset.template ?? '{p}').replace('{p}', String(percent));
    });
    request.addEventListener('load', () => showAnswer(request.responseText));
    request.addEventListener('error', () => {
      if (button) button.disabled = false;
      if (progress) progress.hidden = true;
      if (status) status.textContent = status.dataset.networkError ?? '';
    });
    if (button) button.disabled = true;
    request.send(new FormData(form));
  });
}

/** Puts the server's page into this one: its title and main content; a returned form is enhanced again. */
function showAnswer(html: string): void {
  const answer = new DOMParser().parseFromString(html, 'text/html');
  const main = document.querySelector('main');
  const newMain = answer.querySelector('main');
  if (!main || !newMain) return;
  document.title = answer.title;
  main.replaceChildren(...[...newMain.childNodes].map((node) => document.importNode(node, true)));
  window.scrollTo(0, 0);
  enhanceTipForm();
  if (!document.querySelector('[data-error-summary]')) main.focus();
}
