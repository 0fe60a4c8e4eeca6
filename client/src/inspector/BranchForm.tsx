import type { BranchCondition, BranchConfig, BranchRoute } from '../../../shared/node-configs';
import type { Json } from '../../../shared/json-schema';
import { DEFAULT_MODEL } from '../../../shared/claude-models/model-catalog';
import { useAppStore } from '../store/use-app-store';
import { EffortThinkingFields } from './EffortThinkingFields';
import { Field } from './Field';
import { JsonField } from './JsonField';
import { ModelPicker } from './ModelPicker';
import { TemplateField } from './TemplateField';
import { configEditor } from './use-config-editor';

type ConditionKind = 'equals' | 'contains' | 'matches' | 'json_path';

function kindOf(condition: BranchCondition | undefined): ConditionKind {
  if (!condition) return 'contains';
  if ('json_path' in condition) return 'json_path';
  if ('matches' in condition) return 'matches';
  if ('equals' in condition) return 'equals';
  return 'contains';
}

function textOf(condition: BranchCondition | undefined): string {
  if (!condition) return '';
  if ('json_path' in condition) return condition.json_path;
  if ('matches' in condition) return condition.matches;
  if ('equals' in condition) return condition.equals;
  return condition.contains;
}

function conditionFrom(kind: ConditionKind, text: string, previous: BranchCondition | undefined): BranchCondition {
  if (kind === 'json_path') return { json_path: text, op: previous && 'op' in previous ? previous.op : 'eq', value: previous && 'value' in previous ? previous.value : '' };
  if (kind === 'matches') return { matches: text };
  if (kind === 'equals') return { equals: text };
  return { contains: text };
}

export function BranchForm({ nodeId, config }: { nodeId: string; config: BranchConfig }) {
  const set = configEditor<'branch'>(nodeId, config);
  const defaultModel = useAppStore((state) => state.meta.defaults?.model);
  const routes = config.routes ?? [];
  const claude = config.mode === 'claude';
  const setRoute = (index: number, route: BranchRoute, field: string) => set({ routes: routes.map((existing, at) => (at === index ? route : existing)) }, `routes.${index}.${field}`);
  return (
    <div className="form">
      <Field label="Mode">
        <select value={config.mode ?? 'match'} onChange={(event) => set({ mode: event.target.value as BranchConfig['mode'] }, 'mode')}>
          <option value="match">match: compare the value with each route's condition</option>
          <option value="claude">claude: Claude picks a route label</option>
        </select>
      </Field>
      <Field label="Value to route on">
        <TemplateField nodeId={nodeId} value={config.on} rows={2} testId="branch-on" onChange={(on) => set({ on }, 'on')} />
      </Field>
      {claude && (
        <>
          <Field label="Model">
            <ModelPicker value={config.model} fallback={defaultModel ?? DEFAULT_MODEL} onChange={(model) => set({ model }, 'model')} />
          </Field>
          <EffortThinkingFields config={config} onChange={set} />
          <Field label="Instruction for Claude">
            <TemplateField nodeId={nodeId} value={config.instruction ?? ''} rows={2} onChange={(instruction) => set({ instruction: instruction || undefined }, 'instruction')} />
          </Field>
        </>
      )}
      <fieldset>
        <legend>Routes (one output handle each)</legend>
        {routes.map((route, index) => (
          <div className="route-row" key={index}>
            <input className="route-row__label" value={route.label} aria-label="Route label" data-testid={`route-label-${index}`} onChange={(event) => setRoute(index, { ...route, label: event.target.value }, 'label')} />
            {claude ? (
              <input value={route.description ?? ''} placeholder="When should Claude pick it?" onChange={(event) => setRoute(index, { ...route, description: event.target.value || undefined }, 'description')} />
            ) : (
              <>
                <select value={kindOf(route.when)} onChange={(event) => setRoute(index, { ...route, when: conditionFrom(event.target.value as ConditionKind, textOf(route.when), route.when) }, 'kind')}>
                  <option value="contains">contains</option>
                  <option value="equals">equals</option>
                  <option value="matches">matches (regex)</option>
                  <option value="json_path">JSON path</option>
                </select>
                <input value={textOf(route.when)} onChange={(event) => setRoute(index, { ...route, when: conditionFrom(kindOf(route.when), event.target.value, route.when) }, 'text')} />
              </>
            )}
            <button type="button" className="button button--link" disabled={routes.length <= 1} onClick={() => set({ routes: routes.filter((_, at) => at !== index) }, 'routes')}>
              remove
            </button>
            {!claude && route.when && 'json_path' in route.when && (
              <div className="route-row__json">
                <select value={route.when.op} onChange={(event) => setRoute(index, { ...route, when: { ...(route.when as { json_path: string; op: 'eq' }), op: event.target.value as 'eq' } }, 'op')}>
                  {['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'exists'].map((op) => (
                    <option key={op}>{op}</option>
                  ))}
                </select>
                <JsonField value={route.when.value} draftKey={`${nodeId}/routes/${index}/value`} rows={1} onChange={(value) => setRoute(index, { ...route, when: { ...(route.when as { json_path: string; op: 'eq' }), value: value as Json } }, 'value')} />
              </div>
            )}
          </div>
        ))}
        <button type="button" className="button button--small" onClick={() => set({ routes: [...routes, { label: `route_${routes.length + 1}`, ...(claude ? {} : { when: { contains: '' } }) }] }, 'routes')}>
          Add route
        </button>
      </fieldset>
      <Field label="Default route" hint="Taken when nothing matches.">
        <select value={config.default ?? ''} onChange={(event) => set({ default: event.target.value || undefined }, 'default')}>
          <option value="">none (fail when nothing matches)</option>
          {routes.map((route) => (
            <option key={route.label} value={route.label}>
              {route.label}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
