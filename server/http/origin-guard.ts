import type { RequestHandler } from 'express';
import { HttpError } from './http-error';

/**
 * Cross-site defence for every method: browsers send `Origin` on cross-origin requests (and on
 * same-origin non-GETs), so when present it must be this server itself. Runs after the host guard,
 * which has already vetted `Host`. There are no CORS headers anywhere, on purpose.
 */
export function originGuard(): RequestHandler {
  return (req, _res, next) => {
    const origin = req.headers.origin;
    if (origin === undefined) return next();
    if (origin === `http://${req.headers.host ?? ''}`) return next();
    next(new HttpError(403, 'forbidden_origin', `Cross-origin requests are not allowed (Origin "${origin}").`));
  };
}
