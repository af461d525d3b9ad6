import { z } from 'zod';

/*
 * The content schemas of content/SCHEMA.md, in a plain module: src/content.config.ts hands them to Astro
 * (a wrong field fails the build), and tests and the kit generators import them without Astro.
 */

/** Who a material is written for. */
export const AUDIENCES = ['citizens', 'thcs-students', 'thpt-students', 'parents', 'teachers', 'commune-officers'] as const;
/** Who a lesson kit is taught to: every audience except citizens at large. */
export const KIT_AUDIENCES = ['thcs-students', 'thpt-students', 'parents', 'commune-officers', 'teachers'] as const;
/** What a material is about; the materials index has a filter page for each. */
export const TOPICS = [
  'harms',
  'laughing-gas',
  'disguised-drugs',
  'recruitment',
  'parenting',
  'law',
  'treatment',
  'reporting',
  'movement',
  'border',
  'loudspeaker',
] as const;

export type Audience = (typeof AUDIENCES)[number];
export type KitAudience = (typeof KIT_AUDIENCES)[number];
export type Topic = (typeof TOPICS)[number];

/** Lowercase ASCII words joined by hyphens: a slug is a URL segment and a download file name. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (max?: number) => {
  const base = z.string().trim().min(1, 'must not be empty');
  return max ? base.max(max, `at most ${max} characters`) : base;
};
/** YAML turns `2026-11-30` into a Date; a quoted string is accepted too. */
const reviewedDate = z.coerce.date({ error: 'a date such as 2026-11-30' });
const nonEmptyList = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'at least one');

/** One reference that the facts of a material or kit come from. */
export const sourceSchema = z.strictObject({
  /** Title of the law, decision, article or page. */
  title: text(),
  /** Who published it (Quốc hội, Chính phủ, a newspaper, an agency). */
  publisher: text(),
  /** A real, stable address; left out when there is none we are sure of. */
  url: z.url({ protocol: /^https?$/, error: 'an http(s) address' }).optional(),
});

/**
 * A material's front matter. The cover image schema comes from the caller: Astro's `image()` in
 * content.config.ts (so astro:assets processes it), a plain string in tests.
 */
export function materialSchema<Image extends z.ZodType>(coverImage: Image) {
  return z.strictObject({
    /** Vietnamese title in sentence case; it is the page's h1. */
    title: text(90),
    /** One or two sentences for lists and the meta description. */
    summary: text(220),
    /** Who the material is written for; feeds the audience filter pages. */
    audiences: z.array(z.enum(AUDIENCES)).min(1, 'at least one audience'),
    /** What it is about; feeds the topic filter pages. */
    topics: z.array(z.enum(TOPICS)).min(1, 'at least one topic'),
    /** Whole minutes to read, at about 200 Vietnamese words a minute. */
    readingMinutes: z.int().min(1).max(60),
    /** When the content was last checked against its sources (shown as dd/mm/yyyy). */
    reviewed: reviewedDate,
    /** The illustration at the top of the page. */
    cover: z.strictObject({
      /** An original SVG in content/materials/images/, rasterised to AVIF/WebP at build time. */
      src: coverImage,
      /** Vietnamese text that says what the picture shows. */
      alt: text(300),
    }),
    /** Where every fact in the text comes from; at least one. */
    sources: nonEmptyList(sourceSchema),
  });
}

/** One timed step of a lesson. */
export const activitySchema = z.strictObject({
  /** What the step is, e.g. "Khởi động: Đúng hay sai?". */
  title: text(),
  /** How long it takes; the kit's duration is the sum of these. */
  minutes: z.int().min(1).max(90),
  /** What the facilitator does and says, in order. */
  steps: nonEmptyList(text()),
  /** An optional tip for the facilitator. */
  notes: text().optional(),
});

/** A block of a one-page handout. */
export const handoutSectionSchema = z
  .strictObject({
    /** The block's heading. */
    heading: text(),
    /** Running text, if any. */
    paragraphs: nonEmptyList(text()).optional(),
    /** A list, if any. */
    bullets: nonEmptyList(text()).optional(),
  })
  .refine((section) => section.paragraphs || section.bullets, { error: 'a handout section needs paragraphs or bullets' });

/** A one-page sheet for students or participants. */
export const handoutSchema = z.strictObject({
  /** The sheet's title. */
  title: text(),
  /** Its blocks, in order. */
  sections: nonEmptyList(handoutSectionSchema),
});

