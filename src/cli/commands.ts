// Every command of the CLI: its positionals, its options with their types, values and defaults, the
// ways to call it, each described in English and Japanese. The parser and the usage text are built
// from this table; it is plain data (loaded at every start), the commands themselves load lazily.
import { MAX_SEED } from '../exercises/prng';
import {
  DEFAULT_PDF_TIMEOUT_S,
  MAX_PDF_TIMEOUT_S,
  PDF_TIMEOUT_ENV,
  PRINT_CHARS_PER_TIMEOUT,
} from '../render/pdf-timeout';
import { LANGS, text } from '../text/lang';
import type { CommandSpec, EnumOption } from './options';

const lang = {
  type: 'enum',
  values: LANGS,
  default: 'en',
  description: text(
    'The language of the output and of the messages: English or Japanese\n(BACKPROP_TUTOR_LANG sets the default).',
    '出力とメッセージの言語: 英語（en）または日本語（ja）（BACKPROP_TUTOR_LANG を設定すると既定値が変わります）。',
  ),
} as const satisfies EnumOption;

/** --pdf-timeout, the same for every command that prints a PDF (src/cli/pdf-options.ts reads it). */
const pdfTimeout = {
  type: 'integer',
  value: 'SECONDS',
  min: 1,
  max: MAX_PDF_TIMEOUT_S,
  description: text(
    `With --format pdf: how long starting the browser may take, and printing each\n${PRINT_CHARS_PER_TIMEOUT / 1e6} MB of a page (default ${DEFAULT_PDF_TIMEOUT_S}; ${PDF_TIMEOUT_ENV} sets the default).`,
    `--format pdf のとき: ブラウザの起動と、ページ ${PRINT_CHARS_PER_TIMEOUT / 1e6} MB ごとの印刷に待つ秒数（既定: ${DEFAULT_PDF_TIMEOUT_S}。\n${PDF_TIMEOUT_ENV} で既定値を変えられます）。`,
  ),
} as const;

export const SOLVE = {
  name: 'solve',
  positionals: [
    {
      name: 'FILE',
      required: true,
      expected: text('a network FILE', 'ネットワークのファイル FILE'),
      description: text(
        'A network (YAML or JSON; see README "The network file"), or a computational graph: a top-level\n"graph:" with inputs, nodes and output (see exercises/graphs/).',
        'ネットワークのファイル（YAML または JSON。README の "The network file" を参照）、\nまたは計算グラフのファイル（トップレベルの "graph:" に inputs, nodes, output を書きます。\nexercises/graphs/ を参照）。',
      ),
    },
  ],
  options: {
    format: {
      type: 'enum',
      short: 'f',
      values: ['text', 'json', 'latex', 'markdown', 'html', 'pdf'],
      default: 'text',
      description: text(
        'text, json: the numbers; latex, markdown, html, pdf: a worked solution (pdf is printed by\nheadless Chromium).',
        'text, json: 数値。latex, markdown, html, pdf: 途中式つきの解説（pdf はヘッドレス Chromium で\n印刷します）。',
      ),
    },
    form: {
      type: 'enum',
      values: ['scalar', 'matrix', 'both'],
      description: text(
        'The backward pass of a worked solution: the chain rule per weight (scalar), the matrix form,\nor both (default: both for small networks).',
        '途中式つきの解説の逆伝播: 重みごとの連鎖律（scalar）、行列形式（matrix）、またはその両方\n（both。小さいネットワークでの既定）。',
      ),
    },
    brief: {
      type: 'boolean',
      description: text(
        'With --format text: only the table of values, without the worked steps.',
        '--format text のとき: 途中式を省き、値の表だけを表示します。',
      ),
    },
    // solve has always named its languages "en or ja" in this message; scripts may match it.
    lang: { ...lang, allowed: text('en or ja', 'en か ja') },
    output: {
      type: 'string',
      short: 'o',
      value: 'OUT',
      description: text(
        'Write the worked solution to the file OUT instead of standard output (- is standard output).',
        '途中式つきの解説を標準出力の代わりにファイル OUT に書き出します（- は標準出力）。',
      ),
    },
    'pdf-timeout': pdfTimeout,
  },
  forms: [
    {
      optional: [{ option: 'format', values: ['text', 'json'] }, 'brief', 'lang'],
      description: text(
        "Forward pass, loss, every delta and gradient, one update (gradient descent, momentum or\nAdam, as FILE says; every step when it asks for several) and the loss after it, for the\nnetwork in FILE. For a computational graph: every node's value, the forward and backward\nvalue on each edge, and the gradient of the output with respect to every input and node.",
        'FILE のネットワークについて、順伝播、損失、すべてのデルタ δ と勾配、1回のパラメータの更新\n（FILE の指定により勾配降下法、モーメンタム、Adam。複数ステップならすべて）と、更新後の損失を\n求めます。計算グラフなら、各ノードの値、各エッジの順伝播と逆伝播の値、すべての入力と\nノードについての出力の勾配を示します。',
      ),
    },
    {
      required: [{ option: 'format', values: ['latex', 'markdown', 'html', 'pdf'] }],
      optional: ['form', 'lang', 'output', 'pdf-timeout'],
      description: text(
        'A worked solution, every step with its formula, the numbers substituted and the result:\na LaTeX document, Markdown with $…$ math, one self-contained printable HTML file (KaTeX,\nfonts embedded), or a PDF printed by headless Chromium.',
        '途中式つきの解説: すべてのステップについて、式、数値を代入した式、結果を示します。LaTeX 文書、\n$…$ の数式を含む Markdown、印刷できる1つの HTML ファイル（KaTeX、フォント埋め込み）、または\nヘッドレス Chromium で印刷した PDF。',
      ),
    },
  ],
} as const satisfies CommandSpec;

