import { viAdmin } from './vi-admin.ts';

/** Vietnamese UI strings: the reference dictionary. Every other language must have the same keys. */
export const vi = {
  'site.name': 'Cổng thông tin phòng, chống ma túy tỉnh Nghệ An',
  'site.shortName': 'PCMT Nghệ An',
  'site.description':
    'Tài liệu tuyên truyền, bài giảng phòng, chống ma túy và kênh gửi tin tố giác ẩn danh của tỉnh Nghệ An.',
  'skip.toContent': 'Bỏ qua, đến nội dung chính',
  'nav.label': 'Điều hướng chính',
  'nav.home': 'Trang chủ',
  'nav.materials': 'Tài liệu',
  'nav.kits': 'Bài giảng',
  'nav.tip': 'Gửi tin tố giác',
  'nav.followUp': 'Theo dõi tin đã gửi',
  'nav.progress': 'Tiến độ tuyên truyền',
  'lang.switchLabel': 'Ngôn ngữ',
  'lang.other': 'English',
  'lang.otherCode': 'en',
  'help.title': 'Cần giúp ngay?',
  'help.emergency': 'Khẩn cấp, gọi Công an',
  'help.hotline': 'Đường dây nóng tố giác tội phạm ma túy (Cục Cảnh sát điều tra tội phạm về ma túy – C04, Bộ Công an)',
  'help.hotlineDetail': '24/7 · gọi, nhắn tin SMS hoặc Zalo · bí mật danh tính người báo tin',
  'footer.anonymity':
    'Cổng không dùng cookie theo dõi, không có mã quảng cáo hay thống kê của bên thứ ba và không lưu địa chỉ IP của người gửi tin.',
  'footer.basis':
    'Thực hiện mục tiêu của Kế hoạch phòng, chống ma túy của UBND tỉnh Nghệ An: 100% xã, phường và trường học được tuyên truyền pháp luật về phòng, chống ma túy ít nhất một lần mỗi năm.',
  'home.title': 'Chung tay phòng, chống ma túy',
  'home.lead':
    'Cổng thông tin giúp người dân hiểu tác hại và thủ đoạn của tội phạm ma túy, giúp giáo viên và cán bộ xã có sẵn bài giảng, và giúp mọi người báo tin về tội phạm ma túy một cách an toàn, ẩn danh.',
  'home.sectionsTitle': 'Bạn cần gì?',
  'home.tip.title': 'Gửi tin tố giác ẩn danh',
  'home.tip.body': 'Báo tin mua bán, tàng trữ, tổ chức sử dụng ma túy. Không cần tên, không lưu địa chỉ IP, ảnh được xóa vị trí GPS.',
  'home.followUp.title': 'Theo dõi tin đã gửi',
  'home.followUp.body': 'Dùng mã biên nhận 16 chữ số để xem tình trạng xử lý và trao đổi thêm với cơ quan công an.',
  'home.materials.title': 'Tài liệu tuyên truyền',
  'home.materials.body': 'Bài đọc ngắn cho người dân, phụ huynh, học sinh: tác hại của ma túy, bóng cười, ma túy trá hình, pháp luật.',
  'home.kits.title': 'Bài giảng cho giáo viên và cán bộ xã',
  'home.kits.body': 'Giáo án, phiếu học tập, câu hỏi kiểm tra và trình chiếu tải về được, dùng ngay cho tiết học hay buổi họp dân.',
  'home.progress.title': 'Tiến độ 100% xã, trường học',
  'home.progress.body': 'Xã, phường và trường học nào đã được tuyên truyền trong năm, nơi nào chưa, và còn bao nhiêu ngày đến kỳ báo cáo.',
  'notFound.title': 'Không tìm thấy trang',
  'notFound.body': 'Địa chỉ này không có trên cổng thông tin. Hãy quay về trang chủ hoặc dùng thanh điều hướng.',
  'notFound.home': 'Về trang chủ',
  ...viAdmin,
} as const;
