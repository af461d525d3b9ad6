/**
 * The statuses of a tip: what officers see, and the plain words the tipster reads on the follow-up page
 * (which never reveal investigative detail).
 */
export const TIP_STATUSES = [
  { code: 'moi', label: 'Mới', publicText: 'Tin của bạn đã được tiếp nhận và đang chờ cán bộ xem xét.' },
  { code: 'dang-xac-minh', label: 'Đang xác minh', publicText: 'Cơ quan chức năng đang xác minh thông tin bạn cung cấp.' },
  { code: 'da-chuyen', label: 'Đã chuyển đơn vị khác', publicText: 'Tin đã được chuyển đến đơn vị có thẩm quyền để xử lý.' },
  { code: 'da-xu-ly', label: 'Đã xử lý', publicText: 'Tin đã được xử lý. Cảm ơn bạn đã góp phần phòng, chống ma túy.' },
  {
    code: 'khong-co-co-so',
    label: 'Không có cơ sở',
    publicText: 'Sau khi xác minh, chưa đủ cơ sở để xử lý theo tin này. Nếu có thêm thông tin, bạn có thể gửi bổ sung.',
  },
  { code: 'trung-lap', label: 'Trùng lặp', publicText: 'Nội dung này đã được tiếp nhận qua một tin khác và đang được xử lý cùng.' },
  { code: 'spam', label: 'Spam', publicText: 'Tin không được xử lý vì không có nội dung liên quan đến ma túy.' },
] as const;

export type TipStatus = (typeof TIP_STATUSES)[number]['code'];
/** Statuses after which the tip is closed and retention starts counting. */
export const CLOSED_STATUSES: readonly TipStatus[] = ['da-xu-ly', 'khong-co-co-so', 'trung-lap', 'spam'];

export const statusOf = (code: string) => TIP_STATUSES.find((status) => status.code === code) ?? TIP_STATUSES[0];
