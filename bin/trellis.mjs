#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npx trellis` works from a checkout without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
