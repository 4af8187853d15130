/** Serving a built site over HTTP: base path honoured, index.html for folders, the site's 404.html. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentTypeFor } from './content-types.ts';
import { LIVE_RELOAD_PATH, injectLiveReload, type LiveReload } from './live-reload.ts';

/** Which built site to serve: read on every request, so a rebuild with a new base path is followed. */
export interface ServedSite {
  /** Absolute path of the output folder. */
  readonly root: string;
  /** URL path the site lives under ("/" or "/news/"). */
  readonly basePath: string;
}

/** A request handler for node:http serving `site()`; HTML responses carry the live-reload script. */
export function createStaticHandler(site: () => ServedSite, liveReload: LiveReload): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    serveRequest(site(), liveReload, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`internal error: ${(error as Error).message}\n`);
    });
  };
}

async function serveRequest(site: ServedSite, liveReload: LiveReload, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === LIVE_RELOAD_PATH) return liveReload.handle(request, response);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    response.end('method not allowed\n');
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return send(response, request, 400, 'text/plain; charset=utf-8', 'bad request: malformed URL\n');
  }
  // The server root and the site root without its trailing slash ("/news") lead to the site.
  if (site.basePath !== '/' && (pathname === '/' || `${pathname}/` === site.basePath)) return redirect(response, `${site.basePath}${url.search}`);
  if (!pathname.startsWith(site.basePath) || pathname.includes('\0')) return notFound(site, request, response);
  const relative = pathname.slice(site.basePath.length);
  const file = path.resolve(site.root, `.${path.posix.sep}${relative}`);
  if (file !== site.root && !file.startsWith(site.root + path.sep)) return notFound(site, request, response);
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    // Folders are pages: "/topics" → "/topics/", so relative links in the page resolve.
    if (!pathname.endsWith('/')) return redirect(response, `${url.pathname}/${url.search}`);
    return sendFile(site, request, response, path.join(file, 'index.html'), 200);
  }
  if (info?.isFile()) return sendFile(site, request, response, file, 200);
  return notFound(site, request, response);
}

async function sendFile(site: ServedSite, request: IncomingMessage, response: ServerResponse, file: string, status: number): Promise<void> {
  const body = await readFile(file).catch(() => null);
  if (body === null) return status === 404 ? send(response, request, 404, 'text/html; charset=utf-8', injectLiveReload(NO_PAGE)) : notFound(site, request, response);
  const type = contentTypeFor(file);
  send(response, request, status, type, type.startsWith('text/html') ? injectLiveReload(body.toString('utf8')) : body);
}

/**
 * The page for an address with no page when the site has no 404 page either: most often no build
 * has succeeded yet. HTML, so it carries the live-reload script: the page says why a build failed
 * (see LiveReload.failed) and turns into the site when one succeeds, instead of staying a dead end.
 */
const NO_PAGE = '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not found</title></head><body><main><h1>Not found</h1><p>No page here, and no 404 page: the site has not been built yet, or its templates make none. This page reloads after the next good build.</p></main></body></html>\n';

function notFound(site: ServedSite, request: IncomingMessage, response: ServerResponse): Promise<void> {
  return sendFile(site, request, response, path.join(site.root, '404.html'), 404);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(301, { location, 'content-type': 'text/plain; charset=utf-8' });
  response.end(`moved to ${location}\n`);
}

function send(response: ServerResponse, request: IncomingMessage, status: number, type: string, body: string | Buffer): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  // A preview must always show the latest build: nothing is cached.
  response.writeHead(status, { 'content-type': type, 'content-length': bytes.byteLength, 'cache-control': 'no-store' });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}
