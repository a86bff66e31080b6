// Usage text (English and Japanese) and the error type for bad command lines (exit code 2).
import type { Lang } from '../i18n/messages';
import { localize, type Localized } from '../network/errors';

/** A bad command line. `message` is English; `text` has every language (the same text when given one string). */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly text: Localized;

  constructor(message: string | Localized) {
    const text = localize(message);
    super(text.en);
    this.text = text;
  }

  messageIn(lang: Lang): string {
    return this.text[lang];
  }
}

/** The usage text in `lang`. */
export function usage(lang: Lang): string {
  return lang === 'ja' ? USAGE_JA : USAGE;
}

/**
 * The message of a bad command line in `lang`: a UsageError's own text, or node:util parseArgs's
 * (unknown option, missing value…), which is English only, translated from its code.
 */
export function usageMessage(error: Error, lang: Lang): string {
  if (error instanceof UsageError) return error.messageIn(lang);
  if (lang === 'en') return error.message;
  const code = (error as { code?: string }).code;
  const quoted = /'([^']*)'/.exec(error.message)?.[1];
  if (quoted === undefined) return error.message;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return `不明なオプション '${quoted}' です。'-' で始まる文字列を位置引数として渡すには、コマンドの最後に '--' を置いてその後に書いてください（例: -- "${quoted}"）`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/argument missing/.test(error.message)) return `オプション '${quoted}' の値がありません`;
    if (/does not take an argument/.test(error.message)) return `オプション '${quoted}' は値を取りません`;
    if (/is ambiguous/.test(error.message)) {
      // The next argument starts with '-', so parseArgs will not take it as the value.
      const long = /use '([^'=]+)=-XYZ'/.exec(error.message)?.[1] ?? quoted;
      return `オプション '${quoted}' の値がありません（次の引数が '-' で始まっています）。'-' で始まる値を渡すには '${long}=-XYZ' のように書いてください`;
    }
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `予期しない引数 '${quoted}' です`;
  return error.message;
}

export const USAGE = `backprop-tutor — learn backpropagation by hand, with exact numbers

Usage:
  backprop-tutor solve FILE [--format text|json]
      Forward pass, loss, every delta and gradient, one gradient-descent update and the loss
      after it, for the network in FILE (YAML or JSON; see README "The network file").
      FILE may instead be a computational graph (a top-level "graph:" with inputs, nodes and
      output; see exercises/graphs/): every node's value, the forward and backward value on
      each edge, and the gradient of the output with respect to every input and node.
  backprop-tutor solve FILE --format latex|markdown|html|pdf [--form scalar|matrix|both]
                     [--lang en|ja] [--output OUT]
      A worked solution, every step with its formula, the numbers substituted and the result:
      a LaTeX document, Markdown with $…$ math, one self-contained printable HTML file (KaTeX,
      fonts embedded), or a PDF printed by headless Chromium. --form: per-weight chain rule
      (scalar), matrix form, or both (default: both for small networks). --lang: words in
      English or Japanese. --output: write to OUT instead of standard output.
  backprop-tutor explain [TOPIC] [--lang en|ja] [--format text|json|markdown|html|latex]
      A derivation step by step (sigmoid, tanh, relu, leaky-relu, prelu, relu6, softmax,
      cross-entropy, softmax-cross-entropy, chain-rule, affine); without TOPIC, the list.
      markdown, html, latex: typeset like the worked solutions (without TOPIC: every derivation).
  backprop-tutor exercise [--template NAME] [--difficulty 1|2|3] [--seed S] [--lang en|ja]
                        [--format text|json]
      One exercise with hand-friendly numbers; the same template, seed and difficulty always
      give the same exercise (without --seed a random seed is drawn and printed; without
      --template the seed picks one). --format json: the exercise with its expected answers.
  backprop-tutor exercise --list [--lang en|ja]
      The exercise templates with a one-line description each.
  backprop-tutor check EXERCISE.json --answer a1=ANSWER [--answer a2=…] [--hints-used a1=N]
                     [--format text|json] [--lang en|ja]
      Grades answers to an exercise: exact or correctly rounded (≥ 3 significant figures),
      rounded intermediates and errors carried forward recognised, common mistakes named
      (see docs/grading.md). --hint a1[=N] shows hint N instead (each hint costs score).
  backprop-tutor check NETWORK.yaml --work MY-WORK.yaml [--format text|json] [--lang en|ja]
      Checks your own hand calculation (a file shaped like solve --format json, any subset,
      values as you wrote them) value by value; points at the first wrong one.
  backprop-tutor --help       Show this help.
  backprop-tutor --version    Show the version.

Environment:
  BACKPROP_TUTOR_LANG=en|ja   The default for --lang, and the language of error messages and of this
                              help (an explicit --lang wins).
  BACKPROP_TUTOR_CHROMIUM     The browser that prints --format pdf (default: /usr/bin/chromium and the like).

Examples:
  backprop-tutor solve exercises/networks/mazur.yaml
  backprop-tutor solve exercises/networks/mazur.yaml --format json
  backprop-tutor solve exercises/graphs/apple.yaml
  backprop-tutor explain sigmoid --lang ja
  backprop-tutor exercise --template output-bias-grad --difficulty 2 --seed 7
  backprop-tutor check exercises/networks/mazur.yaml --work exercises/work/mazur-work.yaml
  backprop-tutor solve exercises/networks/mazur.yaml --format html --lang ja --output mazur.html

Exit codes: 0 success, 1 internal error (or no browser for --format pdf), 2 bad command line or bad input file.
`;

