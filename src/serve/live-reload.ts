/**
 * Live reload for the preview server: pages served (never the files in the output folder) get a
 * tiny script that listens for server-sent events and reloads the page after a rebuild.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The event stream's path; outside any base path so one server-wide endpoint serves every page. */
export const LIVE_RELOAD_PATH = '/__broadsheet/live-reload';

const SCRIPT = `<script>(function(){if(!window.EventSource)return;var s=new EventSource(${JSON.stringify(LIVE_RELOAD_PATH)});s.addEventListener('reload',function(){location.reload();});})();</script>`;

/** The open event streams, told to reload after each successful build. */
export class LiveReload {
  readonly #clients = new Set<ServerResponse>();

  /** Answers a request for the event stream and keeps it open. */
  handle(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    // A comment line opens the stream at once; `retry` makes browsers reconnect quickly after a restart.
    response.write(': broadsheet live reload\nretry: 1000\n\n');
    this.#clients.add(response);
    request.on('close', () => this.#clients.delete(response));
  }

  /** Tells every open page to reload. */
  reload(): void {
    for (const client of this.#clients) client.write('event: reload\ndata: {}\n\n');
  }

  /** How many pages are listening. */
  get clients(): number {
    return this.#clients.size;
  }

  /** Ends every stream, so the server can close. */
  close(): void {
    for (const client of this.#clients) client.end();
    this.#clients.clear();
  }
}

/** The HTML with the live-reload script added before </body> (or at the end). */
export function injectLiveReload(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at === -1 ? `${html}${SCRIPT}` : `${html.slice(0, at)}${SCRIPT}\n${html.slice(at)}`;
}
