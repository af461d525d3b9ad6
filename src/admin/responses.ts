/**
 * Plain answers the middleware and the role guard give without rendering a page: a refusal must not
 * depend on anything that could fail. Vietnamese, self-contained, no script and no style.
 */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function plainPage(status: number, title: string, message: string, link: { href: string; label: string }): Response {
  const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · PCMT Nghệ An</title></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p></main></body></html>`;
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}

export const forbiddenResponse = () =>
  plainPage(403, 'Không có quyền truy cập', 'Tài khoản của bạn không được dùng chức năng này. Nếu cần, hãy liên hệ quản trị viên.', {
    href: '/quan-tri/',
    label: 'Về trang quản trị',
  });

export const csrfRejectedResponse = () =>
  plainPage(403, 'Biểu mẫu không hợp lệ', 'Biểu mẫu đã cũ hoặc không gửi từ trang của cổng. Không có gì bị thay đổi. Hãy tải lại trang và thử lại.', {
    href: '/quan-tri/',
    label: 'Về trang quản trị',
  });
