import { z } from 'zod';
import { citationSchema } from './legal/registry-schema.ts';

/*
 * The content schemas of content/SCHEMA.md, in a plain module: src/content.config.ts hands them to Astro
 * (a wrong field fails the build), and tests and the kit generators import them without Astro.
 */

/** Who a material is written for. */
export const AUDIENCES = [
  'citizens',
  'thcs-students',
  'thpt-students',
  'young-adults',
  'parents',
  'teachers',
  'commune-officers',
  'business-owners',
  'workers',
  'coastal-communities',
  'border-villages',
] as const;
/** Who a lesson kit is taught to, in the order a teacher scans the list: the youngest pupils first. */
export const KIT_AUDIENCES = [
  'thcs-students',
  'thpt-students',
  'young-adults',
  'parents',
  'workers',
  'business-owners',
  'border-villages',
  'commune-officers',
  'teachers',
] as const;
/** School audiences: their kits name grades and where they fit in the 2018 general-education programme. */
export const SCHOOL_AUDIENCES = ['thcs-students', 'thpt-students'] as const;
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
  'e-cigarettes',
  'venues',
  'coast',
] as const;

export type Audience = (typeof AUDIENCES)[number];
export type KitAudience = (typeof KIT_AUDIENCES)[number];
export type Topic = (typeof TOPICS)[number];

/** Simple pictures a low-literacy handout shows beside a section heading (drawn by server/kits/pictograms.ts). */
export const PICTOGRAMS = ['phone', 'police', 'stop', 'eye', 'family', 'boat', 'border', 'pill', 'leaf', 'question', 'school', 'heart'] as const;
export type Pictogram = (typeof PICTOGRAMS)[number];

/** Lowercase ASCII words joined by hyphens: a slug is a URL segment and a download file name. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (max?: number) => {
  const base = z.string().trim().min(1, 'must not be empty');
  return max ? base.max(max, `at most ${max} characters`) : base;
};
/** YAML turns `2026-12-04` into a Date; a quoted string is accepted too. */
const reviewedDate = z.coerce.date({ error: 'a date such as 2026-12-04' });
const nonEmptyList = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'at least one');
const between = <T extends z.ZodType>(item: T, min: number, max: number, what: string) =>
  z.array(item).min(min, `at least ${min} ${what}`).max(max, `at most ${max} ${what}`);

/** One reference that the facts of a material or kit come from. */
export const sourceSchema = z.strictObject({
  /** Title of the law, decision, article or page. */
  title: text(),
  /** Who published it (Quốc hội, Chính phủ, a newspaper, an agency). */
  publisher: text(),
  /** A real, stable address; left out when there is none we are sure of. */
  url: z.url({ protocol: /^https?$/, error: 'an http(s) address' }).optional(),
});

/** Every registry document the text names, by id ([] when it names none); checked against content/legal/documents.yaml. */
const legalList = z.array(citationSchema);

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
    /** The day the item was checked against FACTS.md and the legal registry (shown as dd/mm/yyyy). */
    reviewed: reviewedDate,
    /** The illustration at the top of the page. */
    cover: z.strictObject({
      /** An original SVG in content/materials/images/, rasterised to AVIF/WebP at build time. */
      src: coverImage,
      /** Vietnamese text that says what the picture shows. */
      alt: text(300),
    }),
    /** Registry documents the text names ("Căn cứ pháp lý"); a replaced one needs `historical: true`. */
    legal: legalList,
    /** Where every fact in the text comes from; at least one. */
    sources: nonEmptyList(sourceSchema),
  });
}

/** One activity of the lesson, in the four parts of Công văn 5512's "kế hoạch bài dạy". */
export const activitySchema = z.strictObject({
  /** "Hoạt động 1: Khởi động — Đúng hay sai?". */
  title: text(),
  /** How long it takes; the kit's duration is the sum of these. */
  minutes: z.int().min(1).max(90),
  /** a) Mục tiêu: what the activity achieves. */
  objective: text(),
  /** b) Nội dung: what the learners work on. */
  content: text(),
  /** c) Sản phẩm: what they produce. */
  product: text(),
  /** d) Tổ chức thực hiện: what the facilitator does and says, in order. */
  steps: nonEmptyList(text()),
  /** An optional tip for the facilitator. */
  notes: text().optional(),
});