export const EXPLAIN = {
  name: 'explain',
  positionals: [
    {
      name: 'TOPIC',
      required: false,
      expected: text('a TOPIC', 'トピック TOPIC'),
      description: text(
        'sigmoid, tanh, relu, leaky-relu, prelu, relu6, softmax, softmax-overflow, squared-error, cross-entropy,\nsoftmax-cross-entropy, sigmoid-binary-cross-entropy, chain-rule, affine, gradient-descent,\nl2-regularization, momentum or adam. Without TOPIC: the list of topics (markdown, html, latex: every derivation).',
        'sigmoid, tanh, relu, leaky-relu, prelu, relu6, softmax, softmax-overflow, squared-error, cross-entropy,\nsoftmax-cross-entropy, sigmoid-binary-cross-entropy, chain-rule, affine, gradient-descent,\nl2-regularization, momentum, adam のいずれか。省くとトピックの一覧（markdown, html, latex ではすべての導出）。',
      ),
    },
  ],
  options: {
    lang,
    format: {
      type: 'enum',
      short: 'f',
      values: ['text', 'json', 'markdown', 'html', 'latex'],
      default: 'text',
      description: text(
        'text, json; markdown, html, latex: typeset like the worked solutions.',
        'text, json。markdown, html, latex: 途中式つきの解説と同じように組版します。',
      ),
    },
  },
  forms: [
    {
      optional: ['lang', 'format'],
      description: text(
        'A derivation step by step; without TOPIC, the list of topics.',
        '導関数の導出をステップごとに示します。TOPIC を省くとトピックの一覧。',
      ),
    },
  ],
} as const satisfies CommandSpec;

export const EXERCISE = {
  name: 'exercise',
  positionals: [],
  options: {
    template: {
      type: 'string',
      short: 't',
      value: 'NAME',
      description: text(
        'The exercise template (see --list); without it, the seed picks one.',
        '演習のテンプレート（--list を参照）。省くとシードがテンプレートを選びます。',
      ),
    },
    difficulty: {
      type: 'enum',
      short: 'd',
      values: ['1', '2', '3'],
      default: '1',
      description: text('From 1 (fewest steps) to 3.', '難易度: 1（手順が最も少ない）から 3 まで。'),
    },
    seed: {
      type: 'integer',
      short: 's',
      value: 'S',
      min: 0,
      max: MAX_SEED,
      description: text(
        `An integer from 0 to ${MAX_SEED}; without it a random seed is drawn and printed.`,
        `0 から ${MAX_SEED} までの整数。省くとシードを無作為に選んで表示します。`,
      ),
    },
    lang,
    format: {
      type: 'enum',
      short: 'f',
      values: ['text', 'json'],
      default: 'text',
      description: text(
        'text: the exercise to solve; json: the exercise with its expected answers (what check reads).',
        'text: 解く問題。json: 問題とその解答（check が読むファイル）。',
      ),
    },
    list: {
      type: 'boolean',
      description: text(
        'List the templates instead, each with a one-line description.',
        '問題の代わりにテンプレートの一覧（それぞれ1行の説明つき）を表示します。',
      ),
    },
  },
  forms: [
    {
      optional: ['template', 'difficulty', 'seed', 'lang', 'format'],
      description: text(
        'One exercise with hand-friendly numbers; the same template, seed and difficulty always give\nthe same exercise.',
        '手計算しやすい数値の演習問題を1つ出します。テンプレート・シード・難易度が同じなら、いつも\n同じ問題になります。',
      ),
    },
    {
      required: ['list'],
      optional: ['lang', 'format'],
      description: text(
        'The exercise templates with a one-line description each.',
        '演習のテンプレートの一覧（それぞれ1行の説明つき）。',
      ),
    },
  ],
} as const satisfies CommandSpec;

