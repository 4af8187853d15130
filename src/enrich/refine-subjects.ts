/**
 * Corpus-level refinement of subjects: articles whose keywords name one subject clearly teach each
 * subject's vocabulary in this archive (a centroid of their TF-IDF vectors), and every article's
 * subjects are then re-ranked by keywords and by likeness to those centroids together. This is the
 * classic bootstrapping of a keyword ("dataless") classifier: no labels, no training data, and it
 * adapts to whatever archive it runs on, such as a desk's own names for its parties and teams.
 */
import type { Article, Subject } from '../content/article.ts';
import type { TermVectors } from './term-vectors.ts';

/** A clear article's top subject scores at least this... */
const MIN_TEACHER_SCORE = 4;
/** ...and its runner-up at most this share of it. */
const MAX_RUNNER_UP_SHARE = 0.6;
/** Below this many clear articles an archive is too small to learn from; subjects stay as the keywords ranked them. */
const MIN_TEACHERS = 50;
/** A subject needs this many clear articles for a centroid. */
const MIN_TEACHERS_PER_SUBJECT = 5;
/** How much likeness to a centroid counts against the keyword share (both range 0..1). */
const CENTROID_WEIGHT = 1;

/** A subject's centroid: a weight per feature id (0 where none), and its features in the order they joined it. */
interface Centroid {
  readonly weights: Float64Array;
  readonly members: number[];
}

/** Each article's subjects re-ranked; articles whose archive is too small come back unchanged. Pure. */
export function refineSubjects(articles: readonly Article[], vectors: TermVectors): Array<readonly Subject[]> {
  // Centroids are dense over the feature ids (a few subjects times the vocabulary), not maps: an
  // article's likeness reads one slot per feature instead of hashing it in a large map.
  const { starts, features, weights: vectorWeights, featureRange } = vectors;
  const centroids = new Map<string, Centroid>();
  const teachers = new Map<string, number>();
  articles.forEach((article, i) => {
    const [top, second] = article.subjects;
    if (top === undefined || top.score < MIN_TEACHER_SCORE || (second !== undefined && second.score > top.score * MAX_RUNNER_UP_SHARE)) return;
    teachers.set(top.id, (teachers.get(top.id) ?? 0) + 1);
    let centroid = centroids.get(top.id);
    if (centroid === undefined) centroids.set(top.id, (centroid = { weights: new Float64Array(featureRange), members: [] }));
    for (let f = starts[i]!; f < starts[i + 1]!; f++) {
      const feature = features[f]!;
      if (centroid.weights[feature] === 0) centroid.members.push(feature);
      centroid.weights[feature]! += vectorWeights[f]!;
    }
  });
  const total = [...teachers.values()].reduce((s, n) => s + n, 0);
  for (const [id, n] of teachers) if (n < MIN_TEACHERS_PER_SUBJECT) centroids.delete(id);
  if (total < MIN_TEACHERS || centroids.size < 2) return articles.map((a) => a.subjects);
  for (const { weights, members } of centroids.values()) {
    // Summed in the order the features joined, as the length of a map in insertion order would be.
    let sum = 0;
    for (const feature of members) sum += weights[feature]! * weights[feature]!;
    const norm = Math.sqrt(sum) || 1;
    for (const feature of members) weights[feature] = weights[feature]! / norm;
  }
  // Sums in the order the subjects are listed, as before: the same scores to the last bit.
  const likeness: number[] = [];
  const refined: Array<readonly Subject[]> = [];
  for (let i = 0; i < articles.length; i++) {
    const subjects = articles[i]!.subjects;
    if (subjects.length < 2) {
      refined.push(subjects);
      continue;
    }
    let keywordTotal = 0;
    let likenessTotal = 0;
    likeness.length = 0;
    for (const subject of subjects) {
      keywordTotal += subject.score;
      const centroid = centroids.get(subject.id);
      let dot = 0;
      if (centroid !== undefined) for (let f = starts[i]!; f < starts[i + 1]!; f++) dot += centroid.weights[features[f]!]! * vectorWeights[f]!;
      likeness.push(dot);
      likenessTotal += dot;
    }
    likenessTotal ||= 1;
    const ranked: Subject[] = [];
    for (let k = 0; k < subjects.length; k++) {
      const subject = subjects[k]!;
      ranked.push({ ...subject, score: Math.round((subject.score / keywordTotal + (CENTROID_WEIGHT * likeness[k]!) / likenessTotal) * 1000) / 100 });
    }
    refined.push(ranked.sort((a, b) => b.score - a.score));
  }
  return refined;
}
