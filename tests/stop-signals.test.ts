/** stopOnSignals: the first Ctrl+C (or SIGTERM) asks the build to stop, a second ends the process, and dispose() lets go. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { BuildStopped } from '../src/errors.ts';
import { signalExitCode, stopOnSignals } from '../src/stop-signals.ts';

describe('stopOnSignals', () => {
  it('aborts its signal with a BuildStopped on the first signal, and exits with the shell’s code on the second', () => {
    const source = new EventEmitter();
    const said: string[] = [];
    const exits: number[] = [];
    const stop = stopOnSignals((name) => said.push(name), { source, exit: (code) => exits.push(code) });
    expect(stop.signal.aborted).toBe(false);

    source.emit('SIGTERM', 'SIGTERM');
    expect(stop.signal.aborted).toBe(true);
    const reason = stop.signal.reason as BuildStopped;
    expect(reason).toBeInstanceOf(BuildStopped);
    expect(reason.by).toBe('SIGTERM');
    expect(reason.message).toBe('stopped by SIGTERM; the output folder is as it was before the build');
    expect(said).toEqual(['SIGTERM']);
    expect(exits).toEqual([]);

    // Someone who will not wait: the process ends at once, whichever signal came first.
    source.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([130]);
    expect(said).toEqual(['SIGTERM']);
    stop.dispose();
  });

  it('stops listening once disposed', () => {
    const source = new EventEmitter();
    const stop = stopOnSignals(() => undefined, { source, exit: () => undefined });
    expect(source.listenerCount('SIGINT')).toBe(1);
    expect(source.listenerCount('SIGTERM')).toBe(1);
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