export const CHECK = {
  name: 'check',
  positionals: [
    {
      name: 'FILE',
      required: true,
      expected: text(
        'an EXERCISE.json (with --answer) or a NETWORK file (with --work)',
        '演習のファイル EXERCISE.json（--answer とともに）またはネットワークのファイル（--work とともに）',
      ),
      description: text(
        'EXERCISE.json (saved by exercise --format json), or NETWORK.yaml with --work.',
        'EXERCISE.json（exercise --format json で保存したもの）、または --work とともに NETWORK.yaml。',
      ),
    },
  ],
  options: {
    answer: {
      type: 'string',
      short: 'a',
      value: 'ASK=ANSWER',
      repeatable: true,
      description: text(
        'Your answer to the ask ASK (a1, a2, …): a fraction, decimal, expression or matrix\n(see docs/answers.md).',
        '問い ASK（a1, a2, …）へのあなたの解答: 分数、小数、式、または行列（docs/answers.md を参照）。',
      ),
    },
    hint: {
      type: 'string',
      value: 'ASK[=N]',
      repeatable: true,
      description: text(
        'Show hint N (default 1) of the ask ASK instead of grading; each hint used costs score.',
        '採点の代わりに問い ASK のヒント N（既定: 1）を表示します。ヒントを使うと得点が下がります。',
      ),
    },
    'hints-used': {
      type: 'string',
      value: 'ASK=N',
      repeatable: true,
      description: text(
        'How many hints of the ask ASK you used; each lowers its score.',
        '問い ASK で使ったヒントの数。その分だけ得点が下がります。',
      ),
    },
    work: {
      type: 'string',
      short: 'w',
      value: 'MY-WORK.yaml',
      description: text(
        'Your own hand calculation for NETWORK.yaml, shaped like solve --format json (any subset,\nvalues as you wrote them).',
        'NETWORK.yaml についての自分の手計算。solve --format json と同じ形のファイル（一部だけでもよく、\n値は書いたとおりに）。',
      ),
    },
    format: {
      type: 'enum',
      short: 'f',
      values: ['text', 'json'],
      default: 'text',
      description: text('text or json.', 'text または json。'),
    },
    lang,
  },
  forms: [
    {
      args: ['EXERCISE.json'],
      required: ['answer'],
      optional: ['hints-used', 'format', 'lang'],
      description: text(
        'Grades answers to an exercise: exact or correctly rounded (≥ 3 significant figures),\nrounded intermediates and errors carried forward recognised, common mistakes named\n(see docs/grading.md).',
        '演習の解答を採点します: 厳密な値、または正しく丸めた値（有効数字3桁以上）。途中で丸めた値や\n前の誤りを引き継いだ計算も見分け、よくある間違いを指摘します（docs/grading.md を参照）。',
      ),
    },
    {
      args: ['EXERCISE.json'],
      required: ['hint'],
      optional: ['format', 'lang'],
      description: text(
        'Shows a hint instead of grading (each hint costs score).',
        '採点の代わりにヒントを表示します（ヒントを使うと得点が下がります）。',
      ),
    },
    {
      args: ['NETWORK.yaml'],
      required: ['work'],
      optional: ['format', 'lang'],
      description: text(
        'Checks your own hand calculation value by value; points at the first wrong one.',
        '自分の手計算を値ごとに確かめ、最初の誤りを示します。',
      ),
    },
  ],
} as const satisfies CommandSpec;

