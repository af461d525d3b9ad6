/** A count that was stopped at `cap` (counting further costs more than it tells) reads "1.000+". */
export const cappedCount = (value: number, cap: number) => (value > cap ? `${cap.toLocaleString('vi-VN')}+` : value.toLocaleString('vi-VN'));
