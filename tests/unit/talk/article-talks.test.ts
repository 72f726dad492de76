import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { firstFigure } from '../../../src/lib/first-figure.ts';
import { articleText, validateSteps } from '../../../src/lib/charts/steps.ts';
import { isFigureId } from '../../../src/lib/charts/index.ts';
import { stepState, talkFromSteps } from '../../../src/lib/talk/talk.ts';

const DIR = 'src/content/articles';
const articles = readdirSync(DIR)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => {
    const source = readFileSync(join(DIR, f), 'utf8');
    const front = YAML.parse(/^---\n([\s\S]*?)\n---\n/.exec(source)![1]!) as { talk?: { figure: string; steps: unknown[] } };
    return { slug: f.replace(/\.mdx$/, ''), source, talk: front.talk };
  });

describe("each article's own sequence", () => {
  it('exists for every article with a figure, on one of the site’s figures', () => {
    const withFigures = articles.filter((a) => firstFigure(a.source) !== undefined);
    expect(withFigures.length).toBeGreaterThanOrEqual(6);
    for (const a of withFigures) {
      expect(a.talk, a.slug).toBeDefined();
      expect(isFigureId(a.talk!.figure), a.slug).toBe(true);
    }
  });

  it('validates against its article and makes a talk whose every step draws', () => {
    for (const a of articles.filter((x) => x.talk)) {
      const steps = validateSteps(a.talk!.steps, articleText(a.source));
      const talk = talkFromSteps(a.slug, a.talk!.figure as Parameters<typeof talkFromSteps>[1], steps, `articles/${a.slug}/`);
      expect(talk.steps.length, a.slug).toBeGreaterThanOrEqual(3);
      for (const s of talk.steps) expect(stepState(s).values, `${a.slug}: ${s.caption}`).toBeDefined();
      // Captions are the article's sentences, word for word.
      for (const s of talk.steps) expect(articleText(a.source)).toContain(s.caption);
    }
  });
});