export const QUIZ = {
  name: 'quiz',
  positionals: [],
  options: {
    topic: {
      type: 'string',
      value: 'T',
      repeatable: true,
      description: text(
        'Practise topic T (repeatable): forward-pass, loss, output-layer, hidden-layers, updates,\nactivations, softmax, matrix-form, graphs, symbolic. Default: your profile chooses what is due\n(Leitner boxes: what you missed comes back sooner, what you mastered later).',
        'トピック T を練習します（複数指定可）: forward-pass, loss, output-layer, hidden-layers, updates,\nactivations, softmax, matrix-form, graphs, symbolic。既定: 記録から復習の時期が来たものを選びます\n（ライトナーの箱: できなかったものは早く、身に付いたものは遅く戻ってきます）。',
      ),
    },
    template: {
      type: 'string',
      short: 't',
      value: 'NAME',
      repeatable: true,
      description: text(
        'Draw the questions from these exercise templates only (repeatable; see exercise --list).',
        '問題をこれらの演習テンプレートだけから出します（複数指定可。exercise --list を参照）。',
      ),
    },
    count: {
      type: 'integer',
      short: 'n',
      value: 'N',
      min: 1,
      max: 100,
      description: text(
        'The number of questions (default 5). A question missed in a session chosen by your profile\ncomes back within it, in the place of a later one: the count stays N.',
        '問題の数（既定: 5）。記録から選んだセッションで間違えた問題はその中でもう一度出ます。\n後の問題と入れ替わるので、問題の数は N のままです。',
      ),
    },
    difficulty: {
      type: 'enum',
      short: 'd',
      values: ['1', '2', '3'],
      description: text(
        'From 1 (fewest steps) to 3 (default 1; without --topic and --template your profile chooses it,\nand it rises after 3 right answers in a row).',
        '難易度: 1（手順が最も少ない）から 3 まで（既定: 1。--topic も --template もなければ記録から選び、\n3問続けて正解すると上がります）。',
      ),
    },
    seed: {
      type: 'integer',
      short: 's',
      value: 'S',
      min: 0,
      max: MAX_SEED,
      description: text(
        `An integer from 0 to ${MAX_SEED}: the same seed gives the same questions; without it one is drawn.`,
        `0 から ${MAX_SEED} までの整数。同じシードなら同じ問題になります。省くと無作為に選びます。`,
      ),
    },
    lang,
    session: {
      type: 'string',
      value: 'FILE',
      description: text(
        'The journal (JSON Lines) every answer is saved to; default: a new file under\n$XDG_STATE_HOME/backprop-tutor/ (~/.local/state/backprop-tutor/).',
        'すべての解答を保存する記録ファイル（JSON Lines）。既定: $XDG_STATE_HOME/backprop-tutor/\n（~/.local/state/backprop-tutor/）の下の新しいファイル。',
      ),
    },
    resume: {
      type: 'boolean',
      description: text(
        'Continue the session of --session FILE (default: the latest) at its next unanswered ask.',
        '--session FILE（既定: 最新のもの）のセッションを、まだ答えていない次の問いから続けます。',
      ),
    },
    plain: {
      type: 'boolean',
      description: text(
        'Plain text, one line in per ask (also when standard input is not a terminal).',
        'プレーンテキストで、問いごとに1行を読みます（標準入力が端末でないときも同じ）。',
      ),
    },
  },
  forms: [
    {
      optional: ['topic', 'template', 'count', 'difficulty', 'seed', 'lang', 'session', 'plain'],
      description: text(
        'A quiz: one exercise at a time, every answer graded with feedback, a second try after a\nwrong answer, hints (hint or ?) and the worked step (steps); saved as you go. Without\n--topic and --template your profile (Leitner boxes) chooses what comes next, and a question\nmissed comes back (a new variant) after two others, each topic at most twice a session.',
        '小テスト: 演習を1問ずつ出し、解答を採点して説明を示します。不正解ならもう一度答えられ、\nヒント（hint または ?）と途中式（steps）も見られます。解答は随時保存されます。\n--topic も --template もなければ、記録（ライトナーの箱）から次の問題を選び、間違えた問題は\n2問あとに別の数値でもう一度出ます（同じトピックは1回のセッションで2回まで）。',
      ),
    },
    {
      required: ['resume'],
      optional: ['session', 'plain', 'lang'],
      description: text(
        'Continues a saved quiz: the same questions, from the next unanswered ask.',
        '保存した小テストを続けます: 同じ問題を、まだ答えていない次の問いから。',
      ),
    },
  ],
} as const satisfies CommandSpec;

