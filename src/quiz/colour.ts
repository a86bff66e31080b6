// Colours for the interactive quiz through node:util styleText, only on a terminal and never with
// NO_COLOR set (https://no-color.org); plain mode never colours.
import { styleText } from 'node:util';

export type Paint = (format: 'green' | 'red' | 'yellow' | 'cyan' | 'bold' | 'dim', text: string) => string;

export const noPaint: Paint = (_, text) => text;

export function paintFor(isTTY: boolean, env: NodeJS.ProcessEnv): Paint {
  if (!isTTY || env.NO_COLOR !== undefined) return noPaint;
  return (format, text) => styleText(format, text);
}
