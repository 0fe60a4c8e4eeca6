import { readImageInfo, type ImageInfo } from './image-info';
import { isObject } from './is-object';
import { blocksText, toolResultText, type Block, type MessageRequest } from './message-request';

export interface ToolOutcome {
  name: string;
  text: string;
  isError: boolean;
}

/** What the generator reads from a validated request. */
export interface ConversationFacts {
  systemText: string;
  /** Text of the last user turn (tool results excluded). */
  lastUserText: string;
  /** The latest user text that was not only tool results: the question being worked on. */
  questionText: string;
  /** Tool results in the last user turn, with the name of the tool_use they answer. */
  toolOutcomes: ToolOutcome[];
  images: ImageInfo[];
  /** A final assistant turn's text being continued. */
  prefill?: string;
}

export function conversationFacts(request: MessageRequest): ConversationFacts {
  const conversation = request.turns.filter((turn) => turn.role !== 'system');
  const last = conversation[conversation.length - 1];
  const lastUser = [...conversation].reverse().find((turn) => turn.role === 'user');
  const toolNames = new Map<string, string>();
  for (const turn of conversation) {
    for (const { block } of turn.blocks) if (block.type === 'tool_use') toolNames.set(block.id as string, block.name as string);
  }
  const toolOutcomes = (lastUser?.blocks ?? [])
    .filter(({ block }) => block.type === 'tool_result')
    .map(({ block }) => ({ name: toolNames.get(block.tool_use_id as string) ?? 'tool', text: toolResultText(block), isError: block.is_error === true }));
  const question = [...conversation].reverse().find((turn) => turn.role === 'user' && blocksText(turn.blocks, false).trim() !== '');
  return {
    systemText: blocksText(request.system),
    lastUserText: lastUser ? blocksText(lastUser.blocks, false) : '',
    questionText: question ? blocksText(question.blocks, false) : '',
    toolOutcomes,
    images: (lastUser?.blocks ?? []).flatMap(({ block }) => imagesOf(block)),
    prefill: last?.role === 'assistant' ? blocksText(last.blocks, false) : undefined,
  };
}

function imagesOf(block: Block): ImageInfo[] {
  const candidates = block.type === 'image' ? [block] : block.type === 'tool_result' && Array.isArray(block.content) ? block.content : [];
  return candidates.flatMap((candidate) => {
    if (!isObject(candidate) || candidate.type !== 'image' || !isObject(candidate.source) || typeof candidate.source.data !== 'string') return [];
    const info = readImageInfo(Buffer.from(candidate.source.data, 'base64'));
    return info ? [info] : [];
  });
}
