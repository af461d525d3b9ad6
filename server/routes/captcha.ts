import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';

/** The captcha the operator chose: an ALTCHA challenge, or the hCaptcha site key. */
export const captcha = new Hono<AppEnv>().get('/', async (c) => c.json(await c.var.captcha.describe()));
