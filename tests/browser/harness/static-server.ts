/** A tiny static file server for a built site, on 127.0.0.1 and a random port, like a plain static host. */
import { createServer, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { siteFileFor } from './site-file.ts';
import { contentTypeFor } from '../../../src/serve/content-types.ts';

/** A running server for one built site. */
export interface SiteServer {
  /** "http://127.0.0.1:PORT". */
  readonly origin: string;
  /** The absolute URL of a site-relative URL ("topics/" → "http://127.0.0.1:PORT/sub/topics/"). */
  url(siteUrl: string): string;
  /** Every path requested that answered 404, in order (a broken link or asset shows up here), but the browser's own /favicon.ico. */
  readonly notFound: readonly string[];
  close(): Promise<void>;
}

/**
 * Serves `outDir` under `basePath`: files as they are, a folder without its trailing slash
 * redirected to it, anything missing answered 404 with the site's own 404.html.
 */
export async function serveSite(outDir: string, basePath: string): Promise<SiteServer> {
  const notFound: string[] = [];
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    respond(outDir, basePath, pathname, request.method === 'HEAD', response, notFound).catch((error: unknown) => {
      response.statusCode = 500;
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (siteUrl) => `${origin}${basePath}${siteUrl}`,
    notFound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Chromium keeps connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}

async function respond(outDir: string, basePath: string, pathname: string, headOnly: boolean, response: ServerResponse, notFound: string[]): Promise<void> {
  const file = siteFileFor(outDir, basePath, pathname);
  const info = file === null ? null : await stat(file).catch(() => null);
  if (file !== null && info?.isDirectory()) {
    response.writeHead(301, { location: `${pathname}/` }).end();
    return;
  }
  if (file !== null && info?.isFile()) {
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': contentTypeFor(file), 'content-length': body.length });
    response.end(headOnly ? undefined : body);
    return;
  }
  // Chromium asks for /favicon.ico at the origin's root on its own; no page of the site links it.
  if (pathname !== '/favicon.ico') notFound.push(pathname);
  const page = await readFile(path.join(outDir, '404.html')).catch(() => Buffer.from('not found'));
  response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
  response.end(headOnly ? undefined : page);
}
