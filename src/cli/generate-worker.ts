// A worker thread of `generate`: makes whole students on request, one at a time — an exam (every
// variant self-tested), or a student's files from the exam, which it writes itself (the bytes of a
// file do not depend on which thread made it or when). Anything else that goes wrong is
// answered with `failed`: the main thread then does that student itself and reports the error as a
// sequential run would.
import { setFlagsFromString } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { SelfTestError, studentExam, type Replaced } from '../sets/exam';
import { studentFiles } from '../sets/files';
import type { Student } from '../sets/roster';
import { selfTest } from '../sets/verify';
import { practicePages, textOf, writeSetFile } from './generate-render';
import type { PoolJob, PoolReply, PoolRequest } from './generate-pool';

// As in the main thread of generate: seconds of work, worth V8's optimising compiler.
setFlagsFromString('--opt');

const { set, formats, out } = workerData as PoolJob;
const port = parentPort;
if (port === null) throw new Error('generate-worker runs as a worker thread');

const practice = formats.includes('practice') ? await practicePages(set) : undefined;

async function answer(request: PoolRequest): Promise<PoolReply> {
  if (request.kind === 'exam') {
    const replaced: Replaced[] = [];
    try {
      return { index: request.index, exam: studentExam(set, request.student as Student, selfTest, replaced), replaced };
    } catch (error) {
      if (!(error instanceof SelfTestError)) throw error;
      return { index: request.index, selfTestFailed: error.message, replaced };
    }
  }
  const print: [string, string][] = [];
  const pages: [string, string][] = [];
  let written = 0;
  // A PDF's HTML goes back as it is: the main thread prints it.
  for (const [path, content] of await studentFiles(set, request.exam, formats, textOf, practice)) {
    if (path.endsWith('.pdf')) {
      print.push([path, content as string]);
      continue;
    }
    writeSetFile(out, path, content);
    written++;
    if (path.endsWith('/practice.html')) pages.push([path, content as string]);
  }
  return { index: request.index, written, print, practice: pages };
}

port.on('message', (request: PoolRequest) => {
  answer(request).then(
    (reply) => port.postMessage(reply),
    () => port.postMessage({ index: request.index, failed: true } satisfies PoolReply),
  );
});
