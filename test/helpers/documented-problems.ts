import { acceptsEffort, acceptsForcedToolChoice, acceptsThinkingType, effortRank, thinkingEffortCeiling, thinksByDefault, type EffortLevel, type ModelProfile, type ThinkingType } from '../../shared/claude-models';

/**
 * What the documentation says is wrong with a Messages request body for this model
 * (../shared/claude-2026-11.md, "Rules that break requests"), independent of what a simulator
 * accepts today. Empty when the request is documented-valid on these points.
 */
export function documentedProblems(body: Record<string, unknown>, profile: ModelProfile): string[] {
  const problems: string[] = [];
  for (const field of ['temperature', 'top_p', 'top_k']) if (field in body) problems.push(`${field} is refused under API version 2026-10-21`);
  const thinking = body.thinking as { type: ThinkingType; budget_tokens?: number } | undefined;
  const outputConfig = body.output_config as { effort?: EffortLevel; format?: { schema?: unknown } } | undefined;
  if (thinking && !acceptsThinkingType(profile, thinking.type)) problems.push(`thinking.type ${thinking.type} is refused by ${profile.id}`);
  if (thinking?.type === 'enabled' && (thinking.budget_tokens === undefined || thinking.budget_tokens < 1024 || thinking.budget_tokens >= (body.max_tokens as number))) problems.push('budget_tokens must be >= 1024 and < max_tokens');
  const effort = outputConfig?.effort;
  if (effort && !acceptsEffort(profile, effort)) problems.push(`effort ${effort} is refused by ${profile.id}`);
  const ceiling = thinking ? thinkingEffortCeiling(profile, thinking.type) : undefined;
  const effective = effort ?? profile.facts?.default_effort;
  if (ceiling && effective && effortRank(effective) > effortRank(ceiling)) problems.push(`thinking ${thinking?.type} is refused above effort ${ceiling}`);
  const choice = body.tool_choice as { type: string } | undefined;
  const thinkingOn = thinking ? thinking.type !== 'disabled' : thinksByDefault(profile);
  if (choice && (choice.type === 'any' || choice.type === 'tool') && !acceptsForcedToolChoice(profile, thinkingOn)) problems.push(`forced tool_choice ${choice.type} is refused by ${profile.id}${thinkingOn ? ' (thinking on)' : ''}`);
  if (choice && !body.tools && choice.type !== 'none') problems.push('tool_choice without tools');
  if (outputConfig?.format && !profile.structured_outputs) problems.push(`${profile.id} has no structured outputs`);
  if (outputConfig?.format) problems.push(...closedObjects(outputConfig.format.schema, 'output_config.format.schema'));
  if ((body.max_tokens as number) > profile.max_tokens) problems.push(`max_tokens above ${profile.max_tokens}`);
  return problems;
}

/** Every object in a structured-output schema must be closed (additionalProperties: false). */
function closedObjects(schema: unknown, path: string): string[] {
  if (schema === null || typeof schema !== 'object') return [];
  if (Array.isArray(schema)) return schema.flatMap((item, index) => closedObjects(item, `${path}.${index}`));
  const node = schema as Record<string, unknown>;
  const own = node.type === 'object' && node.additionalProperties !== false ? [`${path}: object without additionalProperties false`] : [];
  return [...own, ...Object.entries(node).flatMap(([key, value]) => closedObjects(value, `${path}.${key}`))];
}
