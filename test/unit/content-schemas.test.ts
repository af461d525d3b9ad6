import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { splitFrontMatter } from '#server/materials/load-materials.ts';
import { describeIssues, kitSchema, materialSchema } from '#shared/content-schemas.ts';

/* The schemas of content/SCHEMA.md, on the test fixtures (test/fixtures/content); real-content.test.ts runs over content/. */

const fixtures = fileURLToPath(new URL('../fixtures/content', import.meta.url));
const goodKit = () => structuredClone(yaml.load(readFileSync(`${fixtures}/kits/thcs-mau/kit.yaml`, 'utf8')) as Record<string, any>);
const problems = (data: unknown) => {
  const parsed = kitSchema.safeParse(data);
  return parsed.success ? '' : describeIssues(parsed.error);
};

describe('kit schema', () => {
  it('accepts the fixture kits', () => {
    for (const slug of ['thcs-mau', 'thcs-mau-tiep-noi', 'ban-bien-gioi-mau']) {
      expect(problems(yaml.load(readFileSync(`${fixtures}/kits/${slug}/kit.yaml`, 'utf8'))), slug).toBe('');
    }
  });

  it('rejects a kit whose duration is not the sum of its activities', () => {
    const kit = goodKit();
    kit.durationMinutes = 50;
    expect(problems(kit)).toBe('durationMinutes: durationMinutes is 50 but the activities add up to 45 minutes');
  });

  it('rejects a quiz answer that points past the options', () => {
    const kit = goodKit();
    kit.quiz[0].answer = 4;
    expect(problems(kit)).toMatch(/^quiz\.0\.answer: answer 4 points past the last option \(there are 2/);
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

  it('rejects objectives outside the three parts of the 2018 programme and counts outside the limits', () => {
    const kit = goodKit();
    kit.objectives = { knowledge: [], competences: ['a', 'b', 'c', 'd', 'e'], qualities: ['a'], skills: ['x'] };
    kit.quiz = kit.quiz.slice(0, 5);
    kit.slides[0].bullets = ['1', '2', '3', '4', '5', '6'];
    kit.quiz[1].options = ['only one'];
    const message = problems(kit);
    expect(message).toContain('objectives.knowledge: at least 1 knowledge objectives');
    expect(message).toContain('objectives.competences: at most 4 competences');
    expect(message).toContain('objectives: Unrecognized key: "skills"');
    expect(message).toContain('quiz: at least 6 quiz questions');
    expect(message).toContain('slides.0.bullets: at most 5 bullets on a slide');
    expect(message).toContain('quiz.1.options: at least 2 options');
  });

  it('rejects an activity without the four parts of Công văn 5512', () => {
    const kit = goodKit();
    delete kit.activities[1].objective;
    delete kit.activities[1].product;
    const message = problems(kit);
    expect(message).toContain('activities.1.objective:');
    expect(message).toContain('activities.1.product:');
  });

  it('requires where a school kit fits in the 2018 programme, and grades only on school kits', () => {
    const thcs = goodKit();
    delete thcs.programme;
    thcs.grades = [6, 10];
    expect(problems(thcs)).toBe(
      'programme: a thcs-students kit says where it fits in the 2018 general-education programme (subjects and strands, no lesson numbers)\n' +
        'grades: grade 10 is outside thcs-students (6–9)',
    );
    const parents = goodKit();
    parents.audience = 'parents';
    expect(problems(parents)).toBe('grades: grades are only for school kits, not for parents');
  });

  it('accepts the new audiences, and rejects an unknown pictogram, a long card and a follows that is not a slug', () => {
    const kit = goodKit();
    delete kit.grades;
    delete kit.programme;
    kit.audience = 'business-owners';
    expect(problems(kit)).toBe('');
    kit.handouts[0].sections[0].pictogram = 'skull';
    kit.cards[0].text = 'x'.repeat(401);
    kit.follows = 'Bài trước';
    const message = problems(kit);
    expect(message).toContain('handouts.0.sections.0.pictogram:');
    expect(message).toContain('cards.0.text: at most 400 characters');
    expect(message).toContain('follows: the slug of another kit');
  });

  it('rejects a handout section without text and a citation with an unknown field', () => {
    const kit = goodKit();
    kit.handouts[0].sections[0] = { heading: 'Trống' };
    kit.legal[0].current = true;
    const message = problems(kit);
    expect(message).toContain('handouts.0.sections.0: a handout section needs paragraphs or bullets');
    expect(message).toContain('legal.0: Unrecognized key: "current"');
  });
});

describe('material schema', () => {
  const schema = materialSchema(z.string());
  const frontMatter = (name: string) => splitFrontMatter(readFileSync(`${fixtures}/materials/${name}`, 'utf8')).frontMatter as Record<string, any>;

  it('accepts the fixtures, with the new audiences and topics', () => {
    for (const name of ['loa-mau.md', 'luat-mau.md']) {
      const parsed = schema.safeParse(frontMatter(name));
      expect(parsed.success ? '' : describeIssues(parsed.error), name).toBe('');
    }
  });

  it('requires the legal list (empty when the text names no document) and rejects an unknown topic, a long summary, no sources and a cover without alt text', () => {
    const material = frontMatter('luat-mau.md');
    delete material.legal;
    material.topics = ['gossip'];
    material.summary = 'x'.repeat(221);
    material.sources = [];
    delete material.cover.alt;
    const parsed = schema.safeParse(material);
    expect(parsed.success).toBe(false);
    const message = describeIssues(parsed.error!);
    for (const path of ['legal:', 'topics.0:', 'summary: at most 220', 'sources: at least one', 'cover.alt:']) expect(message).toContain(path);
  });
});
