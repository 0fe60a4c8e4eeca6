import express, { type RequestHandler } from 'express';
import { findForbiddenKey } from './find-forbidden-key';
import { HttpError } from './http-error';
import { exceedsJsonDepth } from './measure-json-depth';

export interface JsonBodyOptions {
  limitBytes: number;
  maxDepth: number;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The only body parser. Mutating requests must declare JSON (so HTML forms and `text/plain`
 * "simple" cross-site requests fail with 415 even before the origin check matters); bodies are
 * capped, depth-checked on the raw text, parsed, and refused if they carry prototype keys.
 */
export function jsonBody(options: JsonBodyOptions): RequestHandler[] {
  const readRaw = express.raw({ type: () => true, limit: options.limitBytes });
  const requireJson: RequestHandler = (req, _res, next) => {
    if (!MUTATING.has(req.method)) return next();
    // Read the header itself: req.is() answers null for a bodyless request (cancel, delete).
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (mediaType !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(mediaType)) {
      return next(new HttpError(415, 'unsupported_media_type', `${req.method} ${req.path} requires "Content-Type: application/json".`));
    }
    const charset = /charset=([^;]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.trim().toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      return next(new HttpError(415, 'unsupported_media_type', `Only UTF-8 JSON is accepted, not charset "${charset}".`));
    }
    next();
  };
  const parse: RequestHandler = (req, _res, next) => {
    if (!MUTATING.has(req.method)) return next();
    const raw: unknown = req.body;
    const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : '';
    if (text.trim() === '') {
      req.body = undefined;
      return next();
    }
    if (exceedsJsonDepth(text, options.maxDepth)) {
      return next(new HttpError(400, 'too_deep', `The JSON body nests deeper than ${options.maxDepth} levels.`));
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return next(new HttpError(400, 'invalid_json', `The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`));
    }
    const forbidden = findForbiddenKey(body);
    if (forbidden !== undefined) {
      return next(new HttpError(400, 'forbidden_key', `The key at ${forbidden} is not allowed (__proto__, constructor and prototype are refused).`, { path: forbidden }));
    }
    req.body = body;
    next();
  };
  return [requireJson, readRaw, parse];
}
