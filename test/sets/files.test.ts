// Students' files made a few at a time and written in roster order (writeInOrder): a student who is
// ready first waits for the one before, no more than `width` are under way, and a failure is said in
// its turn, after every student before it is written.
import { describe, expect, it } from 'vitest';
import { type SetFile, writeInOrder } from '../../src/sets/files';

/** A group of files that is done when `finish` is called. */
function later(files: readonly SetFile[]) {
  let finish: () => void = () => {};
  let fail: (error: Error) => void = () => {};
  const promise = new Promise<readonly SetFile[]>((resolve, reject) => {
    finish = () => resolve(files);
    fail = reject;
  });
  return { promise, finish, fail };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('writeInOrder', () => {
  it('writes the groups in the order they were added, however they finish', async () => {
    const written: string[] = [];
    let groups = 0;
    const students = writeInOrder(
      3,
      (path) => written.push(path),
      () => groups++,
    );
    const a = later([
      ['a/1', 'x'],
      ['a/2', 'y'],
    ]);
    const b = later([['b/1', 'z']]);
    const c = later([['c/1', 'w']]);
    await students.add(a.promise);
    await students.add(b.promise);
    c.finish();
    b.finish();
    const third = students.add(c.promise);
    await tick();
    expect(written).toEqual([]);
    a.finish();
    await third;
    await students.done();
    expect(written).toEqual(['a/1', 'a/2', 'b/1', 'c/1']);
    expect(groups).toBe(3);
  });

  it('has at most `width` groups under way: adding one more waits for the first to be written', async () => {
    const written: string[] = [];
    const students = writeInOrder(2, (path) => written.push(path));
    const a = later([['a', '']]);
    const b = later([['b', '']]);
    await students.add(a.promise);
    let added = false;
    const second = students.add(b.promise).then(() => {
      added = true;
    });
    await tick();
    expect(added).toBe(false);
    a.finish();
    await second;
    expect(added).toBe(true);
    expect(written).toEqual(['a']);
    b.finish();
    await students.done();
    expect(written).toEqual(['a', 'b']);
  });

  it('says a failure in its turn: the groups before it are written, none after it', async () => {
    const written: string[] = [];
    const students = writeInOrder(3, (path) => written.push(path));
    const a = later([['a', '']]);
    const b = later([['b', '']]);
    const c = later([['c', '']]);
    await students.add(a.promise);
    await students.add(b.promise);
    c.finish();
    b.fail(new Error('b failed'));
    const third = students.add(c.promise);
    a.finish();
    await third;
    expect(written).toEqual(['a']);
    await expect(students.done()).rejects.toThrow('b failed');
    expect(written).toEqual(['a']);
  });

  it('with width 1 writes each group before the next is taken', async () => {
    const written: string[] = [];
    const students = writeInOrder(1, (path) => written.push(path));
    await students.add(Promise.resolve([['a', '']] as const));
    expect(written).toEqual(['a']);
    await students.add(Promise.resolve([['b', '']] as const));
    expect(written).toEqual(['a', 'b']);
    await students.done();
  });
});
