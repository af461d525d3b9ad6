/**
 * Where the portal reads the time. Production passes the system clock; tests pass a fixed or stepped one,
 * so nothing a test checks depends on the day it runs.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
