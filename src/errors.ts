/** One error base class for Broadsheet: the file and line are data, printed once by the CLI. */
export class BroadsheetError extends Error {
  /** Input or config file the problem is in, relative to the project when possible. */
  readonly file: string | null;
  /** 1-based line in that file, when known. */
  readonly line: number | null;

  constructor(message: string, options: { file?: string | null; line?: number | null; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BroadsheetError';
    this.file = options.file ?? null;
    this.line = options.line ?? null;
  }

  /** "file:line: message", the form editors and terminals link. */
  override toString(): string {
    return `${formatLocation(this.file, this.line)}${this.message}`;
  }
}

/** "file:line: " or "file: " or "" for a message prefix. */
export function formatLocation(file: string | null, line: number | null): string {
  if (file === null) return '';
  return line === null ? `${file}: ` : `${file}:${line}: `;
}

/**
 * The message of an error the operating system raised ("ENOSPC: no space left on device, write"),
 * or null. Such an error is the machine's (a full disk, a read-only folder, too many open files),
 * not Broadsheet's: it is told in one line, like a BroadsheetError, not as a crash with a stack.
 * Matched by its message, which keeps the code when the error crosses from a worker thread.
 */
export function systemErrorMessage(error: unknown): string | null {
  return error instanceof Error && /^E[A-Z]{2,}: /.test(error.message) ? error.message : null;
}

/**
 * The line telling `error` to the person running Broadsheet, or null for an error that is a bug
 * (told with its stack): "file:line: message" for a BroadsheetError, the message for a system error.
 */
export function userErrorLine(error: unknown): string | null {
  return error instanceof BroadsheetError ? error.toString() : systemErrorMessage(error);
}

/**
 * The build was asked to stop (Ctrl+C, SIGTERM) and stopped at its next step: the output folder
 * is as it was before it. `by` names what asked, e.g. "SIGINT".
 */
export class BuildStopped extends BroadsheetError {
  readonly by: string;

  constructor(by: string) {
    super(`stopped by ${by}; the output folder is as it was before the build`);
    this.name = 'BuildStopped';
    this.by = by;
  }
}
