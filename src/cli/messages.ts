// Every message the CLI itself writes (bad command lines, the commands' own checks, what it did), in
// English and Japanese. Terms follow the project's glossary: 演習, 問い, ヒント, 採点, 途中式つきの解説.
import { text, type Text } from '../text/lang';

/** A space between a Latin word and the kana after it (`FILE を`), none after Japanese (`）を`). */
const latinSpace = (words: string): string => (/[\x21-\x7e]$/.test(words) ? `${words} ` : words);

const quotedIn = (message: string): string | undefined => /'([^']*)'/.exec(message)?.[1];

/** The generic parser's words (src/cli/parse.ts). */
export const PARSE = {
  notAllowed: (command: string, flag: string, allowed: Text | null, values: readonly string[], got: string): Text =>
    text(
      `${command}: ${flag} must be ${allowed?.en ?? `one of ${values.join(', ')}`}, got "${got}"`,
      `${command}: ${flag} は ${allowed?.ja ?? `${values.join(', ')} のいずれか`}にしてください（指定値: "${got}"）`,
    ),
  notInteger: (command: string, flag: string, min: number, max: number, got: string): Text =>
    text(
      `${command}: ${flag} must be an integer from ${min} to ${max}, got "${got}"`,
      `${command}: ${flag} は ${min} から ${max} までの整数にしてください（指定値: "${got}"）`,
    ),
  missing: (command: string, expected: Text): Text =>
    text(`${command}: expected ${expected.en}`, `${command}: ${latinSpace(expected.ja)}を指定してください`),
  /** `takes`: the positionals as in the usage (`FILE`, `[TOPIC]`), or '' for none. */
  unexpected: (command: string, arg: string, takes: string): Text =>
    takes === ''
      ? text(
          `${command}: unexpected argument "${arg}" (${command} takes no arguments, only options)`,
          `${command}: 予期しない引数 "${arg}" です（${command} は引数を取らず、オプションだけを取ります）`,
        )
      : text(
          `${command}: unexpected argument "${arg}" (${command} takes ${takes})`,
          `${command}: 予期しない引数 "${arg}" です（${command} の引数は ${takes} だけです）`,
        ),
  /**
   * node:util parseArgs's own errors (unknown option, missing value…): English as Node wrote it,
   * Japanese translated from the error's code; a message it does not know stays English.
   */
  parseArgs(error: Error): Text {
    const en = error.message;
    const code = (error as { code?: string }).code;
    const quoted = quotedIn(en);
    const ja = (() => {
      if (quoted === undefined) return en;
      if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
        return `不明なオプション '${quoted}' です。'-' で始まる文字列を位置引数として渡すには、コマンドの最後に '--' を置いてその後に書いてください（例: -- "${quoted}"）`;
      }
      if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
        if (/argument missing/.test(en)) return `オプション '${quoted}' の値がありません`;
        if (/does not take an argument/.test(en)) return `オプション '${quoted}' は値を取りません`;
        if (/is ambiguous/.test(en)) {
          // The next argument starts with '-', so parseArgs will not take it as the value.
          const long = /use '([^'=]+)=-XYZ'/.exec(en)?.[1] ?? quoted;
          return `オプション '${quoted}' の値がありません（次の引数が '-' で始まっています）。'-' で始まる値を渡すには '${long}=-XYZ' のように書いてください`;
        }
      }
      if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `予期しない引数 '${quoted}' です`;
      return en;
    })();
    return text(en, ja);
  },
} as const;

/** The program's own words (src/cli/main.ts). */
export const MAIN = {
  unknownCommand: (command: string): Text => text(`unknown command "${command}"`, `不明なコマンド "${command}" です`),
  badEnvLang: (variable: string, value: string): Text =>
    text(
      `${variable} must be en or ja, got "${value}"`,
      `${variable} は en か ja にしてください（指定値: "${value}"）`,
    ),
  /** `english`: the error's own message. */
  outOfRange: (english: string, exponent: number | string, tooSmall: boolean): Text =>
    text(
      english,
      `e^(${exponent}) が${tooSmall ? '小さ' : '大き'}すぎて計算できません。重みと入力を手計算できる大きさにしてください`,
    ),
  internal: text('internal error', '内部エラー'),
  debugHint: (variable: string): Text =>
    text(
      ` (a bug: please report it; ${variable}=1 shows the details)`,
      `（不具合です。報告してください。${variable}=1 で詳細を表示します）`,
    ),
} as const;

