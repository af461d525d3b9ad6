/** The admin area's addresses, in one place for the middleware, the pages and the tests. */
export const ADMIN_ROOT = '/quan-tri/';
export const ADMIN_PATHS = {
  home: '/quan-tri/',
  login: '/quan-tri/dang-nhap/',
  totp: '/quan-tri/dang-nhap/ma-xac-thuc/',
  enrol: '/quan-tri/dang-nhap/dang-ky-xac-thuc/',
  logout: '/quan-tri/dang-xuat/',
  account: '/quan-tri/tai-khoan/',
  users: '/quan-tri/nguoi-dung/',
  newUser: '/quan-tri/nguoi-dung/moi/',
  audit: '/quan-tri/nhat-ky/',
  queues: '/quan-tri/hang-doi/',
  tips: '/quan-tri/tin/',
  statistics: '/quan-tri/thong-ke/',
  sessions: '/quan-tri/tuyen-truyen/',
  newSession: '/quan-tri/tuyen-truyen/moi/',
  approvals: '/quan-tri/tuyen-truyen/duyet/',
  periods: '/quan-tri/tuyen-truyen/ky-bao-cao/',
  schools: '/quan-tri/tuyen-truyen/truong-hoc/',
  schoolImport: '/quan-tri/tuyen-truyen/truong-hoc/nhap/',
  communes: '/quan-tri/tuyen-truyen/xa-phuong/',
} as const;

/** A download of tip statistics (csv or xlsx) for the range in `search` (see statisticsSearch). */
export const statisticsDownloadPath = (format: 'csv' | 'xlsx', search: string) => `/quan-tri/thong-ke/tai-ve.${format}?${search}`;
export const sessionPath = (id: string) => `/quan-tri/tuyen-truyen/buoi/${id}/`;
/** A session's evidence file (src/pages/quan-tri/tuyen-truyen/buoi/[id]/minh-chung/[evidenceId].ts). */
export const evidencePath = (sessionId: string, evidenceId: string) => `/quan-tri/tuyen-truyen/buoi/${sessionId}/minh-chung/${evidenceId}`;
export const schoolPath = (code: string) => `/quan-tri/tuyen-truyen/truong-hoc/${encodeURIComponent(code)}/`;

export const queuePath = (code: string) => `/quan-tri/hang-doi/${encodeURIComponent(code)}/`;
export const userPath = (id: string) => `/quan-tri/nguoi-dung/${id}/`;
export const tipPath = (id: number) => `/quan-tri/tin/${id}/`;
/** A tip's photo, served only to staff who may see the tip (src/pages/quan-tri/tin/[id]/anh/[photoId].ts). */
export const tipPhotoPath = (tipId: number, photoId: number) => `/quan-tri/tin/${tipId}/anh/${photoId}`;

export const isAdminPath = (pathname: string) => pathname === '/quan-tri' || pathname.startsWith(ADMIN_ROOT);

/** Paths compared with a trailing slash, however they were typed. */
export const withTrailingSlash = (pathname: string) => (pathname.endsWith('/') ? pathname : `${pathname}/`);