export const PRACTICE = {
  name: 'practice',
  positionals: [],
  options: {
    template: {
      type: 'string',
      short: 't',
      value: 'NAME',
      repeatable: true,
      description: text(
        'Draw the exercises from these templates only (repeatable; see exercise --list). Default: every\ntemplate of every quiz topic.',
        '演習をこれらのテンプレートだけから出します（複数指定可。exercise --list を参照）。既定: 小テストの\nすべてのトピックのテンプレート。',
      ),
    },
    count: {
      type: 'integer',
      short: 'n',
      value: 'N',
      min: 1,
      max: 100,
      description: text('The number of exercises on the page (default 5).', 'ページに載せる演習の数（既定: 5）。'),
    },
    difficulty: {
      type: 'enum',
      short: 'd',
      values: ['1', '2', '3'],
      default: '1',
      description: text('From 1 (fewest steps) to 3.', '難易度: 1（手順が最も少ない）から 3 まで。'),
    },
    seed: {
      type: 'integer',
      short: 's',
      value: 'S',
      min: 0,
      max: MAX_SEED,
      description: text(
        `An integer from 0 to ${MAX_SEED}: the same seed gives the same exercises as quiz --seed S;\nwithout it one is drawn and printed.`,
        `0 から ${MAX_SEED} までの整数。同じシードなら quiz --seed S と同じ問題になります。省くと無作為に\n選んで表示します。`,
      ),
    },
    lang,
    title: {
      type: 'string',
      value: 'TITLE',
      description: text(
        'The title of the page (default: Backpropagation practice).',
        'ページの題名（既定: 誤差逆伝播法の練習）。',
      ),
    },
    output: {
      type: 'string',
      short: 'o',
      value: 'OUT',
      description: text(
        'Write the page (or with --scorm the zip) to the file OUT; without it the page goes to standard\noutput.',
        'ページ（--scorm なら zip）をファイル OUT に書き出します。省くとページを標準出力に書きます。',
      ),
    },
    scorm: {
      type: 'boolean',
      description: text(
        'A SCORM 1.2 package instead (a zip with imsmanifest.xml and the page) that reports the score\nto the learning-management system; needs --output.',
        '代わりに SCORM 1.2 のパッケージ（imsmanifest.xml とページの zip）を作ります。得点を学習管理\nシステム（LMS）に報告します。--output が必要です。',
      ),
    },
  },
  forms: [
    {
      optional: ['template', 'count', 'difficulty', 'seed', 'lang', 'title', 'scorm', 'output'],
      description: text(
        'A practice page: one self-contained HTML file that grades answers in the browser with the\nsame grader as check (offline, from file://), with hints, worked steps after a miss, answers\nkept in the browser and exported as a responses CSV. The page holds its answers: for practice\nand homework, not for exams.',
        '練習用のページ: check と同じ採点をブラウザーの中で行う、1つで完結した HTML ファイル（オフライン、\nfile:// でも動きます）。ヒント、間違えたあとの途中式、ブラウザーに保存される解答、解答の CSV への\n書き出しつき。ページは解答を含むので、練習と宿題用です（試験には使わないでください）。',
      ),
    },
  ],
} as const satisfies CommandSpec;

export const STATS = {
  name: 'stats',
  positionals: [],
  options: {
    session: {
      type: 'string',
      value: 'FILE',
      description: text(
        'Only the quiz journal FILE; default: every journal under $XDG_STATE_HOME/backprop-tutor/\n(~/.local/state/backprop-tutor/).',
        '記録ファイル FILE だけ。既定: $XDG_STATE_HOME/backprop-tutor/（~/.local/state/backprop-tutor/）\nの下のすべての記録ファイル。',
      ),
    },
    format: {
      type: 'enum',
      short: 'f',
      values: ['text', 'json'],
      default: 'text',
      description: text(
        'text (tables) or json (the same figures, for scripts).',
        'text（表）または json（同じ数値をスクリプト向けに）。',
      ),
    },
    lang,
  },
  forms: [
    {
      optional: ['session', 'format', 'lang'],
      description: text(
        'Your quiz history: accuracy per topic session by session, the mistakes made most often\n(with what to read), the time spent answering, the Leitner box of each topic and what to\npractise next.',
        '小テストの記録: トピックごとの正答率（セッションごとの推移）、多かった間違い（読むべき解説つき）、\n解答にかけた時間、各トピックのライトナーの箱、次に練習するもの。',
      ),
    },
  ],
} as const satisfies CommandSpec;

