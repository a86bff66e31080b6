// Worker threads for `generate` (node:worker_threads): each student's exam and files are independent,
// so a pool of workers makes them side by side while the main thread writes in roster order. A reply
// that comes early waits for its turn; a student is handed out only a few places ahead of the one
// being written, so a class of 1,000 holds a few students' files, not the class's.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Exam, Replaced } from '../sets/exam';
import type { SetFormat } from '../sets/files';
import type { Student } from '../sets/roster';
import type { ExerciseSet } from '../sets/types';

export type PoolRequest =
  | { readonly kind: 'exam'; readonly index: number; readonly student: Student }
  | { readonly kind: 'files'; readonly index: number; readonly exam: Exam };

export type PoolReply =
  | { readonly index: number; readonly exam: Exam; readonly replaced: readonly Replaced[] }
  | { readonly index: number; readonly selfTestFailed: string; readonly replaced: readonly Replaced[] }
  /** The student's files were written, but for the PDFs (their HTML, to print) and with the practice pages (to zip). */
  | {
      readonly index: number;
      readonly written: number;
      readonly print: readonly (readonly [string, string])[];
      readonly practice: readonly (readonly [string, string])[];
    }
  /** Something other than a failed self-test went wrong: the main thread does this student itself. */
  | { readonly index: number; readonly failed: true };

export interface Pool {
  /** How many workers. */
  readonly size: number;
  /**
   * Asks `request(i)` of the workers for i = 0 … count − 1 and gives each reply to `deliver` in the
   * order of i, one at a time; at most `ahead` requests beyond the one being delivered are handed out.
   */
  run(
    count: number,
    request: (index: number) => PoolRequest,
    deliver: (index: number, reply: PoolReply) => Promise<void> | void,
    ahead: number,
  ): Promise<void>;
  close(): Promise<void>;
}

/**
 * The worker's script beside the bundle (dist/generate-worker.js; this module is one of dist/chunks/),
 * or null where there is none (the sources run unbundled): then the main thread does all the work.
 */
function workerScript(): URL | null {
  const url = new URL(
    import.meta.url.includes('/chunks/') ? '../generate-worker.js' : './generate-worker.js',
    import.meta.url,
  );
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
}

/**
 * A worker's space for new objects: KaTeX and the 64-digit decimals make short-lived objects by the
 * million (a class of 40 measured 10.8 s CPU with 16 MB, 10.3 with 48, 9.9 with 192); 64 MB, as each
 * worker pays its size in memory.
 */
const YOUNG_GENERATION_MB = 64;
/**
 * A worker's heap for the rest: it holds one student's documents and bounded caches (under 256 MB
 * measured); the limit makes it collect instead of growing while a class of 1,000 passes through.
 */
const OLD_GENERATION_MB = 512;

/** What every worker is told: the set, the formats and the folder to write into. */
export interface PoolJob {
  readonly set: ExerciseSet;
  readonly formats: readonly SetFormat[];
  readonly out: string;
}

/** A pool of `size` workers for the class, or null when there is no worker script. */
export function generatePool(size: number, job: PoolJob): Pool | null {
  const script = workerScript();
  if (script === null) return null;
  const workers = Array.from(
    { length: size },
    () =>
      new Worker(script, {
        workerData: job,
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: OLD_GENERATION_MB },
      }),
  );
  // Each worker's replies go to the pass under way.
  let onReply: (worker: Worker, reply: PoolReply) => void = () => {};
  let onError: (error: Error) => void = () => {};
  for (const worker of workers) {
    worker.on('message', (reply: PoolReply) => onReply(worker, reply));
    worker.on('error', (error) => onError(error));
  }
  return {
    size,
    run(count, request, deliver, ahead) {
      return new Promise<void>((resolve, reject) => {
        const idle = [...workers];
        const ready = new Map<number, PoolReply>();
        let next = 0;
        let delivered = 0;
        let delivering = false;
        let stopped = false;
        const stop = (error: unknown) => {
          stopped = true;
          reject(error);
        };
        const handOut = () => {
          while (!stopped && idle.length > 0 && next < count && next <= delivered + ahead) {
            const worker = idle.shift() as Worker;
            worker.postMessage(request(next++));
          }
        };
        const drain = async () => {
          if (delivering || stopped) return;
          delivering = true;
          try {
            while (!stopped && ready.has(delivered)) {
              const reply = ready.get(delivered) as PoolReply;
              ready.delete(delivered);
              await deliver(delivered, reply);
              delivered++;
              handOut();
            }
          } catch (error) {
            stop(error);
          } finally {
            delivering = false;
          }
          if (!stopped && delivered === count) resolve();
        };
        onReply = (worker, reply) => {
          ready.set(reply.index, reply);
          idle.push(worker);
          handOut();
          void drain();
        };
        onError = stop;
        if (count === 0) resolve();
        else handOut();
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
