import { describe, expect, it } from 'vitest';
import { decideRoute, DEFAULT_RULES, type RoutingQueue } from '#server/tips/routing.ts';

const queueList: RoutingQueue[] = [
  { code: 'pc04', name: 'PC04', active: true, communeCode: null },
  { code: 'bien-phong', name: 'Bộ đội Biên phòng', active: true, communeCode: null },
  { code: 'hai-quan', name: 'Hải quan', active: true, communeCode: null },
  { code: 'canh-sat-bien', name: 'Cảnh sát biển', active: true, communeCode: null },
  { code: 'quan-ly-thi-truong', name: 'Quản lý thị trường', active: true, communeCode: null },
  { code: 'cax-00001', name: 'Công an xã Biên', active: true, communeCode: '00001' },
  { code: 'cax-00002', name: 'Công an xã Biển', active: true, communeCode: '00002' },
  { code: 'cax-00003', name: 'Công an phường Trong', active: true, communeCode: '00003' },
  { code: 'cax-00004', name: 'Công an xã Đóng', active: false, communeCode: '00004' },
];
const queues = new Map(queueList.map((queue) => [queue.code, queue]));
const border = { code: '00001', isBorder: true, isCoastal: false };
const coastal = { code: '00002', isBorder: false, isCoastal: true };
const inland = { code: '00003', isBorder: false, isCoastal: false };
const closed = { code: '00004', isBorder: false, isCoastal: false };

describe('decideRoute', () => {
  it.each([
    // category, commune, avoid, owner, copies
    ['trong-cay', border, false, 'bien-phong', ['cax-00001']],
    ['trong-cay', inland, false, 'cax-00003', ['pc04']],
    ['trong-cay', null, false, 'pc04', []],
    ['trong-cay', inland, true, 'pc04', []],
    ['trong-cay', border, true, 'bien-phong', []],
    ['mua-ban-van-chuyen', inland, false, 'pc04', ['cax-00003']],
    ['mua-ban-van-chuyen', border, false, 'pc04', ['bien-phong', 'cax-00001']],
    ['mua-ban-van-chuyen', inland, true, 'pc04', []],
    ['su-dung-trai-phep', inland, false, 'cax-00003', []],
    ['su-dung-trai-phep', closed, false, 'pc04', []],
    ['qua-bien-gioi', null, false, 'bien-phong', ['pc04']],
    ['tren-bien', coastal, false, 'canh-sat-bien', ['bien-phong', 'pc04']],
    ['san-bay-cang-bien', inland, false, 'hai-quan', ['pc04']],
    ['bong-cuoi', inland, false, 'quan-ly-thi-truong', ['cax-00003']],
    ['san-xuat-tien-chat', coastal, false, 'pc04', ['quan-ly-thi-truong']],
    ['khac', null, false, 'pc04', []],
    ['danh-muc-la', inland, false, 'pc04', []],
  ] as const)('%s in %j (avoid commune police: %s) → %s + %j', (category, commune, avoidCommunePolice, owner, copies) => {
    const decision = decideRoute(DEFAULT_RULES, queues, { category, commune, avoidCommunePolice });
    expect(decision.ownerQueueCode).toBe(owner);
    expect(decision.copyQueueCodes).toEqual(copies);
  });

  it('explains a tagged rule in the words officers read', () => {
    const decision = decideRoute(DEFAULT_RULES, queues, { category: 'trong-cay', commune: border, avoidCommunePolice: false });
    expect(decision.reason).toBe('Trồng cây có chứa chất ma túy (cây thuốc phiện, cần sa…) + xã biên giới → Bộ đội Biên phòng');
  });

  it('says when the tipster kept the tip away from their commune police', () => {
    const decision = decideRoute(DEFAULT_RULES, queues, { category: 'su-dung-trai-phep', commune: inland, avoidCommunePolice: true });
    expect(decision.ownerQueueCode).toBe('pc04');
    expect(decision.reason).toContain('người báo tin không muốn gửi công an xã nơi mình ở');
  });

  it('falls back to PC04 when the rule’s queue is deactivated', () => {
    const withoutCustoms = new Map(queues);
    withoutCustoms.set('hai-quan', { ...queues.get('hai-quan')!, active: false });
    const decision = decideRoute(DEFAULT_RULES, withoutCustoms, { category: 'san-bay-cang-bien', commune: null, avoidCommunePolice: false });
    expect(decision).toMatchObject({ ownerQueueCode: 'pc04', copyQueueCodes: [] });
    expect(decision.reason).toContain('đơn vị theo quy tắc không hoạt động');
  });
});