/** `solve` and its worked solutions (src/cli/solve.ts, src/cli/solve-worked.ts). */
export const SOLVE = {
  onlyWorked: (flag: string, formats: string): Text =>
    text(`solve: ${flag} applies to --format ${formats}`, `solve: ${flag} は --format ${formats} のときだけ使えます`),
  noBrowser: (looked: string): Text =>
    text(
      `cannot make a PDF: no Chromium browser found (looked for ${looked}). Install Debian's chromium (apt-get install chromium) or set BACKPROP_TUTOR_CHROMIUM to the browser's path; --format html gives the same document to print from any browser.`,
      `PDFを作れません: Chromiumが見つかりません（探した場所: ${looked}）。Debianのchromiumをインストールする（apt-get install chromium）か、BACKPROP_TUTOR_CHROMIUM にブラウザのパスを設定してください。--format html なら同じ文書をどのブラウザからでも印刷できます。`,
    ),
  browserFailed: (why: string): Text =>
    text(`cannot make a PDF: the browser failed: ${why}`, `PDFを作れません: ブラウザがエラーになりました: ${why}`),
  browserTimeout: (browser: string, stage: 'launch' | 'print', seconds: number, variable: string): Text =>
    stage === 'launch'
      ? text(
          `cannot make a PDF: the browser ${browser} did not start within ${seconds} s; it was stopped. Give it longer with --pdf-timeout SECONDS (or ${variable}), or use --format html and print from any browser.`,
          `PDFを作れません: ブラウザ ${browser} が ${seconds} 秒以内に起動しなかったため停止しました。--pdf-timeout SECONDS（または ${variable}）で待つ時間を延ばすか、--format html にしてどのブラウザからでも印刷してください。`,
        )
      : text(
          `cannot make a PDF: the browser ${browser} did not finish printing within ${seconds} s; it was stopped. Give it longer with --pdf-timeout SECONDS (or ${variable}), or use --format html and print from any browser.`,
          `PDFを作れません: ブラウザ ${browser} が ${seconds} 秒以内に印刷を終えなかったため停止しました。--pdf-timeout SECONDS（または ${variable}）で待つ時間を延ばすか、--format html にしてどのブラウザからでも印刷してください。`,
        ),
  badPdfTimeoutEnv: (variable: string, max: number, value: string): Text =>
    text(
      `${variable} must be a whole number of seconds from 1 to ${max}, got "${value}"`,
      `${variable} は 1 から ${max} までの秒数（整数）にしてください（指定値: "${value}"）`,
    ),
  pdfToTerminal: text(
    'a PDF is binary: give --output FILE.pdf, or redirect standard output to a file',
    'PDFはバイナリです: --output FILE.pdf を指定するか、標準出力をファイルにリダイレクトしてください',
  ),
  wrote: (file: string, bytes: number): Text =>
    text(`wrote ${file} (${bytes} bytes)`, `${file} に書き出しました（${bytes} バイト）`),
} as const;

/** `explain` (src/cli/explain.ts). */
export const EXPLAIN = {
  unknownTopic: (topic: string, ids: string): Text =>
    text(
      `explain: unknown topic "${topic}"; topics: ${ids}`,
      `explain: "${topic}" というトピックはありません。トピック: ${ids}`,
    ),
} as const;

/** `exercise` (src/cli/exercise.ts). */
export const EXERCISE = {
  unknownTemplate: (name: string, names: string): Text =>
    text(
      `exercise: unknown template "${name}"; expected one of ${names}`,
      `exercise: "${name}" というテンプレートはありません。テンプレート: ${names}`,
    ),
} as const;

