// Usage text and the error type for bad command lines (exit code 2).
export class UsageError extends Error {
  override name = 'UsageError';
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
  backprop-tutor explain [TOPIC] [--lang en|ja] [--format text|json]
      A derivation step by step (sigmoid, tanh, relu, leaky-relu, prelu, relu6, softmax,
      cross-entropy, softmax-cross-entropy, chain-rule, affine); without TOPIC, the list.
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
