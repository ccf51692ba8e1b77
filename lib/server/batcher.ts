import "server-only";

export type Waiting<T, R> = { item: T; resolve: (result: R) => void; reject: (error: unknown) => void };

/**
 * One write in flight at a time; what arrives meanwhile waits and goes into the next. The
 * first write starts on the next turn of the event loop, so that requests already read
 * join it. `take` chooses how much of the queue one write takes (all of it by default);
 * `write` must settle every entry it is given. Used by the intake (group-commit.ts) and
 * the rate limiter: one statement and one commit for many requests, each still answered
 * only when its own part is written.
 */
export function createBatcher<T, R>(
  write: (batch: Waiting<T, R>[]) => Promise<void>,
  take: (queue: Waiting<T, R>[]) => Waiting<T, R>[] = (queue) => queue.splice(0),
): (item: T) => Promise<R> {
  const queue: Waiting<T, R>[] = [];
  let writing = false;

  async function drain() {
    try {
      while (queue.length > 0) await write(take(queue));
    } finally {
      writing = false;
    }
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!writing) {
        writing = true;
        setImmediate(() => void drain());
      }
    });
}
