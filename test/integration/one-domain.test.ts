import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outreachEvidence, outreachSessions, tips } from '#server/db/schema.ts';
import { lessonKitOptions } from '#server/outreach/kits.ts';
import { submitPublicSession } from '#server/outreach/public-submission.ts';
import { vietnamDate } from '#shared/time/vietnam-time.ts';
import { overHttp, solveAltcha } from '../helpers/captcha.ts';
import { wallClock } from '../helpers/clock.ts';
import { importSampleSchools, publicInput, VINH } from '../helpers/outreach.ts';
import { startPortalOn, type PortalOn } from '../helpers/portal-on.ts';
import { createStaff, signedInToken } from '../helpers/staff.ts';
import { formFields, StaffHttp } from '../helpers/staff-http.ts';
import { distDir } from '../helpers/test-app.ts';
import { tipForm, VALID_DESCRIPTION } from '../helpers/tips.ts';

/**
 * Staff pages and the API run the same server modules. Before, Vite bundled a second copy of the domain
 * into dist/server: its HEIC worker file and its kit folder did not exist there, its routing cache was not
 * the one the tip API reads, and the staff edit form (with no kit to choose) erased a teacher's data.
 */
const today = vietnamDate(wallClock());
const vietnamese = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

describe('one copy of the domain', () => {
  it('leaves server/ and shared/ out of the built pages: they import the modules the server runs', () => {
    const chunks = join(distDir, 'server', 'chunks');
    const code = readdirSync(chunks)
      .filter((name) => name.endsWith('.mjs'))
      .map((name) => readFileSync(join(chunks, name), 'utf8'))
      .join('\n');
    expect(code).toMatch(/from ?"#server\/auth\/sessions\.ts"/);
    // Bodies of domain functions the staff pages use would appear here if they were bundled.
    for (const definition of ['function forgetRoutingContext', 'function lessonKitOptions', 'function decodeHeic', 'function normalizeVietnamese']) {
      expect(code, definition).not.toContain(definition);
    }
  });

  describe('through the staff pages of a running portal', () => {
    let site: PortalOn;
    let admin: StaffHttp;
    beforeAll(async () => {
      site = await startPortalOn('pglite');
      await importSampleSchools(site.db, '17662');
      const staff = await createStaff(site.db, 'mot.mien', { role: 'admin' });
      admin = new StaffHttp(site.baseUrl);
      admin.cookies.set('pcmt-session', await signedInToken(site.db, staff.user.id));
    }, 180_000);
    afterAll(() => site?.stop());

    it('lists the lesson kits on the session form', async () => {
      const html = await (await admin.get('/quan-tri/tuyen-truyen/moi/')).text();
      const kits = lessonKitOptions();
      expect(kits.length).toBeGreaterThanOrEqual(6);
      for (const kit of kits) expect(html).toContain(`<option value="${kit.value}"`);
    });

    it('takes an iPhone HEIC photo as evidence, as the public API does', async () => {
      const heic = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'red-64x48-gps.heic'));
      const body = new FormData();
      body.append('_csrf', await admin.csrfToken('/quan-tri/tuyen-truyen/moi/'));
      for (const [name, value] of Object.entries({
        heldOn: vietnamese(today),
        communeCode: VINH,
        schools: '',
        form: 'hop-dan',
        agencyCode: 'cong-an-tinh',
        audience: '4321',
        kitSlug: '',
        notes: 'Ảnh HEIC',
      }))
        body.append(name, value);
      body.append('evidence', new Blob([heic], { type: 'image/heic' }), 'IMG_0001.HEIC');
      const response = await admin.request('/quan-tri/tuyen-truyen/moi/', { method: 'POST', body });
      expect(response.status, await response.clone().text()).toBe(303);
      const [session] = await site.db.select().from(outreachSessions).where(eq(outreachSessions.audience, 4321));
      const evidence = await site.db.select().from(outreachEvidence).where(eq(outreachEvidence.sessionId, session!.id));
      expect(evidence.map((file) => file.kind)).toEqual(['photo']);
    });

    it('keeps a teacher’s name, contact and kit when staff save the report unchanged', async () => {
      const id = await submitPublicSession(
        site.db,
        publicInput({ heldOn: today, reporterName: 'Nguyễn Thị Lan', reporterContact: '0900 000 000', kitSlug: 'thcs-lop-6-7' }),
      );
      const path = `/quan-tri/tuyen-truyen/buoi/${id}/`;
      const { _csrf, ...unchanged } = formFields(await (await admin.get(path)).text(), path);
      const saved = await admin.post(path, unchanged);
      expect(saved.status, await saved.clone().text()).toBe(303);
      const [row] = await site.db.select().from(outreachSessions).where(eq(outreachSessions.id, id));
      expect(row).toMatchObject({ reporterName: 'Nguyễn Thị Lan', reporterContact: '0900 000 000', kitSlug: 'thcs-lop-6-7' });
    });

    it('routes the next tip by a commune tag an administrator just changed on a page', async () => {
      const commune = '17662';
      const send = async () => {
        const response = await fetch(`${site.baseUrl}/api/tips`, {
          method: 'POST',
          body: tipForm({ category: 'trong-cay', communeCode: commune, description: VALID_DESCRIPTION, captcha: await solveAltcha(overHttp(site.baseUrl)) }),
        });
        expect(response.status).toBe(201);
        const [tip] = await site.db.select({ owner: tips.ownerQueueCode }).from(tips).orderBy(desc(tips.id)).limit(1);
        return tip!;
      };
      await admin.post('/quan-tri/tuyen-truyen/xa-phuong/', { code: commune, active: '1' });
      expect((await send()).owner).not.toBe('bien-phong');
      const tagged = await admin.post('/quan-tri/tuyen-truyen/xa-phuong/', { code: commune, isBorder: '1', active: '1' });
      expect(tagged.status).toBe(200);
      expect((await send()).owner).toBe('bien-phong');
    });
  });
});