/** A printable cut-out card (a scenario, a role, a true/false statement). */
export const cardSchema = z.strictObject({
  /** "Thẻ tình huống 1". */
  title: text(80),
  /** What the card says. */
  text: text(400),
});

/** A block of a one-page handout. */
export const handoutSectionSchema = z
  .strictObject({
    /** The block's heading. */
    heading: text(),
    /** A simple picture beside the heading, for readers who read little. */
    pictogram: z.enum(PICTOGRAMS).optional(),
    /** Running text, if any. */
    paragraphs: nonEmptyList(text()).optional(),
    /** A list, if any. */
    bullets: nonEmptyList(text()).optional(),
  })
  .refine((section) => section.paragraphs || section.bullets, { error: 'a handout section needs paragraphs or bullets' });

/** A one-page sheet for students or participants; anonymous (no line asks for a name). */
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

export const isSchoolAudience = (audience: KitAudience) => (SCHOOL_AUDIENCES as readonly string[]).includes(audience);

/** A lesson kit (content/kits/<slug>/kit.yaml), in the order of a "kế hoạch bài dạy" (Công văn 5512). */
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
    /** The slug of the lesson this one follows, for a series (a follow-up lesson). */
    follows: text().regex(SLUG_PATTERN, 'the slug of another kit').optional(),
    /** Where a school lesson fits in the 2018 general-education programme (subjects and strands, no lesson numbers). */
    programme: text(400).optional(),
    /** Length of the lesson; must equal the sum of the activities' minutes. */
    durationMinutes: z.int().min(10).max(240),
    /** I. Mục tiêu, in the three parts of the 2018 programme. */
    objectives: z.strictObject({
      /** 1. Kiến thức: one to four, each starting with a verb ("Nêu được…"). */
      knowledge: between(text(), 1, 4, 'knowledge objectives'),
      /** 2. Năng lực: one to four. */
      competences: between(text(), 1, 4, 'competences'),
      /** 3. Phẩm chất: one to three. */
      qualities: between(text(), 1, 3, 'qualities'),
    }),
    /** II. Thiết bị dạy học và học liệu: what the facilitator prepares. */
    preparation: nonEmptyList(text()),
    /** III. Tiến trình dạy học: four to seven activities. */
    activities: between(activitySchema, 4, 7, 'activities'),
    /** Printable cut-out cards the activities use. */
    cards: between(cardSchema, 1, 16, 'cards').optional(),
    /** Four to eight open questions. */
    discussionQuestions: between(text(), 4, 8, 'questions'),
    /** One or two one-page handouts. */
    handouts: between(handoutSchema, 1, 2, 'handouts'),
    /** Six to ten multiple-choice questions with the answer key; anonymous. */
    quiz: between(quizQuestionSchema, 6, 10, 'quiz questions'),
    /** Six to fourteen slides for the PowerPoint. */
    slides: between(slideSchema, 6, 14, 'slides'),
    /** Registry documents the kit names ("Căn cứ pháp lý"); a replaced one needs `historical: true`. */
    legal: legalList,
    /** Where the facts come from. */
    sources: nonEmptyList(sourceSchema),
    /** The day the kit was checked against FACTS.md and the legal registry. */
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
    const school = isSchoolAudience(kit.audience);
    if (!school && kit.grades) {
      context.addIssue({ code: 'custom', path: ['grades'], message: `grades are only for school kits, not for ${kit.audience}` });
    }
    if (school && !kit.programme) {
      context.addIssue({
        code: 'custom',
        path: ['programme'],
        message: `a ${kit.audience} kit says where it fits in the 2018 general-education programme (subjects and strands, no lesson numbers)`,
      });
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
export type KitCard = z.infer<typeof cardSchema>;
export type KitHandout = z.infer<typeof handoutSchema>;
export type KitQuizQuestion = z.infer<typeof quizQuestionSchema>;
export type KitSlide = z.infer<typeof slideSchema>;

/** A readable, one-line-per-problem summary of a failed parse, for build errors and test messages. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
}
