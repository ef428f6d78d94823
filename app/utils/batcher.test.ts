import { describe, expect, it } from "vitest";
import { createBatcher } from "./batcher";

function deferred() {
  let release: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

describe("createBatcher", () => {
  it("gives every caller its own result, in batches of what arrived together", async () => {
    const batches: number[][] = [];
    const batcher = createBatcher(async (items: number[]) => {
      batches.push(items);
      return items.map((n) => n * 2);
    });
    const results = await Promise.all([1, 2, 3].map((n) => batcher.push(n)));
    expect(results).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("collects what arrives during a batch into the next one", async () => {
    const gate = deferred();
    const batches: number[][] = [];
    const batcher = createBatcher(async (items: number[]) => {
      batches.push(items);
      if (batches.length === 1) await gate.promise;
      return items;
    });
    const first = batcher.push(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [batcher.push(2), batcher.push(3)];
    expect(batcher.size).toBe(3);
    gate.release();
    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it("never makes a batch larger than maxBatchSize", async () => {
    const sizes: number[] = [];
    const batcher = createBatcher(
      async (items: number[]) => {
        sizes.push(items.length);
        return items;
      },
      { maxBatchSize: 2 },
    );
    await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.push(n)));
    expect(sizes).toEqual([2, 2, 1]);
  });

  it("fails every item of a batch that threw, and goes on with the next batch", async () => {
    let calls = 0;
    const batcher = createBatcher(async (items: string[]) => {
      calls += 1;
      if (calls === 1) throw new Error("database went away");
      return items;
    });
    const failed = [batcher.push("a"), batcher.push("b")];
    await expect(failed[0]).rejects.toThrow("database went away");
    await expect(failed[1]).rejects.toThrow("database went away");
    await expect(batcher.push("c")).resolves.toBe("c");
  });

  it("fails a batch whose results do not match its items", async () => {
    const batcher = createBatcher(async () => [] as number[]);
    await expect(batcher.push(1)).rejects.toThrow(/returned 0 results/);
  });

  it("drains: resolves once everything pushed has been processed", async () => {
    const done: number[] = [];
    const batcher = createBatcher(async (items: number[]) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      done.push(...items);
      return items;
    });
    await batcher.drain();
    void batcher.push(1);
    void batcher.push(2);
    await batcher.drain();
    expect(done).toEqual([1, 2]);
    expect(batcher.size).toBe(0);
  });

  it("refuses a batch size that is not a positive whole number", () => {
    expect(() => createBatcher(async (items: number[]) => items, { maxBatchSize: 0 })).toThrow(RangeError);
  });
});
