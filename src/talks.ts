/**
 * Every article's own sequence (its frontmatter `talk`) as a talk: what the talk page offers
 * to open and edit, and what the build writes as each article's offline files. The steps are
 * validated as presenter mode validates them (sentences word for word in the article).
 */
import { getCollection } from 'astro:content';
import { isFigureId } from './lib/charts/index.ts';
import { articleText, validateSteps } from './lib/charts/steps.ts';
import { paths } from './lib/routes.ts';
import { talkFromSteps, type Talk } from './lib/talk/talk.ts';

export interface ArticleTalk {
  /** The article's slug. */
  readonly slug: string;
  /** The article's title. */
  readonly title: string;
  readonly talk: Talk;
}

/** Each article with a sequence, in reading order. */
export async function articleTalks(): Promise<ArticleTalk[]> {
  const articles = (await getCollection('articles')).sort((a, b) => a.data.order - b.data.order);
  return articles.flatMap((a) => {
    const own = a.data.talk;
    if (!own || a.body === undefined) return [];
    if (!isFigureId(own.figure)) throw new Error(`${a.id}: talk.figure "${own.figure}" is no figure`);
    const steps = validateSteps(own.steps, articleText(a.body));
    return [{ slug: a.id, title: a.data.title, talk: talkFromSteps(a.data.title, own.figure, steps, paths.article(a.id)) }];
  });
}
