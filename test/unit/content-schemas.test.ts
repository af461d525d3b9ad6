import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadKits } from '#server/kits/load-kits.ts';
import { describeIssues, kitSchema, materialSchema, SLUG_PATTERN } from '#shared/content-schemas.ts';

const contentDir = fileURLToPath(new URL('../../content', import.meta.url));
const goodKit = () => structuredClone(yaml.load(readFileSync(`${contentDir}/kits/thcs-lop-6-7/kit.yaml`, 'utf8')) as Record<string, any>);
const problems = (data: unknown) => {
  const parsed = kitSchema.safeParse(data);
  return parsed.success ? '' : describeIssues(parsed.error);
};

describe('kit schema', () => {
  it('accepts every kit in content/kits', () => {
    expect(loadKits(contentDir).map(({ slug }) => slug)).toHaveLength(6);
  });

  it('rejects a kit whose duration is not the sum of its activities', () => {
    const kit = goodKit();
    kit.durationMinutes = 50;
    expect(problems(kit)).toBe('durationMinutes: durationMinutes is 50 but the activities add up to 45 minutes');
  });

  it('rejects a quiz answer that points past the options', () => {
    const kit = goodKit();
    kit.quiz[0].answer = 4;
    expect(problems(kit)).toMatch(/^quiz\.0\.answer: answer 4 points past the last option \(there are 4/);
  });

  it('rejects a missing field, an unknown field and a wrong audience', () => {
    const kit = goodKit();
    delete kit.objectives;
    kit.objective = ['typo'];
    kit.audience = 'citizens';
    const message = problems(kit);
    expect(message).toContain('objectives:');
    expect(message).toContain('objective');
    expect(message).toContain('audience:');
  });

  it('rejects counts outside the limits of content/SCHEMA.md', () => {
    const kit = goodKit();
    kit.objectives = kit.objectives.slice(0, 2);
    kit.quiz = kit.quiz.slice(0, 5);
    kit.slides[0].bullets = ['1', '2', '3', '4', '5', '6'];
    kit.quiz[1].options = ['only one'];
    const message = problems(kit);
    expect(message).toContain('objectives: at least 3 objectives');
    expect(message).toContain('quiz: at least 6 quiz questions');
    expect(message).toContain('slides.0.bullets: at most 5 bullets on a slide');
    expect(message).toContain('quiz.1.options: at least 2 options');
  });

  it('rejects grades outside the school level and grades on a non-school kit', () => {
    const thcs = goodKit();
    thcs.grades = [6, 10];
    expect(problems(thcs)).toBe('grades: grade 10 is outside thcs-students (6–9)');
    const parents = goodKit();
    parents.audience = 'parents';
    expect(problems(parents)).toBe('grades: grades are only for school kits, not for parents');
  });

  it('rejects an activity without minutes and a handout section without text', () => {
    const kit = goodKit();
    delete kit.activities[2].minutes;
    kit.handouts[0].sections[0] = { heading: 'Trống' };
    const message = problems(kit);
    expect(message).toContain('activities.2.minutes');
    expect(message).toContain('handouts.0.sections.0: a handout section needs paragraphs or bullets');
  });
});

describe('material schema', () => {
  const schema = materialSchema(z.string());
  const files = readdirSync(`${contentDir}/materials`).filter((name) => name.endsWith('.md'));
  const frontMatter = (name: string) => yaml.load(readFileSync(`${contentDir}/materials/${name}`, 'utf8').split(/^---$/m)[1]!) as Record<string, any>;

  it.each(files)('accepts %s, whose name is an ASCII slug', (name) => {
    expect(name.replace(/\.md$/, '')).toMatch(SLUG_PATTERN);
    const parsed = schema.safeParse(frontMatter(name));
    expect(parsed.success ? '' : describeIssues(parsed.error)).toBe('');
  });

  it('rejects an unknown topic, a long summary, no sources and a cover without alt text', () => {
    const material = frontMatter(files[0]!);
    material.topics = ['gossip'];
    material.summary = 'x'.repeat(221);
    material.sources = [];
    delete material.cover.alt;
    const parsed = schema.safeParse(material);
    expect(parsed.success).toBe(false);
    const message = describeIssues(parsed.error!);
    for (const path of ['topics.0:', 'summary: at most 220', 'sources: at least one', 'cover.alt:']) expect(message).toContain(path);
  });
});
