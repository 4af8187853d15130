/** An article's topics (display names) when front matter does not declare them. */
import type { Subject } from '../content/article.ts';
import type { CountryWeight } from './find-entities.ts';

/** Evidence below this score is too thin to name a subject as a topic. */
const MIN_SUBJECT_SCORE = 2;

/** A second subject is a topic too when it scores at least this share of the first. */
const SECOND_SUBJECT_SHARE = 0.6;

/** Most subjects and most countries an article lists as topics. */
const MAX_SUBJECT_TOPICS = 2;
const MAX_COUNTRY_TOPICS = 3;

/**
 * The rule: the top subject (when its evidence is not thin), plus the runner-up when it scores at
 * least 60% of the top; then the prominent countries, those named in the title or lede or at
 * least twice (demonyms, capitals and seats of government count for their country), at most three.
 * Subjects and countries are what readers browse a news archive by; people and organisations
 * have pages of their own already. Pure.
 */
export function chooseTopics(subjects: readonly Subject[], countries: readonly CountryWeight[]): string[] {
  const topics = subjectTopics(subjects);
  for (const country of countries.filter((c) => c.early || c.mentions >= 2).slice(0, MAX_COUNTRY_TOPICS)) topics.push(country.name);
  return topics;
}

/** The subject part of the rule above: display labels of the top subject and a close runner-up. */
export function subjectTopics(subjects: readonly Subject[]): string[] {
  const topics: string[] = [];
  const top = subjects[0];
  if (top !== undefined && top.score >= MIN_SUBJECT_SCORE) {
    for (const subject of subjects.slice(0, MAX_SUBJECT_TOPICS)) {
      if (subject.score >= top.score * SECOND_SUBJECT_SHARE) topics.push(displayLabel(subject.label));
    }
  }
  return topics;
}

/** "economy, business and finance" → "Economy, business and finance": a label reads as a heading. */
export function displayLabel(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}