/** `check` (src/cli/check.ts). */
export const CHECK = {
  pair: (flag: string, pair: string): Text =>
    text(
      `check: ${flag} expects ASK=VALUE (e.g. ${flag} a1=0.15), got "${pair}"`,
      `check: ${flag} は ASK=VALUE の形で指定してください（例: ${flag} a1=0.15。指定値: "${pair}"）`,
    ),
  workWithAnswers: text(
    'check: --work checks your own work on a network; --answer, --hint and --hints-used are for exercises',
    'check: --work はネットワークについての自分の手計算を確かめます。--answer, --hint, --hints-used は演習に使います',
  ),
  noSuchAsk: (flag: string, id: string, ids: string): Text =>
    text(
      `check: ${flag} ${id}: the exercise has no ask "${id}" (its asks: ${ids})`,
      `check: ${flag} ${id}: この演習に "${id}" という問いはありません（問い: ${ids}）`,
    ),
  hintAndAnswer: text(
    'check: ask for a --hint, or grade --answer; not both at once',
    'check: --hint（ヒントの表示）と --answer（採点）は同時に使えません',
  ),
  hintLevel: (id: string, level: string, count: number): Text =>
    text(
      `check: --hint ${id}=${level}: this ask has hints 1..${count}`,
      `check: --hint ${id}=${level}: この問いのヒントは 1〜${count} です`,
    ),
  needAnswer: text(
    'check: give at least one --answer ASK=VALUE (or --work for your own work on a network)',
    'check: --answer ASK=VALUE を1つ以上指定してください（ネットワークについての自分の手計算なら --work）',
  ),
  answerTwice: (id: string): Text =>
    text(`check: --answer ${id} is given twice`, `check: --answer ${id} が2回指定されています`),
  hintsUsedCount: (id: string, n: string): Text =>
    text(
      `check: --hints-used ${id}=${n}: expected a count such as 1 or 2`,
      `check: --hints-used ${id}=${n}: 1 や 2 のような個数を指定してください`,
    ),
  hintsUsedTooMany: (id: string, n: string, available: number): Text =>
    text(
      `check: --hints-used ${id}=${n}: this ask has ${available} hint${available === 1 ? '' : 's'} (0..${available})`,
      `check: --hints-used ${id}=${n}: この問いのヒントは ${available} 個です（0〜${available}）`,
    ),
  hint: text('hint', 'ヒント'),
  askNotFormula: text("expected a formula in the ask's variables", '問いの変数を使った式を指定してください'),
  cannotCompute: (quantity: string, layer: number | undefined, index: readonly number[] | undefined): Text => {
    const enWhere = `${layer !== undefined ? ` of layer ${layer}` : ''}${index ? ` at [${index.join(', ')}]` : ''}`;
    const jaWhere = [layer !== undefined ? `layer ${layer}` : null, index ? `index [${index.join(', ')}]` : null]
      .filter((w) => w !== null)
      .join('、');
    return text(
      `cannot compute ${quantity}${enWhere} for this network (check quantity, layer and index)`,
      `このネットワークでは ${quantity}${jaWhere ? `（${jaWhere}）` : ''}を計算できません（quantity, layer, index を確かめてください）`,
    );
  },
} as const;

/** `quiz` (src/cli/quiz.ts). */
export const QUIZ = {
  unknownTopic: (name: string, names: string): Text =>
    text(
      `quiz: unknown topic "${name}"; expected one of ${names}`,
      `quiz: "${name}" というトピックはありません。トピック: ${names}`,
    ),
  unknownTemplate: (name: string, names: string): Text =>
    text(
      `quiz: unknown template "${name}"; expected one of ${names}`,
      `quiz: "${name}" というテンプレートはありません。テンプレート: ${names}`,
    ),
  resumeWith: (flags: string): Text =>
    text(
      `quiz: --resume continues a saved session as it was; it takes no ${flags}`,
      `quiz: --resume は保存したセッションをそのまま続けます。${flags} は指定できません`,
    ),
  noJournal: (dir: string): Text =>
    text(
      `quiz: --resume: no saved quiz in ${dir}; name one with --session FILE`,
      `quiz: --resume: ${dir} に保存した小テストがありません。--session FILE で指定してください`,
    ),
  noSuchJournal: text('no such file (nothing to resume)', 'ファイルがありません（続けるセッションがありません）'),
  emptySession: text(
    'the file name is empty: give --session FILE, or leave --session out for a journal in the state folder',
    'ファイル名が空です。--session FILE を指定するか、--session を省いて状態フォルダに記録してください',
  ),
} as const;

/** `practice` (src/cli/practice.ts). */
export const PRACTICE = {
  unknownTemplate: (name: string, names: string): Text =>
    text(
      `practice: unknown template "${name}"; expected one of ${names}`,
      `practice: "${name}" というテンプレートはありません。テンプレート: ${names}`,
    ),
  scormNeedsOutput: text(
    'practice: --scorm writes a zip: name the file with --output OUT (e.g. --output practice.zip)',
    'practice: --scorm は zip を書き出します: --output OUT でファイルを指定してください（例: --output practice.zip）',
  ),
  wrote: (file: string, count: number, seed: number): Text =>
    text(
      `practice: wrote ${file} (${count} exercise${count === 1 ? '' : 's'}, seed ${seed})`,
      `practice: ${file} を書き出しました（演習 ${count} 問、シード ${seed}）`,
    ),
  cannotWrite: (reason: string): Text =>
    text(`cannot write the file (${reason})`, `ファイルに書き込めません（${reason}）`),
  drawn: (count: number, seed: number): Text =>
    text(
      `practice: ${count} exercise${count === 1 ? '' : 's'}, seed ${seed} (the same page again: --seed ${seed})`,
      `practice: 演習 ${count} 問、シード ${seed}（同じページをもう一度: --seed ${seed}）`,
    ),
} as const;

