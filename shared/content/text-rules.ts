import { foldVietnamese } from '../text/vietnamese.ts';
import type { TextField } from '../legal/citation-rules.ts';

/*
 * Rules for text that gets printed (issue 12): a printed page cannot link, so it must never show a bare
 * path such as "/to-giac/" (the generators print the absolute address and a QR code instead); anonymous
 * handouts, quizzes and cards never ask for the reader's name; and the only placeholder a text may hold is
 * the portal's address in a loudspeaker script, which the build fills in.
 */

/** Where a loudspeaker script reads the portal's address out; the build puts the spoken address there. */
export const PORTAL_ADDRESS_PLACEHOLDER = '{{portalAddress}}';

/** A site path standing alone: after a space, a bracket or a quote, never after a host or a number ("24/7"). */
const BARE_PATH = /(?<=^|[\s([“"'«])\/[a-z][a-z0-9-]*(?:\/[a-z0-9-]+)*\/?/gmu;
/** "Họ và tên:", "Họ tên ……", "Tên: ____" (folded: no diacritics, lower case). */
const NAME_LINE = /\bho (?:va )?ten\b\s*[:.…_]|\bten(?: em| hoc sinh)?\s*:\s*[._…]{3,}/u;
const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

/** Bare paths found in a text, for the rule and for tests over generated files. */
export function barePaths(text: string): string[] {
  return [...text.matchAll(BARE_PATH)].map((match) => match[0]);
}

export function barePathProblems(fields: readonly TextField[]): string[] {
  return fields.flatMap(({ path, text }) =>
    barePaths(text).map(
      (found) =>
        `${path}: “${found}” is a bare path, which means nothing on paper: name the page instead (“trang gửi tin tố giác của Cổng thông tin (địa chỉ và mã QR in ở cuối trang)”); the files print the address and QR codes`,
    ),
  );
}

/** True when a text asks for the reader's name. */
export function asksForName(text: string): boolean {
  return NAME_LINE.test(foldVietnamese(text));
}

export function nameLineProblems(fields: readonly TextField[]): string[] {
  return fields
    .filter(({ text }) => asksForName(text))
    .map(({ path }) => `${path}: asks for the reader's name; handouts, quizzes and cards are anonymous`);
}

/** Placeholders other than the ones allowed (`{{portalAddress}}` in a material's body). */
export function placeholderProblems(fields: readonly TextField[], allowed: readonly string[] = []): string[] {
  return fields.flatMap(({ path, text }) =>
    [...text.matchAll(PLACEHOLDER)]
      .filter((match) => !allowed.includes(match[0]))
      .map((match) =>
        allowed.length
          ? `${path}: unknown placeholder ${match[0]} (only ${allowed.join(', ')} is filled in)`
          : `${path}: placeholder ${match[0]} is never filled in here; write the text itself`,
      ),
  );
}
