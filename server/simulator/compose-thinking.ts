import type { ConversationFacts } from './conversation-facts';
import { firstSentence, keywords } from './text-facts';

/** The reasoning shown in a thinking block: what was asked and how the answer will be built. */
export function composeThinking(facts: ConversationFacts, toolNames: string[]): string {
  const question = firstSentence(facts.questionText || facts.lastUserText, 200) || 'the request';
  const lines = [`The user is asking: "${question}".`];
  const words = keywords(`${facts.systemText} ${facts.lastUserText}`, 4);
  if (words.length > 0) lines.push(`The important terms are ${words.join(', ')}.`);
  if (facts.images.length > 0) lines.push(`There ${facts.images.length === 1 ? 'is one image' : `are ${facts.images.length} images`} to describe from their headers.`);
  if (facts.toolOutcomes.length > 0) lines.push(`I have results from ${[...new Set(facts.toolOutcomes.map((o) => o.name))].join(', ')}; I should base the answer on them.`);
  else if (toolNames.length > 0) lines.push(`I need more information, so I will call ${toolNames.join(' and ')} first.`);
  else lines.push('I can answer directly: restate the question, cover the key points, and offer to go deeper.');
  return lines.join(' ');
}
