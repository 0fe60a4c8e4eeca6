import { Router } from 'express';
import { describeMcpServers, type McpClients, type McpConfig } from '../mcp';
import { HttpError } from './http-error';

const LIST_TOOLS_TIMEOUT_MS = 15_000;

/**
 * For the inspector, mounted at `/api/mcp/servers`:
 *   GET /             → {servers: [{name, transport}]}   (never commands, env, URLs or headers)
 *   GET /:name/tools  → {server, tools: [{name, description, input_schema}]}
 * An unknown name is 404; a server that cannot be reached is 502 with the reason.
 */
export function mcpRouter(config: McpConfig, mcp: McpClients): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.json({ servers: describeMcpServers(config) });
  });
  router.get('/:name/tools', async (req, res) => {
    const name = req.params.name;
    if (!Object.hasOwn(config.servers, name)) {
      throw new HttpError(404, 'not_found', `MCP server "${name}" is not configured`, { configured: Object.keys(config.servers).sort() });
    }
    let tools;
    try {
      tools = await mcp.listTools(name, AbortSignal.timeout(LIST_TOOLS_TIMEOUT_MS));
    } catch (error) {
      throw new HttpError(502, 'mcp_unavailable', (error as Error).message.split('\n')[0] ?? 'MCP server unavailable');
    }
    res.json({ server: name, tools });
  });
  return router;
}
