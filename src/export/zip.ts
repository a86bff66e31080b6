// A zip archive whose bytes depend on its files alone: fflate writes it, every entry with the same
// timestamp (1980-01-01 00:00, the first a zip can hold), in the order given, deflated at one level.
// A zip stores local time, so the date is made in local time and reads back the same in any zone.
import { strToU8, zipSync } from 'fflate';

const EPOCH = () => new Date(1980, 0, 1, 0, 0, 0);

export function zipFiles(files: readonly (readonly [string, string | Uint8Array])[]): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date; level: 6 }]> = {};
  for (const [path, content] of files)
    entries[path] = [typeof content === 'string' ? strToU8(content) : content, { mtime: EPOCH(), level: 6 }];
  return zipSync(entries);
}
