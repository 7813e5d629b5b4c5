/**
 * Word counts and the Flesch-Kincaid grade, for the content check's printout. The grade is an
 * English formula (Kincaid et al., 1975): 0.39 × words per sentence + 11.8 × syllables per word
 * − 15.59. Syllables are counted by vowel groups, the usual approximation; it is close enough to
 * tell grade 7 from grade 10, which is what the check needs.
 */

/** Words as a reader sees them: letters or digits, with an inner apostrophe or hyphen kept (`don't`, `17–20`). */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’\-–][\p{L}\p{N}]+)*/gu) ?? [];
}

export function wordCount(text: string): number {
  return words(text).length;
}

/** Sentences end at . ! ? (or at the end of a string: a label or a title is one sentence). */
export function sentenceCount(text: string): number {
  const parts = text.split(/[.!?]+(?:[’'")\]]*)(?:\s+|$)/u).filter((s) => words(s).length > 0);
  return Math.max(parts.length, words(text).length > 0 ? 1 : 0);
}

export function englishSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  // Numbers are read as words ("seventeen"); count them as two syllables rather than none.
  if (w.length === 0) return /\d/.test(word) ? 2 : 0;
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, (m) => m.slice(0, 1)).replace(/^y/, '');
  const groups = trimmed.match(/[aeiouy]+/g)?.length ?? 0;
  return Math.max(1, groups);
}

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  grade: number;
}

/** The Flesch-Kincaid grade of a body of English text given as separate strings (each ends a sentence). */
export function fleschKincaid(texts: readonly string[]): Readability {
  let wordTotal = 0;
  let sentences = 0;
  let syllables = 0;
  for (const text of texts) {
    const ws = words(text);
    if (ws.length === 0) continue;
    wordTotal += ws.length;
    sentences += sentenceCount(text);
    for (const w of ws) syllables += englishSyllables(w);
  }
  if (wordTotal === 0) return { words: 0, sentences: 0, syllables: 0, grade: 0 };
  const grade = 0.39 * (wordTotal / sentences) + 11.8 * (syllables / wordTotal) - 15.59;
  return { words: wordTotal, sentences, syllables, grade: Math.round(grade * 10) / 10 };
}
