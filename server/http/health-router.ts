import { Router } from 'express';
import packageJson from '../../package.json';

export function healthRouter(claudeMode: 'simulator' | 'anthropic'): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.json({ ok: true, version: packageJson.version, claude: claudeMode });
  });
  return router;
}