export const GENERATE = {
  name: 'generate',
  positionals: [
    {
      name: 'SET.yaml',
      required: true,
      expected: text('a set file SET.yaml', 'セットのファイル SET.yaml'),
      description: text(
        'A teacher exercise set: title, lang, seed and questions (see docs/sets.md, exercises/sets/).',
        '教師用の演習セット: title, lang, seed, questions（docs/sets.md と exercises/sets/ を参照）。',
      ),
    },
  ],
  options: {
    out: {
      type: 'string',
      value: 'DIR',
      description: text(
        'The folder to write into (created if missing): DIR/<id>/worksheet.*, key.*, solutions.*,\nDIR/worksheets.*, DIR/keys.*, DIR/key.json and DIR/responses-template.csv.',
        '書き出すフォルダ（なければ作ります）: DIR/<id>/worksheet.*, key.*, solutions.*、\nDIR/worksheets.*, DIR/keys.*, DIR/key.json, DIR/responses-template.csv。',
      ),
    },
    roster: {
      type: 'string',
      value: 'roster.csv',
      description: text(
        "The class: CSV with the header id,name; each student gets a variant fixed by the set's seed and\nthe id alone.",
        'クラスの名簿: 見出し id,name の CSV。各学生の問題はセットのシードと学生 ID だけで決まります。',
      ),
    },
    variants: {
      type: 'integer',
      value: 'N',
      min: 1,
      max: 10000,
      description: text(
        'N numbered variants (ids v1…vN) instead of a roster.',
        '名簿の代わりに番号つきの N 通りの問題（ID は v1…vN）。',
      ),
    },
    format: {
      type: 'string',
      short: 'f',
      value: 'html,pdf,md,latex,practice',
      description: text(
        'The formats to write, separated by commas (default: html); pdf is printed by headless Chromium;\npractice: a practice page per student (DIR/<id>/practice.html) and all of them in DIR/practice.zip.',
        '書き出す形式（カンマ区切り。既定: html）。pdf はヘッドレス Chromium で印刷します。practice:\n学生ごとの練習用ページ（DIR/<id>/practice.html）と、それをまとめた DIR/practice.zip。',
      ),
    },
    only: {
      type: 'enum',
      values: ['class', 'students'],
      description: text(
        "class: only the class's files, the sheets to print (DIR/worksheets.*, DIR/keys.*) and\nDIR/practice.zip; students: only the students' folders (DIR/<id>/). DIR/key.json and\nDIR/responses-template.csv are written either way (default: every file).",
        'class: クラスのファイル（印刷用の DIR/worksheets.*, DIR/keys.* と DIR/practice.zip）だけ。\nstudents: 学生ごとのフォルダ（DIR/<id>/）だけ。DIR/key.json と DIR/responses-template.csv は\nどちらでも書き出します（既定: すべてのファイル）。',
      ),
    },
    jobs: {
      type: 'integer',
      value: 'N',
      min: 1,
      max: 64,
      description: text(
        'How many students are made at once, each in a worker thread (default: the number of cores, at\nmost 8 and one per 32 students); the files are the same for every N.',
        '同時に作る学生の数。それぞれをワーカースレッドで作ります（既定: CPU コア数、最大 8、\n学生 32 人につき 1 つまで）。N によらず同じファイルになります。',
      ),
    },
    'pdf-timeout': pdfTimeout,
    lang: {
      ...lang,
      description: text(
        "The language of the messages (the sheets use the set's lang).",
        'メッセージの言語（問題用紙などはセットの lang の言語）。',
      ),
    },
  },
  forms: [
    {
      required: ['out'],
      optional: ['roster', 'variants', 'format', 'only', 'jobs', 'pdf-timeout', 'lang'],
      description: text(
        'A verified variant per student: worksheets, answer keys, worked solutions, the class key\n(key.json) and a responses template; every numeric key is checked by an independent float64\nrecomputation (and finite differences for gradients) before anything is written.',
        '学生ごとに検証済みの問題: 問題用紙、解答、途中式つきの解説、クラスの解答ファイル（key.json）と\n解答記入用のテンプレート。書き出す前に、数値の解答をすべて独立した float64 の再計算（勾配は差分近似も）で確かめます。',
      ),
    },
  ],
} as const satisfies CommandSpec;

/** --lang without a default: the class's own language (the set's lang) unless one is asked for. */
const classLang = {
  type: 'enum',
  values: LANGS,
  description: text(
    "The language of the output and of the messages (default: the set's lang, as on the sheets).",
    '出力とメッセージの言語（既定: 問題用紙と同じセットの lang）。',
  ),
} as const satisfies EnumOption;

