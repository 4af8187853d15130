/**
 * Live reload for the preview server: pages served (never the files in the output folder) get a
 * tiny script that listens for server-sent events and reloads the page after a rebuild. A failed
 * rebuild is shown on the page too, as Hugo's and Vite's servers do: a banner saying the page is
 * the last good build, with the error, until a build succeeds and the page reloads.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The event stream's path; outside any base path so one server-wide endpoint serves every page. */
export const LIVE_RELOAD_PATH = '/__broadsheet/live-reload';

/** The banner's id, for a page's own styles and for tests. */
export const BUILD_FAILED_ID = 'broadsheet-build-failed';

/**
 * The page's side: reload on "reload"; on "failed", a banner at the top with the error as text
 * (never HTML), styled inline so any template shows it alike, and announced as an alert.
 */
const SCRIPT = `<script>(function(){if(!window.EventSource)return;var s=new EventSource(${JSON.stringify(LIVE_RELOAD_PATH)});s.addEventListener('reload',function(){location.reload();});s.addEventListener('failed',function(e){var b=document.getElementById(${JSON.stringify(BUILD_FAILED_ID)});if(!b){b=document.createElement('div');b.id=${JSON.stringify(BUILD_FAILED_ID)};b.setAttribute('role','alert');b.style.cssText='position:fixed;top:0;left:0;right:0;z-index:2147483647;margin:0;padding:.75em 1em;background:#8b0000;color:#fff;font:1rem/1.4 system-ui,sans-serif;white-space:pre-wrap;overflow-wrap:anywhere;max-height:50vh;overflow:auto';document.body.appendChild(b);}b.textContent='The last build failed: this page is from the last good build.\\n'+JSON.parse(e.data).message+'\\nFix the problem and save to rebuild.';});})();</script>`;

/** The open event streams, told to reload after each successful build, and of each failed one. */
export class LiveReload {
  readonly #clients = new Set<ServerResponse>();
  /** The event of the last build when it failed (a page opened since is told at once); null after a good build. */
  #failure: string | null = null;

  /** Answers a request for the event stream and keeps it open. */
  handle(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    // A comment line opens the stream at once; `retry` makes browsers reconnect quickly after a restart.
    response.write(': broadsheet live reload\nretry: 1000\n\n');
    if (this.#failure !== null) response.write(this.#failure);
    this.#clients.add(response);
    request.on('close', () => this.#clients.delete(response));
  }

  /** Tells every open page to reload: a build succeeded. */
  reload(): void {
    this.#failure = null;
    this.#send('event: reload\ndata: {}\n\n');
  }

  /** Tells every open page, and each opened until the next good build, that a build failed with `message`. */
  failed(message: string): void {
    // JSON keeps the event's data on one line, whatever the message holds.
    this.#failure = `event: failed\ndata: ${JSON.stringify({ message })}\n\n`;
    this.#send(this.#failure);
  }

  #send(event: string): void {
    for (const client of this.#clients) client.write(event);
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
