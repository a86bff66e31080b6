// SCORM 1.2 run-time reporting: the LMS puts an object named API on one of the windows around the
// content's frame; the standard search walks up the parent chain (at most a few levels), then the
// opener's. Without one (a page opened on its own) nothing is reported and nothing fails.

/** The calls of the SCORM 1.2 API this page makes. */
export interface ScormApi {
  LMSInitialize(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSFinish(arg: ''): string;
}

const MAX_LEVELS = 7;

function apiIn(start: Window | null): ScormApi | null {
  let w: Window | null = start;
  for (let level = 0; w !== null && level <= MAX_LEVELS; level++) {
    try {
      const api = (w as unknown as { API?: ScormApi }).API;
      if (api && typeof api.LMSInitialize === 'function') return api;
      if (w.parent === w) return null;
      w = w.parent;
    } catch {
      // A window of another origin cannot be read: the API is not there.
      return null;
    }
  }
  return null;
}

export function findScormApi(self: Window): ScormApi | null {
  return apiIn(self) ?? apiIn(self.opener as Window | null);
}

/** SCORM 1.2 keeps at most this many characters of suspend data. */
export const SUSPEND_DATA_LIMIT = 4096;

/**
 * Reports to the LMS: the score in percent, and "completed" once every ask has been answered; keeps
 * the page's progress in cmi.suspend_data (when it fits), so another device resumes where it stopped.
 */
export function scormReporter(api: ScormApi | null) {
  if (api === null) return { stored: () => null, keep: () => {}, report: () => {}, finish: () => {} };
  let open = api.LMSInitialize('') === 'true';
  let completed = false;
  return {
    stored(): string | null {
      if (!open) return null;
      const data = api.LMSGetValue('cmi.suspend_data');
      return typeof data === 'string' && data !== '' ? data : null;
    },
    keep(progress: string) {
      if (open && progress.length <= SUSPEND_DATA_LIMIT) api.LMSSetValue('cmi.suspend_data', progress);
    },
    report(percent: number, done: boolean) {
      if (!open) return;
      completed = done;
      api.LMSSetValue('cmi.core.score.min', '0');
      api.LMSSetValue('cmi.core.score.max', '100');
      api.LMSSetValue('cmi.core.score.raw', String(percent));
      api.LMSSetValue('cmi.core.lesson_status', done ? 'completed' : 'incomplete');
      api.LMSCommit('');
    },
    finish() {
      if (!open) return;
      open = false;
      // Left unfinished: the LMS is to resume the attempt next time.
      api.LMSSetValue('cmi.core.exit', completed ? '' : 'suspend');
      api.LMSFinish('');
    },
  };
}
