/** Values the outreach tables hold as text enums; the schema, the forms and the pages all read them here. */
export const SCHOOL_LEVELS = ['mam-non', 'tieu-hoc', 'thcs', 'thpt', 'gdtx', 'khac'] as const;

export const OUTREACH_FORMS = [
  'hop-dan',
  'loa-truyen-thanh',
  'san-khau-hoa',
  'to-roi-pano-ap-phich',
  'ngoai-khoa-chao-co',
  'thi-tim-hieu',
  'mang-xa-hoi',
  'phien-toa-luu-dong',
  'khac',
] as const;
export const SESSION_STATUSES = ['pending', 'approved', 'rejected'] as const;
