import type { vi } from './vi.ts';

/** Vietnamese is the reference dictionary: every key it has, every other language must have too. */
export type MessageKey = keyof typeof vi;
export type Dictionary = { readonly [K in MessageKey]: string };
