// An exercise's prompt wrapped to the terminal: each line as wide as it displays (a Japanese
// character takes two columns), broken at spaces and between Japanese characters. An ask's line
// continues under its words ("  a1: …" then six spaces), any other line two columns in from where it
// starts. A matrix (a line ending in "[ … ]", its rows aligned under it) is kept whole: its columns
// only line up unbroken.
import { wrap } from '../render/terminal';
import { displayWidth } from '../text/width';

const ASK = /^\s+[\w-]+: /;
const MATRIX = /\[ .* \]$/;

export function promptLines(prompt: string, width: number): string[] {
  return prompt.split('\n').flatMap((line) => {
    if (displayWidth(line) <= width || MATRIX.test(line)) return [line];
    const ask = ASK.exec(line);
    const indent = ask ? ' '.repeat(displayWidth(ask[0])) : `${/^\s*/.exec(line)![0]}  `;
    return wrap(line, width, indent);
  });
}