/** `generate` (src/cli/generate.ts). */
export const GENERATE = {
  pdfTimeoutWithoutPdf: text(
    'generate: --pdf-timeout applies to --format pdf',
    'generate: --pdf-timeout は --format に pdf があるときだけ使えます',
  ),
  rosterOrVariants: text(
    'generate: give the class as --roster roster.csv or a number of variants as --variants N (one of them)',
    'generate: クラスを --roster roster.csv で、または問題の数を --variants N で指定してください（どちらか一方）',
  ),
  badFormat: (got: string, formats: string): Text =>
    text(
      `generate: --format takes formats separated by commas from ${formats}, got "${got}"`,
      `generate: --format には ${formats} からカンマ区切りで指定してください（指定値: "${got}"）`,
    ),
  emptyRoster: (file: string): Text => text(`${file}: the roster has no students`, `${file}: 名簿に学生がいません`),
  replaced: (student: string, question: number, seed: number, why: string): Text =>
    text(
      `generate: student ${student}, question ${question}: the variant of seed ${seed} failed its self-test (${why}); replaced`,
      `generate: 学生 ${student} の問題 ${question}: シード ${seed} の問題が自己検査に失敗しました（${why}）。別の問題に差し替えました`,
    ),
  selfTestFailed: (message: string): Text =>
    text(`generate: ${message}`, `generate: 自己検査に合格する問題が見つかりません（${message}）`),
  wrote: (count: number, dir: string, students: number): Text =>
    text(
      `generate: wrote ${count} files for ${students} student${students === 1 ? '' : 's'} in ${dir}`,
      `generate: ${dir} に ${students} 人分、${count} 個のファイルを書き出しました`,
    ),
} as const;

/** Writing the output (src/cli/output.ts): `cannot write PATH: reason`. */
export const OUTPUT = {
  cannotWrite: (where: string, why: Text): Text =>
    text(`cannot write ${where}: ${why.en}`, `${latinSpace(where)}に書き込めません: ${why.ja}`),
  stdout: text('standard output', '標準出力'),
  empty: text(
    'the file name is empty (use - for standard output)',
    'ファイル名が空です（標準出力には - を指定します）',
  ),
  isInput: text(
    'it is the input file, which would be overwritten; give another file name',
    '入力ファイルそのものです。上書きしてしまうので、別のファイル名を指定してください',
  ),
  noFolder: (folder: string): Text => text(`its folder ${folder} does not exist`, `フォルダ ${folder} が存在しません`),
  failed: (code: string): Text => text(`the write failed (${code})`, `書き込みに失敗しました（${code}）`),
  /** The words for each errno a write can end in. */
  reasons: {
    EISDIR: text('it is a folder; give a file name', 'フォルダです。ファイル名を指定してください'),
    ENOENT: text('its folder does not exist', 'フォルダが存在しません'),
    EEXIST: text(
      'a file of that name is in the way (a folder is needed)',
      '同じ名前のファイルがあります（フォルダが必要です）',
    ),
    ENOTDIR: text('a part of the path is not a folder', 'パスの途中にフォルダでないものがあります'),
    EACCES: text('permission denied', '書き込む権限がありません'),
    EPERM: text('permission denied', '書き込む権限がありません'),
    EROFS: text('the file system is read-only', '読み取り専用のファイルシステムです'),
    ENAMETOOLONG: text('the name is too long', '名前が長すぎます'),
    ELOOP: text('too many symbolic links', 'シンボリックリンクが多すぎます'),
    ENOSPC: text('no space left on the device', 'デバイスの空き容量がありません'),
    EDQUOT: text('the disk quota is used up', 'ディスクの割り当て容量を使い切りました'),
    EFBIG: text('the file is too large for the device', 'ファイルがデバイスに対して大きすぎます'),
    EIO: text('the device reported an input/output error', 'デバイスで入出力エラーが起きました'),
  } as Readonly<Record<string, Text>>,
} as const;