export const USAGE_JA = `backprop-tutor — 誤差逆伝播法を手計算で学ぶ（厳密な数値で）

使い方:
  backprop-tutor solve FILE [--format text|json]
      FILE のネットワーク（YAML または JSON。README の "The network file" を参照）について、順伝播、
      損失、すべてのデルタ δ と勾配、勾配降下法による1回のパラメータの更新と、更新後の損失を求めます。
      FILE は計算グラフでもかまいません（トップレベルの "graph:" に inputs, nodes, output を書きます。
      exercises/graphs/ を参照）: 各ノードの値、各エッジの順伝播と逆伝播の値、すべての入力とノードに
      ついての出力の勾配を示します。
  backprop-tutor solve FILE --format latex|markdown|html|pdf [--form scalar|matrix|both]
                     [--lang en|ja] [--output OUT]
      途中式つきの解説: すべてのステップについて、式、数値を代入した式、結果を示します。LaTeX 文書、
      $…$ の数式を含む Markdown、印刷できる1つの HTML ファイル（KaTeX、フォント埋め込み）、または
      ヘッドレス Chromium で印刷した PDF。--form: 重みごとの連鎖律（scalar）、行列形式（matrix）、
      その両方（both。小さいネットワークでの既定）。--lang: 英語（en）または日本語（ja）。
      --output: 標準出力の代わりに OUT に書き出します。
  backprop-tutor explain [TOPIC] [--lang en|ja] [--format text|json|markdown|html|latex]
      導関数の導出をステップごとに示します（sigmoid, tanh, relu, leaky-relu, prelu, relu6, softmax,
      cross-entropy, softmax-cross-entropy, chain-rule, affine）。TOPIC を省くとトピックの一覧。
      markdown, html, latex: 途中式つきの解説と同じように組版します（TOPIC を省くとすべての導出）。
  backprop-tutor exercise [--template NAME] [--difficulty 1|2|3] [--seed S] [--lang en|ja]
                        [--format text|json]
      手計算しやすい数値の演習問題を1つ出します。テンプレート・シード・難易度が同じなら、いつも同じ
      問題になります（--seed を省くとシードを無作為に選んで表示し、--template を省くとシードが
      テンプレートを選びます）。--format json: 問題とその解答。
  backprop-tutor exercise --list [--lang en|ja]
      演習のテンプレートの一覧（それぞれ1行の説明つき）。
  backprop-tutor check EXERCISE.json --answer a1=ANSWER [--answer a2=…] [--hints-used a1=N]
                     [--format text|json] [--lang en|ja]
      演習の解答を採点します: 厳密な値、または正しく丸めた値（有効数字3桁以上）。途中で丸めた値や
      前の誤りを引き継いだ計算も見分け、よくある間違いを指摘します（docs/grading.md を参照）。
      --hint a1[=N] は採点の代わりにヒント N を表示します（ヒントを使うと得点が下がります）。
  backprop-tutor check NETWORK.yaml --work MY-WORK.yaml [--format text|json] [--lang en|ja]
      自分の手計算（solve --format json と同じ形のファイル。一部だけでもよく、値は書いたとおりに）を
      値ごとに確かめ、最初の誤りを示します。
  backprop-tutor --help       この使い方を表示します。
  backprop-tutor --version    バージョンを表示します。

環境変数:
  BACKPROP_TUTOR_LANG=en|ja   --lang の既定値。エラーメッセージとこの使い方の言語にもなります
                              （--lang を指定すればそちらが優先）。
  BACKPROP_TUTOR_CHROMIUM     --format pdf を印刷するブラウザ（既定: /usr/bin/chromium など）。

例:
  backprop-tutor solve exercises/networks/mazur.yaml
  backprop-tutor solve exercises/networks/mazur.yaml --format json
  backprop-tutor solve exercises/graphs/apple.yaml
  backprop-tutor explain sigmoid --lang ja
  backprop-tutor exercise --template output-bias-grad --difficulty 2 --seed 7
  backprop-tutor check exercises/networks/mazur.yaml --work exercises/work/mazur-work.yaml
  backprop-tutor solve exercises/networks/mazur.yaml --format html --lang ja --output mazur.html

終了コード: 0 成功、1 内部エラー（または --format pdf でブラウザが見つからない）、2 コマンドラインまたは入力ファイルの誤り。
`;
