import { upstreamNodeIds } from '../graph';
import { DEFAULT_MAX_TOKENS, DEFAULT_MODEL, type ModelCatalog } from '../claude-models/model-catalog';
import type { PromptConfig } from '../node-configs';
import type { Workflow, WorkflowNode } from '../workflow-types';
import type { EmbeddedSchemaChecker } from './embedded-schema-checker';
import { jsonPointer } from './json-pointer';
import type { IssueFix, WorkflowIssue } from './workflow-issue';

/**
 * What every semantic check needs: the schema-valid workflow, lookups, and one place to report
 * issues with the node or edge named consistently.
 */
export class CheckContext {
  readonly issues: WorkflowIssue[] = [];
  readonly nodeById = new Map<string, WorkflowNode>();
  readonly nodeIndex = new Map<string, number>();
  /** False once `inputs` is known to be broken: input-field checks would only repeat that error. */
  inputsUsable = true;
  private readonly upstreamCache = new Map<string, Set<string>>();

  constructor(
    readonly workflow: Workflow,
    /** What the models accept: live capabilities with a key, else the facts table. */
    readonly models: ModelCatalog,
    /** How embedded JSON Schemas are checked: ajv on the server, the interpreter in the browser. */
    readonly schemas: EmbeddedSchemaChecker,
  ) {
    workflow.nodes.forEach((node, index) => {
      // First occurrence wins; duplicates are reported by the id check.
      if (this.nodeById.has(node.id)) return;
      this.nodeById.set(node.id, node);
      this.nodeIndex.set(node.id, index);
    });
  }

  /** Nodes whose outputs `nodeId`'s templates may read. Only valid once the graph is known to be acyclic. */
  upstreamOf(nodeId: string): Set<string> {
    let upstream = this.upstreamCache.get(nodeId);
    if (!upstream) {
      upstream = new Set(upstreamNodeIds(this.workflow, nodeId));
      this.upstreamCache.set(nodeId, upstream);
    }
    return upstream;
  }

  nodePath(nodeId: string, ...rest: (string | number)[]): string {
    return jsonPointer('nodes', this.nodeIndex.get(nodeId) ?? -1, ...rest);
  }

  nodeIssue(severity: WorkflowIssue['severity'], node: WorkflowNode, rule: string, relativePath: (string | number)[], message: string, fix?: IssueFix): void {
    const issue: WorkflowIssue = { severity, nodeId: node.id, path: this.nodePath(node.id, ...relativePath), rule, message: `Node "${node.id}": ${message}` };
    if (fix) issue.fix = fix;
    this.issues.push(issue);
  }

  edgeIssue(severity: WorkflowIssue['severity'], edgeIndex: number, rule: string, field: string | undefined, message: string): void {
    const edge = this.workflow.edges[edgeIndex];
    const path = field === undefined ? jsonPointer('edges', edgeIndex) : jsonPointer('edges', edgeIndex, field);
    this.issues.push({ severity, edgeId: edge?.id, path, rule, message: `Edge "${edge?.id ?? edgeIndex}": ${message}` });
  }

  documentIssue(severity: WorkflowIssue['severity'], rule: string, path: string, message: string, nodeId?: string, fix?: IssueFix): void {
    const issue: WorkflowIssue = { severity, path, rule, message };
    if (nodeId !== undefined) issue.nodeId = nodeId;
    if (fix) issue.fix = fix;
    this.issues.push(issue);
  }

  effectiveModel(config: { model?: string }): string {
    return config.model ?? this.workflow.defaults?.model ?? DEFAULT_MODEL;
  }

  effectiveMaxTokens(config: Pick<PromptConfig, 'max_tokens'>): number {
    return config.max_tokens ?? this.workflow.defaults?.max_tokens ?? DEFAULT_MAX_TOKENS;
  }
}
