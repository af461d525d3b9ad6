import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAudit } from '#server/auth/audit.ts';
import { queueCodesOf } from '#server/auth/load-actor.ts';
import { queues } from '#server/db/schema.ts';
import { startPortalOn, type PortalOn } from '../../helpers/portal-on.ts';
import { createStaff, signedInToken } from '../../helpers/staff.ts';
import { StaffHttp } from '../../helpers/staff-http.ts';

// The pages are thin over server/triage/queue-admin.ts, which the database tests cover on both kinds; PGlite is enough here.
describe('queue administration pages', () => {
  let site: PortalOn;
  let admin: StaffHttp;
  let officer: StaffHttp;
  const queueRow = async (code: string) => (await site.db.select().from(queues).where(eq(queues.code, code)))[0];
  beforeAll(async () => {
    site = await startPortalOn('pglite');
    const staff = await createStaff(site.db, 'queues.admin', { role: 'admin' });
    admin = new StaffHttp(site.baseUrl);
    admin.cookies.set('pcmt-session', await signedInToken(site.db, staff.user.id));
    const officerStaff = await createStaff(site.db, 'queues.officer', { role: 'officer', queueCodes: ['pc04'] });
    officer = new StaffHttp(site.baseUrl);
    officer.cookies.set('pcmt-session', await signedInToken(site.db, officerStaff.user.id));
  });
  afterAll(() => site?.stop());

  it('lists the queues with kind, status and counts, and says deactivation leaves existing tips in place', async () => {
    const html = await (await admin.get('/quan-tri/hang-doi/')).text();
    expect(html).toContain('href="/quan-tri/hang-doi/hai-quan/"');
    expect(html).toContain('Cục Hải quan Nghệ An');
    expect(html).toContain('Quản lý thị trường');
    expect(html).toContain('Đang nhận tin');
    expect(html).toContain('tin đã có vẫn ở lại và cán bộ của hàng đợi vẫn xem được');
    expect(html.indexOf('Cục Hải quan Nghệ An')).toBeLessThan(html.indexOf('Công an xã'));
  });

  it('adds a queue from the form and audits it', async () => {
    const response = await admin.post('/quan-tri/hang-doi/', { code: 'pc04-cua-khau', name: 'Đội PC04 cửa khẩu', kind: 'drug-police' });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Đã thêm hàng đợi Đội PC04 cửa khẩu.');
    expect(await queueRow('pc04-cua-khau')).toMatchObject({ name: 'Đội PC04 cửa khẩu', kind: 'drug-police', active: true });
    expect((await queryAudit(site.db, { action: 'queue.created', targetId: 'pc04-cua-khau' })).total).toBe(1);
  });

  it('explains a bad code beside the field and in the summary, keeping what was typed', async () => {
    const response = await admin.post('/quan-tri/hang-doi/', { code: 'Hải Quan', name: 'Đơn vị thử', kind: 'customs' });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('<title>Lỗi: ');
    expect(html).toContain('href="#code"');
    expect(html).toContain('Mã hàng đợi chỉ gồm chữ thường không dấu, số và dấu gạch ngang, 2–40 ký tự.');
    expect(html).toContain('value="Đơn vị thử"');
    expect(html).toMatch(/value="customs" selected/);
    const duplicate = await admin.post('/quan-tri/hang-doi/', { code: 'hai-quan', name: 'Đơn vị thử', kind: 'customs' });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.text()).toContain('Mã này đã có.');
  });

  it('renames, deactivates and reactivates a queue on its page', async () => {
    const path = '/quan-tri/hang-doi/hai-quan/';
    const renamed = await admin.post(path, { intent: 'rename', name: 'Cục Hải quan tỉnh Nghệ An' });
    expect(renamed.status).toBe(200);
    expect(await renamed.text()).toContain('Đã đổi tên thành Cục Hải quan tỉnh Nghệ An.');
    const tooShort = await admin.post(path, { intent: 'rename', name: 'ab' });
    expect(tooShort.status).toBe(422);
    expect(await tooShort.text()).toMatch(/href="#name"[^]*Tên hàng đợi dài từ 3 đến 120 ký tự/);
    expect((await admin.post(path, { intent: 'deactivate' })).status).toBe(200);
    expect(await queueRow('hai-quan')).toMatchObject({ name: 'Cục Hải quan tỉnh Nghệ An', active: false });
    expect(await (await admin.get(path)).text()).toContain('Mở lại nhận tin');
    expect((await admin.post(path, { intent: 'reactivate' })).status).toBe(200);
    expect((await queueRow('hai-quan'))?.active).toBe(true);
    const actions = (await queryAudit(site.db, { targetId: 'hai-quan' })).rows.map((row) => row.action);
    expect(actions).toEqual(['queue.reactivated', 'queue.deactivated', 'queue.renamed']);
  });

  it('offers no deactivation for PC04 and refuses a posted one with the reason', async () => {
    const page = await (await admin.get('/quan-tri/hang-doi/pc04/')).text();
    expect(page).not.toContain('Ngừng nhận tin');
    expect(page).toContain('PC04 nhận mọi tin không có đơn vị nào khác nhận');
    const response = await admin.post('/quan-tri/hang-doi/pc04/', { intent: 'deactivate' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Không thể ngừng hàng đợi PC04');
    expect((await queueRow('pc04'))?.active).toBe(true);
  });

  it('answers 404 for an unknown queue and 403 to a non-administrator’s post', async () => {
    expect((await admin.get('/quan-tri/hang-doi/khong-co/')).status).toBe(404);
    const response = await officer.post(
      '/quan-tri/hang-doi/',
      { code: 'cua-toi', name: 'Hàng đợi của tôi', kind: 'customs' },
      await officer.csrfToken('/quan-tri/'),
    );
    expect(response.status).toBe(403);
    expect(await queueRow('cua-toi')).toBeUndefined();
  });

  it('names the queue actions in Vietnamese on the audit page', async () => {
    const html = await (await admin.get('/quan-tri/nhat-ky/?action=queue.created')).text();
    expect(html).toContain('Thêm hàng đợi');
  });
  it('keeps a deactivated queue on the user form of an officer who works it, so saving does not drop it', async () => {
    await admin.post('/quan-tri/hang-doi/', { code: 'doi-tam-ngung', name: 'Đội tạm ngừng', kind: 'drug-police' });
    const worker = await createStaff(site.db, 'queues.worker', { role: 'officer', queueCodes: ['pc04', 'doi-tam-ngung'] });
    await admin.post('/quan-tri/hang-doi/doi-tam-ngung/', { intent: 'deactivate' });
    expect(await queueRow('doi-tam-ngung')).toMatchObject({ active: false });
    const path = `/quan-tri/nguoi-dung/${worker.user.id}/`;
    const page = await (await admin.get(path)).text();
    expect(page).toContain('Đội tạm ngừng (Đã ngừng)');
    expect(page).toMatch(/value="doi-tam-ngung"[^>]*checked/);
    expect((await admin.post(path, { intent: 'settings', role: 'officer', queueCodes: ['pc04', 'doi-tam-ngung'] })).status).toBe(200);
    expect(await queueCodesOf(site.db, worker.user.id)).toEqual(['doi-tam-ngung', 'pc04']);
    // Another user's form does not offer it.
    expect(await (await admin.get('/quan-tri/nguoi-dung/moi/')).text()).not.toContain('Đội tạm ngừng');
  });
});
