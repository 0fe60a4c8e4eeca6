import { invalid } from './api-error';
import { isObject } from './is-object';
import type { ToolChoice, ToolDefinition } from './message-request';
import { readCacheControl, type Breakpoint } from './validate-cache-control';

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,128}$/;

/** Custom tools are checked in full; server tools (identified by a versioned `type`) are accepted as opaque. */
export function validateTools(value: unknown, breakpoints: Breakpoint[]): ToolDefinition[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid('tools', 'Input should be a valid list');
  const seen = new Set<string>();
  return value.map((tool, index) => {
    const path = `tools.${index}`;
    if (!isObject(tool)) throw invalid(path, 'Input should be an object');
    if (typeof tool.name !== 'string') throw invalid(`${path}.name`, 'Field required');
    if (!TOOL_NAME.test(tool.name)) throw invalid(`${path}.name`, `String should match pattern '^[a-zA-Z0-9_-]{1,128}$'`);
    if (seen.has(tool.name)) throw invalid(`${path}.name`, `Tool names must be unique; "${tool.name}" is used more than once`);
    seen.add(tool.name);
    const isCustom = tool.type === undefined || tool.type === null || tool.type === 'custom';
    if (isCustom) {
      if (!isObject(tool.input_schema)) throw invalid(`${path}.input_schema`, 'Field required');
      if (tool.input_schema.type !== 'object') throw invalid(`${path}.input_schema.type`, "Input should be 'object'");
      if (tool.description !== undefined && typeof tool.description !== 'string') throw invalid(`${path}.description`, 'Input should be a valid string');
    } else if (typeof tool.type !== 'string') {
      throw invalid(`${path}.type`, 'Input should be a valid string');
    }
    const cacheControl = readCacheControl(tool.cache_control, `${path}.cache_control`);
    if (cacheControl) breakpoints.push({ path: `${path}.cache_control`, control: cacheControl });
    return tool as unknown as ToolDefinition;
  });
}

export function validateToolChoice(value: unknown, tools: ToolDefinition[]): ToolChoice | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw invalid('tool_choice', 'Input should be an object');
  const type = value.type;
  if (type !== 'auto' && type !== 'any' && type !== 'tool' && type !== 'none') {
    throw invalid('tool_choice.type', "Input should be 'auto', 'any', 'tool' or 'none'");
  }
  // The real API rejects every choice without tools; `none` is tolerated because it asks for nothing.
  if (tools.length === 0 && type !== 'none') throw invalid('tool_choice', 'tool_choice may only be specified while providing tools.');
  if (value.disable_parallel_tool_use !== undefined && typeof value.disable_parallel_tool_use !== 'boolean') {
    throw invalid('tool_choice.disable_parallel_tool_use', 'Input should be a valid boolean');
  }
  if (type === 'tool') {
    if (typeof value.name !== 'string') throw invalid('tool_choice.name', 'Field required');
    if (!tools.some((tool) => tool.name === value.name)) {
      throw invalid('tool_choice.name', `Tool '${value.name}' not found in the provided tools`);
    }
  }
  return value as unknown as ToolChoice;
}
