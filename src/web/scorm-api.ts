// SCORM 1.2 run-time reporting: the LMS puts an object named API on one of the windows around the
// content's frame; the standard search walks up the parent chain (at most a few levels), then the
// opener's. Without one (a page opened on its own) nothing is reported and nothing fails.

/** The calls of the SCORM 1.2 API this page makes. */
export interface ScormApi {
  LMSInitialize(arg: ''): string;
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

/** Reports to the LMS: the score in percent, and "completed" once every ask has been answered. */
export function scormReporter(api: ScormApi | null) {
  if (api === null) return { report: () => {}, finish: () => {} };
  let open = api.LMSInitialize('') === 'true';
  return {
    report(percent: number, completed: boolean) {
      if (!open) return;
      api.LMSSetValue('cmi.core.score.min', '0');
      api.LMSSetValue('cmi.core.score.max', '100');
      api.LMSSetValue('cmi.core.score.raw', String(percent));
      api.LMSSetValue('cmi.core.lesson_status', completed ? 'completed' : 'incomplete');
      api.LMSCommit('');
    },
    finish() {
      if (!open) return;
      open = false;
      api.LMSFinish('');
    },
  };
}
