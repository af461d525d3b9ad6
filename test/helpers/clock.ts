import type { Clock } from '#server/clock.ts';

/** A clock that always reads `iso`: for domain calls and apps whose every date a test fixes. */
export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`fixedClock: not a date: ${iso}`);
  return () => new Date(at);
}

/**
 * The real time, for the few tests that drive something that reads the system clock itself (a portal or CLI
 * in another process, Chromium). A file that uses it derives every date from it: the clock-hygiene test
 * refuses a file that mixes it with fixed calendar dates, since such a test passes or fails by the day it runs.
 */
export function wallClock(): Date {
  return new Date();
}
