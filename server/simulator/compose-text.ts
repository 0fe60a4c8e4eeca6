import type { ConversationFacts } from './conversation-facts';
import { codeIdentifiers, firstSentence, keywords, shorten } from './text-facts';

/**
 * The simulated answer text. Deterministic: `seed` (a hash of the request) only picks among
 * phrasings. It quotes and summarises the prompt so a reader can tell which request produced it.
 */
export function composeText(facts: ConversationFacts, seed: number): string {
  const parts: string[] = [];
  facts.images.forEach((image, index) => {
    parts.push(`Image ${index + 1} is a ${image.format.toUpperCase()} image, ${image.width}×${image.height} pixels.`);
  });
  if (facts.toolOutcomes.length > 0) parts.push(answerFromTools(facts));
  else if (/\b(code|review|reviewer|pull request|diff|function|bug)\b/i.test(facts.systemText)) parts.push(codeReview(facts.lastUserText, seed));
  else if (/\b(summari[sz]e|summary|tl;?dr)\b/i.test(`${facts.systemText} ${facts.lastUserText}`)) parts.push(summary(facts.lastUserText));
  else if (facts.lastUserText.trim() || facts.images.length === 0) parts.push(generalAnswer(facts.lastUserText, seed));
  const text = parts.join(' ');
  // A prefill is continued, not repeated: start with a space unless the prefill already ends a word.
  return facts.prefill !== undefined ? ` ${text}` : text;
}

function answerFromTools(facts: ConversationFacts): string {
  const sentences = facts.toolOutcomes.map((outcome) =>
    outcome.isError
      ? `The ${outcome.name} tool reported an error: "${shorten(outcome.text, 200)}", so I could not use its result.`
      : `The ${outcome.name} tool returned: "${shorten(outcome.text, 300)}".`,
  );
  const question = firstSentence(facts.questionText, 120);
  const closing = facts.toolOutcomes.every((outcome) => outcome.isError)
    ? 'Please check the input or try again later.'
    : question
      ? `That answers your question ("${question}").`
      : 'That is the answer.';
  return `${sentences.join(' ')} ${closing}`;
}

const CODE_OPENINGS = ['Looking at this code,', 'Reviewing the code you shared,', 'Having read through the code,'];

function codeReview(text: string, seed: number): string {
  const identifiers = codeIdentifiers(text);
  const subject = identifiers.length > 0 ? identifiers.map((name) => `\`${name}\``).join(', ') : 'the main function';
  return [
    `${CODE_OPENINGS[seed % CODE_OPENINGS.length]} I focused on ${subject}.`,
    '1. Correctness: check the edge cases (empty input, null values and off-by-one boundaries) before relying on the result.',
    '2. Readability: give intermediate values descriptive names and keep each function to one responsibility.',
    '3. Tests: add a unit test for the failure path so a regression is caught early.',
    `Overall the change looks reasonable once ${identifiers[0] ? `\`${identifiers[0]}\`` : 'the code'} handles invalid input explicitly.`,
  ].join('\n');
}

function summary(text: string): string {
  const sentences = text.split(/(?<=[.!?])\s+/).map((sentence) => shorten(sentence, 120)).filter((sentence) => sentence.length > 0);
  const points = sentences.slice(0, 3).map((sentence) => `- ${sentence}`);
  const words = keywords(text, 4);
  return [`Summary${words.length > 0 ? ` (${words.join(', ')})` : ''}:`, ...points].join('\n');
}

const CLOSINGS = [
  'Let me know if you would like more detail on any of these points.',
  'I can expand on any of these if that would help.',
  'Happy to go deeper on whichever part matters most to you.',
];

function generalAnswer(text: string, seed: number): string {
  const words = keywords(text, 5);
  const quote = firstSentence(text);
  if (!quote) return 'Hello! How can I help you today?';
  const points = words.length > 0 ? ` The key points are ${words.slice(0, -1).join(', ')}${words.length > 1 ? ' and ' : ''}${words[words.length - 1]}.` : '';
  const body = words[0] ? ` Regarding ${words[0]}: it depends on the context, but the usual approach is to start simple, check the result, and refine from there.` : '';
  return `You asked: "${quote}"${points}${body} ${CLOSINGS[seed % CLOSINGS.length]}`;
}