export const GRADE = {
  name: 'grade',
  positionals: [
    {
      name: 'KEY.json',
      required: true,
      expected: text('the class key DIR/key.json', 'クラスの解答ファイル DIR/key.json'),
      description: text(
        'The class key that generate wrote (DIR/key.json).',
        'generate が書き出したクラスの解答ファイル（DIR/key.json）。',
      ),
    },
  ],
  options: {
    responses: {
      type: 'string',
      value: 'answers.csv',
      description: text(
        'The answers: CSV with the header student_id,q1.a1,q1.a2,… (responses-template.csv filled in),\none row per student, answers as typed.',
        '解答: 見出し student_id,q1.a1,q1.a2,… の CSV（responses-template.csv に記入したもの）。\n学生ごとに1行、解答は書いたとおりに。',
      ),
    },
    out: {
      type: 'string',
      value: 'grades.csv',
      description: text(
        'Write the gradebook: student_id,name,q1,q2,…,total,max (points per question).',
        '成績表を書き出します: student_id,name,q1,q2,…,total,max（問題ごとの得点）。',
      ),
    },
    report: {
      type: 'string',
      value: 'report.html',
      description: text(
        'Write the class report: one self-contained printable HTML page (the mean and the scores of\neach question as charts, the most common misconceptions, the students by total).',
        'クラスの採点結果を書き出します: 印刷できる1つの HTML ページ（問題ごとの平均点と得点の分布の\nグラフ、よくある間違い、合計の高い順の学生）。',
      ),
    },
    format: {
      type: 'enum',
      short: 'f',
      values: ['text', 'json', 'csv'],
      default: 'text',
      description: text(
        'What goes to standard output: text (a summary), json (every result, as check prints it)\nor csv (the gradebook).',
        '標準出力に書くもの: text（概要）、json（check と同じ形のすべての結果）、csv（成績表）。',
      ),
    },
    lang: classLang,
  },
  forms: [
    {
      required: ['responses'],
      optional: ['out', 'report', 'format', 'lang'],
      description: text(
        'Grades the class: every answer by the grader, as check grades it (misconceptions, partial\ncredit, error carried forward within a question). Malformed rows, unknown ids and second rows\nare reported with their line and the rest is still graded.',
        'クラスを採点します: すべての解答を check と同じように採点します（よくある間違い、部分点、\n同じ問題の中で前の誤りを引き継いだ計算）。形の正しくない行、名簿にない ID、2つ目の行は\n行番号とともに報告し、残りは採点します。',
      ),
    },
  ],
} as const satisfies CommandSpec;

export const KEY = {
  name: 'key',
  positionals: [
    {
      name: 'CODE',
      required: true,
      expected: text('a CODE (printed on the sheets)', 'コード CODE（問題用紙に印刷されたもの）'),
      description: text(
        "The 7-character code printed on a student's sheets. It holds the student's variant, not the\nset, so the set file is given with --set.",
        '学生の問題用紙に印刷された7文字のコード。コードが表すのは学生ごとの問題で、セットではないので、\nセットのファイルを --set で指定します。',
      ),
    },
  ],
  options: {
    set: {
      type: 'string',
      value: 'SET.yaml',
      description: text('The set file the sheets were generated from.', '問題用紙を作ったセットのファイル。'),
    },
    format: {
      type: 'enum',
      short: 'f',
      values: ['text', 'json', 'html', 'pdf', 'md', 'latex'],
      default: 'text',
      description: text(
        'text: the answers; json: the questions as in key.json; html, pdf, md, latex: the key and the\nworked solutions, as generate writes them (pdf needs --output).',
        'text: 解答。json: key.json と同じ形の問題。html, pdf, md, latex: generate と同じ解答と途中式つきの\n解説（pdf には --output が必要です）。',
      ),
    },
    'pdf-timeout': pdfTimeout,
    output: {
      type: 'string',
      short: 'o',
      value: 'OUT',
      description: text(
        'Write to the file OUT instead of standard output.',
        '標準出力の代わりにファイル OUT に書き出します。',
      ),
    },
    lang: {
      ...lang,
      description: text(
        "The language of the messages (the key uses the set's lang).",
        'メッセージの言語（解答はセットの lang の言語）。',
      ),
    },
  },
  forms: [
    {
      required: ['set'],
      optional: ['format', 'output', 'pdf-timeout', 'lang'],
      description: text(
        "A lost key regenerated: the answers and the worked solutions of the variant with this code,\nfrom the set file alone (the questions and answers generate wrote, headed by the code: the\nstudent's id and name are not in it).",
        'なくした解答を作り直します: このコードの問題の解答と途中式つきの解説を、セットのファイルだけから\n作ります（generate が書き出したものと同じ問題と解答。コードには学生 ID と氏名が含まれないので、\n見出しはコードです）。',
      ),
    },
  ],
} as const satisfies CommandSpec;