export const GRADE = {
  needResponses: text('grade: expected --responses answers.csv', 'grade: --responses answers.csv を指定してください'),
  problem: (file: string, line: number | null, message: string): Text =>
    text(
      `grade: ${line === null ? file : `${file}:${line}`}: ${message}`,
      `grade: ${line === null ? file : `${file}:${line}`}: ${message}`,
    ),
  graded: (graded: number, all: number): Text =>
    text(`Graded ${graded} of ${all} students.`, `${all} 人中 ${graded} 人を採点しました。`),
  means: text('Mean per question:', '問題ごとの平均点:'),
  absent: text('no answers', '解答なし'),
  wrote: (file: string): Text => text(`grade: wrote ${file}`, `grade: ${file} を書き出しました`),
} as const;

export const KEY = {
  pdfTimeoutWithoutPdf: text(
    'key: --pdf-timeout applies to --format pdf',
    'key: --pdf-timeout は --format pdf のときだけ使えます',
  ),
  needSet: text(
    'key: expected --set SET.yaml (the code holds the variant, not the set it belongs to)',
    'key: --set SET.yaml を指定してください（コードが表すのは問題で、どのセットかは含みません）',
  ),
  badCode: (code: string): Text =>
    text(
      `key: "${code}" is not a code: expected the 7 characters printed on the sheets (0-9 and A-Z without I, L, O, U)`,
      `key: "${code}" はコードではありません。問題用紙に印刷された7文字（0-9 と I, L, O, U を除く A-Z）を指定してください`,
    ),
  pdfNeedsOutput: text(
    'key: --format pdf writes a file: add --output OUT.pdf',
    'key: --format pdf はファイルに書き出します。--output OUT.pdf を指定してください',
  ),
  student: (code: string): string => `code-${code}`,
} as const;

/** The words of `export` (src/cli/export.ts). */
export const EXPORT = {
  needTo: text('export: expected --to moodle or --to qti', 'export: --to moodle または --to qti を指定してください'),
  needOut: text('export: expected --out FILE', 'export: --out FILE を指定してください'),
  progress: (done: number, total: number): Text =>
    text(`export: ${done}/${total} variants verified`, `export: ${done}/${total} 通りを検証しました`),
  cannotWrite: (why: string): Text =>
    text(
      `cannot write the file here (${why}): give another --out`,
      `ここにはファイルを書き込めません（${why}）。別の --out を指定してください`,
    ),
  noFolder: (folder: string): Text =>
    text(
      `the folder ${folder} does not exist: give --out a file in an existing folder`,
      `フォルダ ${folder} がありません。--out には既存のフォルダ内のファイルを指定してください`,
    ),
  isFolder: text(
    'is a folder: --out takes a file name (quiz.xml, quiz.zip)',
    'フォルダです。--out にはファイル名（quiz.xml, quiz.zip）を指定してください',
  ),
  qtiToStdout: text(
    'export: a QTI zip is binary: give --out FILE (- is for Moodle XML only)',
    'export: QTI の zip はバイナリです。--out FILE を指定してください（- は Moodle XML 専用です）',
  ),
  noNumeric: text(
    'expected at least one question with a number to answer (formula questions cannot be exported)',
    '数値で答える問題が少なくとも1つ必要です（式を答える問題はエクスポートできません）',
  ),
  formulaOnly: (question: number): Text =>
    text(
      `export: question ${question} asks for formulas only: an LMS numeric field cannot grade them; left out`,
      `export: 問題 ${question} は式だけを問います。学習管理システムの数値入力欄では採点できないため、除きました`,
    ),
  formulaAsk: (question: number, ask: string): Text =>
    text(
      `export: question ${question}, ${ask} asks for a formula: left out (the other asks are kept)`,
      `export: 問題 ${question} の ${ask} は式を問います。この問いは除きました（他の問いは残します）`,
    ),
  replaced: (variant: string, question: number, seed: number, why: string): Text =>
    text(
      `export: variant ${variant}, question ${question}: the variant of seed ${seed} failed its self-test (${why}); replaced`,
      `export: ${variant} の問題 ${question}: シード ${seed} の問題が自己検査に失敗しました（${why}）。別の問題に差し替えました`,
    ),
  selfTestFailed: (message: string): Text =>
    text(`export: ${message}`, `export: 自己検査に合格する問題が見つかりません（${message}）`),
  wrote: (file: string, format: string, questions: number, variants: number): Text =>
    text(
      `export: wrote ${file} (${format}: ${questions} question${questions === 1 ? '' : 's'} × ${variants} variant${variants === 1 ? '' : 's'})`,
      `export: ${file} を書き出しました（${format}: ${questions} 問 × ${variants} 通り）`,
    ),
} as const;
