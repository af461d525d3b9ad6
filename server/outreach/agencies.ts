/**
 * The organising agencies an outreach session can name: those assigned in section IV of the 2021 plan
 * (items grouping several bodies are split, so each can be chosen). Migration 0003 seeds them into
 * outreach_agencies; administrators may rename or deactivate them there. Since July 2025 there are no
 * districts, so item 21 ("UBND các huyện, thành, thị") is kept as the commune-level people's committees.
 */
export interface AgencySeed {
  code: string;
  name: string;
  /** The item of plan section IV. */
  planItem: number;
}

export const PLAN_AGENCIES: readonly AgencySeed[] = [
  { code: 'cong-an-tinh', name: 'Công an tỉnh', planItem: 1 },
  { code: 'bien-phong', name: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', planItem: 2 },
  { code: 'hai-quan', name: 'Cục Hải quan Nghệ An', planItem: 3 },
  { code: 'vien-kiem-sat', name: 'Viện kiểm sát nhân dân tỉnh', planItem: 4 },
  { code: 'toa-an', name: 'Tòa án nhân dân tỉnh', planItem: 4 },
  { code: 'so-ldtbxh', name: 'Sở Lao động, Thương binh và Xã hội', planItem: 5 },
  { code: 'so-y-te', name: 'Sở Y tế', planItem: 6 },
  { code: 'quan-su', name: 'Bộ Chỉ huy Quân sự tỉnh', planItem: 7 },
  { code: 'so-tttt', name: 'Sở Thông tin và Truyền thông', planItem: 8 },
  { code: 'so-gddt', name: 'Sở Giáo dục và Đào tạo (các trường học)', planItem: 9 },
  { code: 'so-vhtt', name: 'Sở Văn hóa và Thể thao', planItem: 10 },
  { code: 'so-du-lich', name: 'Sở Du lịch', planItem: 11 },
  { code: 'so-cong-thuong', name: 'Sở Công Thương', planItem: 12 },
  { code: 'so-tu-phap', name: 'Sở Tư pháp', planItem: 13 },
  { code: 'quan-ly-thi-truong', name: 'Cục Quản lý thị trường Nghệ An', planItem: 14 },
  { code: 'mttq', name: 'Ủy ban Mặt trận Tổ quốc tỉnh', planItem: 15 },
  { code: 'tinh-doan', name: 'Tỉnh đoàn', planItem: 16 },
  { code: 'hoi-phu-nu', name: 'Hội Liên hiệp Phụ nữ tỉnh', planItem: 16 },
  { code: 'hoi-cuu-chien-binh', name: 'Hội Cựu chiến binh tỉnh', planItem: 16 },
  { code: 'hoi-nguoi-cao-tuoi', name: 'Hội Người cao tuổi tỉnh', planItem: 16 },
  { code: 'hoi-nong-dan', name: 'Hội Nông dân tỉnh', planItem: 16 },
  { code: 'lien-doan-lao-dong', name: 'Liên đoàn Lao động tỉnh', planItem: 16 },
  { code: 'canh-sat-bien', name: 'Bộ Tư lệnh Vùng 1 Cảnh sát biển', planItem: 17 },
  { code: 'van-phong-ubnd', name: 'Văn phòng UBND tỉnh', planItem: 18 },
  { code: 'so-tai-chinh', name: 'Sở Tài chính', planItem: 19 },
  { code: 'so-nganh-khac', name: 'Sở, ban, ngành, đoàn thể khác', planItem: 20 },
  { code: 'ubnd-xa-phuong', name: 'Ủy ban nhân dân xã, phường', planItem: 21 },
];
