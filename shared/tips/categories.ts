/** What a tip is about (issue 3), in the order the form lists them. Codes are stable; labels are shown. */
export const TIP_CATEGORIES = [
  { code: 'mua-ban-van-chuyen', label: 'Mua bán, vận chuyển trái phép chất ma túy' },
  { code: 'to-chuc-su-dung', label: 'Địa điểm tổ chức sử dụng ma túy (karaoke, quán bar, nhà nghỉ, khách sạn…)' },
  { code: 'su-dung-trai-phep', label: 'Sử dụng trái phép chất ma túy' },
  { code: 'trong-cay', label: 'Trồng cây có chứa chất ma túy (cây thuốc phiện, cần sa…)' },
  { code: 'san-xuat-tien-chat', label: 'Sản xuất trái phép chất ma túy, tiền chất' },
  { code: 'qua-bien-gioi', label: 'Vận chuyển ma túy qua biên giới Việt – Lào' },
  { code: 'tren-bien', label: 'Vận chuyển ma túy trên biển' },
  { code: 'san-bay-cang-bien', label: 'Ma túy qua sân bay, cảng biển, cửa khẩu, hàng hóa hải quan' },
  { code: 'bong-cuoi', label: 'Mua bán bóng cười (khí N₂O) để sử dụng trái phép' },
  { code: 'khac', label: 'Khác' },
] as const;

export type TipCategory = (typeof TIP_CATEGORIES)[number]['code'];
export const TIP_CATEGORY_CODES = TIP_CATEGORIES.map((category) => category.code) as [TipCategory, ...TipCategory[]];

export const categoryLabel = (code: string) => TIP_CATEGORIES.find((category) => category.code === code)?.label ?? code;
