import { DEFAULT_MODEL } from '../../../shared/claude-models/model-catalog';
import type { MessageTemplate, PromptConfig, VisionConfig } from '../../../shared/node-configs';
import { useAppStore } from '../store/use-app-store';
import { Field } from './Field';
import { JsonField } from './JsonField';
import { ModelPicker } from './ModelPicker';
import { TemplateField } from './TemplateField';
import { EffortThinkingFields } from './EffortThinkingFields';
import { configEditor } from './use-config-editor';

interface PromptFormProps {
  nodeId: string;
  type: 'prompt' | 'vision' | 'thinking';
  config: PromptConfig;
}

const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text));

export function PromptForm({ nodeId, type, config }: PromptFormProps) {
  const defaults = useAppStore((state) => state.meta.defaults);
  const set = configEditor<'prompt'>(nodeId, config);
  const messages = config.messages ?? [];
  const setMessage = (index: number, patch: Partial<MessageTemplate>, field: string) =>
    set({ messages: messages.map((message, at) => (at === index ? { ...message, ...patch } : message)) }, `messages.${index}.${field}`);

  return (
    <div className="form">
      <Field label="Model">
        <ModelPicker value={config.model} fallback={defaults?.model ?? DEFAULT_MODEL} onChange={(model) => set({ model }, 'model')} />
      </Field>
      <Field label="Max tokens" hint={`Empty: ${defaults?.max_tokens ?? 1024} (workflow default)`}>
        <input type="number" min={1} value={config.max_tokens ?? ''} onChange={(event) => set({ max_tokens: numberOrUndefined(event.target.value) }, 'max_tokens')} />
      </Field>

      <EffortThinkingFields config={config} thinkingRequired={type === 'thinking'} onChange={set} />

      <fieldset>
        <legend>System prompt</legend>
        <TemplateField nodeId={nodeId} value={config.system?.text ?? ''} rows={3} testId="system-prompt" onChange={(text) => set({ system: text === '' && !config.system?.cache ? undefined : { ...config.system, text } }, 'system')} />
        <label className="checkbox">
          <input type="checkbox" checked={config.system?.cache ?? false} onChange={(event) => set({ system: { text: config.system?.text ?? '', ...config.system, cache: event.target.checked || undefined } }, 'system.cache')} />
          Cache this prefix (prompt caching)
        </label>
      </fieldset>

      <fieldset>
        <legend>Messages</legend>
        {messages.map((message, index) => (
          <div className="message" key={index}>
            <div className="message__head">
              <select value={message.role} onChange={(event) => setMessage(index, { role: event.target.value as MessageTemplate['role'] }, 'role')}>
                <option value="user">user</option>
                <option value="assistant">assistant</option>
              </select>
              <label className="checkbox">
                <input type="checkbox" checked={message.cache ?? false} onChange={(event) => setMessage(index, { cache: event.target.checked || undefined }, 'cache')} />
                cache
              </label>
              <button type="button" className="button button--link" disabled={messages.length <= 1} onClick={() => set({ messages: messages.filter((_, at) => at !== index) }, 'messages')}>
                remove
              </button>
            </div>
            <TemplateField nodeId={nodeId} value={message.content} testId={`message-${index}`} onChange={(content) => setMessage(index, { content }, 'content')} />
          </div>
        ))}
        <button type="button" className="button button--small" onClick={() => set({ messages: [...messages, { role: messages.at(-1)?.role === 'user' ? 'assistant' : 'user', content: '' }] }, 'messages')}>
          Add message
        </button>
      </fieldset>

      {type === 'vision' && (
        <Field label="Images" hint="A list of {source: base64 | url | file | template, …}">
          <JsonField value={(config as VisionConfig).images} draftKey={`${nodeId}/images`} testId="images-json" rows={6} onChange={(images) => set({ images } as Partial<PromptConfig>, 'images')} />
        </Field>
      )}

      <Field label="Output">
        <select value={config.output ?? 'text'} onChange={(event) => set({ output: event.target.value === 'json' ? 'json' : undefined, schema: event.target.value === 'json' ? (config.schema ?? { type: 'object', properties: {} }) : undefined }, 'output')}>
          <option value="text">text</option>
          <option value="json">JSON (structured output)</option>
        </select>
      </Field>
      {config.output === 'json' && (
        <Field label="JSON output schema">
          <JsonField value={config.schema} draftKey={`${nodeId}/schema`} testId="output-schema" onChange={(schema) => set({ schema: schema as PromptConfig['schema'] }, 'schema')} />
        </Field>
      )}
      <Field label="When the answer hits max_tokens">
        <select value={config.on_max_tokens ?? 'fail'} onChange={(event) => set({ on_max_tokens: event.target.value as PromptConfig['on_max_tokens'] }, 'on_max_tokens')}>
          <option value="fail">fail the node</option>
          <option value="warn">complete with a warning</option>
          <option value="continue">continue the answer</option>
        </select>
      </Field>
      <Field label="Tool choice" hint="Applies when tool nodes are attached to the tools handle.">
        <select value={config.tool_choice?.type ?? 'auto'} onChange={(event) => set({ tool_choice: event.target.value === 'auto' ? undefined : event.target.value === 'tool' ? { type: 'tool', name: '' } : { type: event.target.value as 'any' | 'none' } }, 'tool_choice')}>
          <option value="auto">auto</option>
          <option value="any">any</option>
          <option value="tool">a specific tool</option>
          <option value="none">none</option>
        </select>
      </Field>
      {config.tool_choice?.type === 'tool' && (
        <Field label="Tool name">
          <input value={config.tool_choice.name} onChange={(event) => set({ tool_choice: { type: 'tool', name: event.target.value } }, 'tool_choice.name')} />
        </Field>
      )}
    </div>
  );
}