export const EXPORT = {
  name: 'export',
  positionals: [
    {
      name: 'SET.yaml',
      required: true,
      expected: text('a set file SET.yaml', 'セットのファイル SET.yaml'),
      description: text(
        'A teacher exercise set: title, lang, seed and questions (see docs/sets.md, exercises/sets/).',
        '教師用の演習セット: title, lang, seed, questions（docs/sets.md と exercises/sets/ を参照）。',
      ),
    },
  ],
  options: {
    to: {
      type: 'enum',
      values: ['moodle', 'qti'],
      description: text(
        'moodle: Moodle XML (a category per question, a Cloze question per variant); qti: a QTI 1.2\nzip for Canvas (imsmanifest.xml and one assessment, a numeric item per number asked).',
        'moodle: Moodle XML（問題ごとのカテゴリ、バリエーションごとの Cloze 問題）。qti: Canvas 用の\nQTI 1.2 の zip（imsmanifest.xml と1つのテスト。問う数値ごとに数値入力の問題）。',
      ),
    },
    variants: {
      type: 'integer',
      value: 'N',
      min: 1,
      max: 1000,
      description: text(
        'N verified variants of every question (ids v1…vN, the same as generate --variants N; default 1).',
        '各問題について検証済みの N 通りの問題（ID は v1…vN。generate --variants N と同じ問題。既定: 1）。',
      ),
    },
    out: {
      type: 'string',
      value: 'FILE',
      description: text(
        'The file to write (quiz.xml, quiz.zip); - writes Moodle XML to standard output.',
        '書き出すファイル（quiz.xml, quiz.zip）。- なら Moodle XML を標準出力に書きます。',
      ),
    },
    lang: {
      ...lang,
      description: text(
        "The language of the messages (the questions use the set's lang).",
        'メッセージの言語（問題はセットの lang の言語）。',
      ),
    },
  },
  forms: [
    {
      required: ['to', 'out'],
      optional: ['variants', 'lang'],
      description: text(
        'The set for a learning-management system: every number asked is a numeric field whose\ntolerance accepts each correctly rounded answer (≥ 3 significant figures), the worked solution is\nthe feedback; variants are self-tested as by generate. Formula questions are left out (named on\nstderr). See docs/export.md.',
        '学習管理システム用のセット: 問う数値はそれぞれ数値入力欄になり、その許容誤差は正しく丸めた\n解答（有効数字3桁以上）をすべて正解にします。途中式つきの解説はフィードバックになります。\n問題は generate と同じように自己検査します。式を答える問題は除きます（標準エラーに示します）。\ndocs/export.md を参照。',
      ),
    },
  ],
} as const satisfies CommandSpec;

export const COMMANDS = [SOLVE, EXPLAIN, EXERCISE, CHECK, QUIZ, STATS, PRACTICE, GENERATE, GRADE, KEY, EXPORT] as const;
export type CommandName = (typeof COMMANDS)[number]['name'];

/** The options of the program itself, taken before (or instead of) a command; `shown` is the usage's synopsis. */
export const GLOBAL_OPTIONS = [
  {
    flags: ['--help', '-h', 'help'],
    shown: '--help',
    description: text(
      'Show this help (also after a command: backprop-tutor solve --help; -h for short).',
      'この使い方を表示します（コマンドの後でも: backprop-tutor solve --help。短く -h でも）。',
    ),
  },
  {
    flags: ['--version', '-V'],
    shown: '--version',
    description: text('Show the version (-V for short).', 'バージョンを表示します（短く -V でも）。'),
  },
  {
    flags: ['--lang'],
    shown: '--lang en|ja COMMAND …',
    description: text(
      '--lang may also come before the command; it is passed to the command.',
      '--lang はコマンドの前に書いてもかまいません（コマンドに渡されます）。',
    ),
  },
] as const;

export const HELP_FLAGS: readonly string[] = GLOBAL_OPTIONS[0].flags;
export const VERSION_FLAGS: readonly string[] = GLOBAL_OPTIONS[1].flags;