/** A multiple-choice question with its answer key. */
export const quizQuestionSchema = z
  .strictObject({
    /** The question. */
    question: text(),
    /** Two to four options. */
    options: z.array(text()).min(2, 'at least 2 options').max(4, 'at most 4 options'),
    /** Zero-based index of the right option. */
    answer: z.int().min(0),
    /** Why the answer is right; printed in the answer key. */
    explanation: text(),
  })
  .refine((question) => question.answer < question.options.length, {
    error: (issue) => {
      const { answer, options } = issue.input as { answer: number; options: unknown[] };
      return `answer ${answer} points past the last option (there are ${options.length}; the index starts at 0)`;
    },
    path: ['answer'],
  });

/** One slide of the PowerPoint. */
export const slideSchema = z.strictObject({
  /** The slide's title. */
  title: text(),
  /** At most five short bullets. */
  bullets: z.array(text()).max(5, 'at most 5 bullets on a slide'),
  /** Optional speaker notes. */
  notes: text().optional(),
});

/** The grades each school audience spans (THCS: lower secondary, THPT: upper secondary). */
const GRADE_BANDS: Partial<Record<KitAudience, { from: number; to: number }>> = {
  'thcs-students': { from: 6, to: 9 },
  'thpt-students': { from: 10, to: 12 },
};

/** A lesson kit (content/kits/<slug>/kit.yaml). */
export const kitSchema = z
  .strictObject({
    /** The lesson's title, shown on the page and on every document. */
    title: text(),
    /** What the lesson is, for lists and the meta description. */
    summary: text(220),
    /** Who the lesson is taught to. */
    audience: z.enum(KIT_AUDIENCES),
    /** School grades (6–12), only for school kits. */
    grades: z.array(z.int().min(6).max(12)).min(1).optional(),
    /** Length of the lesson; must equal the sum of the activities' minutes. */
    durationMinutes: z.int().min(10).max(240),
    /** Three to five learning objectives, each starting with a verb. */
    objectives: z.array(text()).min(3, 'at least 3 objectives').max(5, 'at most 5 objectives'),
    /** What the facilitator prepares beforehand. */
    preparation: nonEmptyList(text()),
    /** Four to seven timed, interactive steps. */
    activities: z.array(activitySchema).min(4, 'at least 4 activities').max(7, 'at most 7 activities'),
    /** Four to eight open questions. */
    discussionQuestions: z.array(text()).min(4, 'at least 4 questions').max(8, 'at most 8 questions'),
    /** One or two one-page handouts. */
    handouts: z.array(handoutSchema).min(1, 'at least 1 handout').max(2, 'at most 2 handouts'),
    /** Six to ten multiple-choice questions with the answer key. */
    quiz: z.array(quizQuestionSchema).min(6, 'at least 6 quiz questions').max(10, 'at most 10 quiz questions'),
    /** Six to fourteen slides for the PowerPoint. */
    slides: z.array(slideSchema).min(6, 'at least 6 slides').max(14, 'at most 14 slides'),
    /** Where the facts come from. */
    sources: nonEmptyList(sourceSchema),
    /** When the kit was last checked against its sources. */
    reviewed: reviewedDate,
  })
  .superRefine((kit, context) => {
    const sum = kit.activities.reduce((total, activity) => total + activity.minutes, 0);
    if (sum !== kit.durationMinutes) {
      context.addIssue({
        code: 'custom',
        path: ['durationMinutes'],
        message: `durationMinutes is ${kit.durationMinutes} but the activities add up to ${sum} minutes`,
      });
    }
    const schoolAudience = kit.audience === 'thcs-students' || kit.audience === 'thpt-students';
    if (!schoolAudience && kit.grades) {
      context.addIssue({ code: 'custom', path: ['grades'], message: `grades are only for school kits, not for ${kit.audience}` });
    }
    const band = GRADE_BANDS[kit.audience];
    for (const grade of band ? (kit.grades ?? []) : []) {
      if (band && (grade < band.from || grade > band.to)) {
        context.addIssue({ code: 'custom', path: ['grades'], message: `grade ${grade} is outside ${kit.audience} (${band.from}–${band.to})` });
      }
    }
  });

export type KitSource = z.infer<typeof sourceSchema>;
export type Kit = z.infer<typeof kitSchema>;
export type KitActivity = z.infer<typeof activitySchema>;
export type KitHandout = z.infer<typeof handoutSchema>;
export type KitQuizQuestion = z.infer<typeof quizQuestionSchema>;
export type KitSlide = z.infer<typeof slideSchema>;

/** A readable, one-line-per-problem summary of a failed parse, for build errors and test messages. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
}
