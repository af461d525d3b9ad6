/**
 * A per-process limit on public submissions that knows nothing about who sends them: no address, no
 * cookie. One window caps all submissions together (a flood from anywhere), another caps submissions for
 * the same unit (a flood aimed at one school or commune). Counts live in memory only and vanish with the
 * process; behind several processes each keeps its own.
 */
export interface RateLimitOptions {
  windowMs: number;
  /** Submissions accepted from everyone together per window. */
  overall: number;
  /** Submissions accepted for one unit per window. */
  perUnit: number;
}

export const DEFAULT_SUBMISSION_LIMITS: RateLimitOptions = { windowMs: 10 * 60_000, overall: 120, perUnit: 10 };

export interface SubmissionRateLimiter {
  /** True, and counted, when one more submission for these units fits; false when it must wait. */
  tryTake(unitKeys: readonly string[]): boolean;
}

export function createSubmissionRateLimiter(options: RateLimitOptions = DEFAULT_SUBMISSION_LIMITS, now: () => number = Date.now): SubmissionRateLimiter {
  let overall: number[] = [];
  const perUnit = new Map<string, number[]>();
  const recent = (times: number[]) => times.filter((time) => now() - time < options.windowMs);
  return {
    tryTake(unitKeys) {
      overall = recent(overall);
      if (overall.length >= options.overall) return false;
      const keys = [...new Set(unitKeys)];
      const windows = keys.map((key) => recent(perUnit.get(key) ?? []));
      if (windows.some((times) => times.length >= options.perUnit)) return false;
      const time = now();
      overall.push(time);
      keys.forEach((key, index) => perUnit.set(key, [...windows[index]!, time]));
      // Forget units whose window is over, so the map cannot grow without bound.
      if (perUnit.size > 5000) for (const [key, times] of perUnit) if (!recent(times).length) perUnit.delete(key);
      return true;
    },
  };
}
