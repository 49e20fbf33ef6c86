import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EncodedReplication } from '@hotline-sim/shared';

/** What the worker sends a replication's process: one replication to run. */
export interface ParentMessage {
  scenario: unknown;
  seed: number;
}

/** What a replication's process answers. */
export type ChildMessage =
  | { kind: 'ready' }
  | { kind: 'progress'; fraction: number }
  | { kind: 'done'; result: EncodedReplication }
  | { kind: 'error'; message: string };

/** The caps on one replication (issue 13): its process's heap and its wall time. */
export interface ReplicationCaps {
  /** V8 heap of the replication's process, in MB (`--max-old-space-size`). */
  memoryMb: number;
  /** Wall seconds one replication may take (its process's start included) before it is killed. */
  timeoutSeconds: number;
}

/** The process was killed for its time, ran out of memory, or died: the job may be tried again. */
export class ReplicationProcessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplicationProcessError';
  }
}

/** The replication itself threw (a bad scenario, a bug): the same data would throw again. */
export class ReplicationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplicationError';
  }
}

/**
 * server/bin/replication.js, which runs the bundle's replication entry: this module is
 * server/src/experiments/*.ts when run from source (Vitest, tsx) and a chunk in server/dist when bundled.
 */
const ENTRY = fileURLToPath(
  new URL(
    import.meta.url.endsWith('.ts') ? '../../bin/replication.js' : '../bin/replication.js',
    import.meta.url,
  ),
);
/** The last bytes of a dead process's stderr kept to say why it died. */
const STDERR_TAIL = 4096;

/**
 * One child process that runs replications one at a time (node:child_process, so a replication can
 * neither block the worker's event loop nor take its memory). The process is kept between
 * replications (loading the model costs about a second) and replaced after one is killed or dies.
 */
export class ReplicationProcess {
  private child: ChildProcess | undefined;
  /** Whether the child said it listens (a message sent before that would be lost). */
  private ready = false;
  private stderr = '';

  constructor(private readonly caps: ReplicationCaps) {}

  /**
   * Run one replication; `onProgress` gets the fraction done. Rejects with ReplicationProcessError
   * when the process is killed at the time limit or dies (out of memory), ReplicationError when the
   * replication throws.
   */
  run(message: ParentMessage, onProgress: (fraction: number) => void): Promise<EncodedReplication> {
    const child = this.spawn();
    const { timeoutSeconds, memoryMb } = this.caps;
    return new Promise<EncodedReplication>((resolve, reject) => {
      const done = (error: Error | undefined, result?: EncodedReplication) => {
        clearTimeout(timer);
        child.off('message', onMessage).off('exit', onExit);
        if (error) reject(error);
        else resolve(result as EncodedReplication);
      };
      const timer = setTimeout(() => {
        this.kill();
        done(
          new ReplicationProcessError(
            `killed at the time limit: the replication ran longer than ${timeoutSeconds} s (REPLICATION_TIMEOUT_SECONDS)`,
          ),
        );
      }, timeoutSeconds * 1000);
      const onMessage = (m: ChildMessage) => {
        if (m.kind === 'ready') child.send(message);
        else if (m.kind === 'progress') onProgress(m.fraction);
        else if (m.kind === 'done') done(undefined, m.result);
        else if (m.kind === 'error') done(new ReplicationError(m.message));
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        if (this.child === child) this.child = undefined;
        const oom = /heap out of memory|allocation failed/i.test(this.stderr);
        done(
          new ReplicationProcessError(
            oom
              ? `the replication's process ran out of memory (limit ${memoryMb} MB, REPLICATION_MEMORY_MB)`
              : `the replication's process died (${signal ? `signal ${signal}` : `exit code ${code}`})`,
          ),
        );
      };
      child.on('message', onMessage).on('exit', onExit);
      if (this.ready) child.send(message);
    });
  }

  /** Stop the process (a replication in progress is abandoned). */
  kill(): void {
    const child = this.child;
    this.child = undefined;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  private spawn(): ChildProcess {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) return this.child;
    this.stderr = '';
    this.ready = false;
    const child = fork(ENTRY, [], {
      execArgv: [`--max-old-space-size=${this.caps.memoryMb}`],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-STDERR_TAIL);
    });
    // A process that cannot start (no build and no esbuild to make one, a bad entry) exits: run() answers that as its death.
    child.on('error', () => undefined);
    child.once('message', () => {
      this.ready = true;
    });
    this.child = child;
    return child;
  }
}
