/**
 * stopOnSignals: the first Ctrl+C (or SIGTERM) asks the build to stop and hands the signals back
 * to Node's default (a second ends the process at once); a stop that hangs ends the process after
 * the grace time; dispose() lets go.
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BuildStopped } from '../src/errors.ts';
import { signalExitCode, STOP_GRACE_MS, stopOnSignals } from '../src/stop-signals.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('stopOnSignals', () => {
  it('aborts its signal with a BuildStopped on the first signal and stops listening, so a second gets Node’s default', () => {
    const source = new EventEmitter();
    const said: string[] = [];
    const stop = stopOnSignals((name) => said.push(name), { source, exit: () => undefined });
    expect(stop.signal.aborted).toBe(false);
    expect(source.listenerCount('SIGINT')).toBe(1);
    expect(source.listenerCount('SIGTERM')).toBe(1);

    source.emit('SIGTERM', 'SIGTERM');
    expect(stop.signal.aborted).toBe(true);
    const reason = stop.signal.reason as BuildStopped;
    expect(reason).toBeInstanceOf(BuildStopped);
    expect(reason.by).toBe('SIGTERM');
    expect(reason.message).toBe('stopped by SIGTERM; the output folder is as it was before the build');
    expect(said).toEqual(['SIGTERM']);
    // With no listener left, Node ends the process on the next signal, even while this thread is busy.
    expect(source.listenerCount('SIGINT')).toBe(0);
    expect(source.listenerCount('SIGTERM')).toBe(0);
    stop.dispose();
  });

  it('ends the process with the shell’s code when the stop takes longer than the grace time, and not once disposed', () => {
    vi.useFakeTimers();
    const source = new EventEmitter();
    const exits: number[] = [];
    const hung = stopOnSignals(() => undefined, { source, exit: (code) => exits.push(code) });
    source.emit('SIGINT', 'SIGINT');
    vi.advanceTimersByTime(STOP_GRACE_MS - 1);
    expect(exits).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(exits).toEqual([130]);

    const stopped = stopOnSignals(() => undefined, { source, exit: (code) => exits.push(code) });
    source.emit('SIGTERM', 'SIGTERM');
    stopped.dispose();
    vi.advanceTimersByTime(STOP_GRACE_MS);
    expect(exits).toEqual([130]);
    hung.dispose();
  });

  it('stops listening once disposed', () => {
    const source = new EventEmitter();
    const stop = stopOnSignals(() => undefined, { source, exit: () => undefined });
    stop.dispose();
    expect(source.listenerCount('SIGINT')).toBe(0);
    expect(source.listenerCount('SIGTERM')).toBe(0);
    source.emit('SIGINT', 'SIGINT');
    expect(stop.signal.aborted).toBe(false);
  });

  it('gives the exit codes a shell gives a process the signal ended', () => {
    expect(signalExitCode('SIGINT')).toBe(130);
    expect(signalExitCode('SIGTERM')).toBe(143);
  });
});
