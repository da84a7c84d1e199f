// Runs inside the page (added with addInitScript): timing helpers the bench calls by name.
// Plain JavaScript, because the project's TypeScript has no DOM types.
(() => {
  const listStarts = {};
  /** When the first page of each search came back (its response read), by search text. */
  const listAnswers = {};
  const answerWaiters = {};
  const original = window.fetch.bind(window);
  // Notes when the table sends each search's first page and when its answer is in, so the time after
  // the search box's debounce shows.
  window.fetch = (input, init) => {
    const body = init && typeof init.body === 'string' && init.body.includes('"companies.list"') ? init.body : null;
    const query = body ? JSON.parse(body).input : null;
    const first = query && (query.offset ?? 0) === 0;
    const search = query?.search ?? '';
    if (first && listStarts[search] === undefined) listStarts[search] = performance.now();
    const answer = original(input, init);
    if (!first) return answer;
    return answer.then((res) => {
      // The page reads the body itself; a clone tells when the bytes are in.
      void res
        .clone()
        .text()
        .then(() => {
          if (listAnswers[search] === undefined) listAnswers[search] = performance.now();
          for (const resolve of answerWaiters[search]?.splice(0) ?? []) resolve();
        });
      return res;
    });
  };
  const answered = (search) =>
    listAnswers[search] !== undefined
      ? Promise.resolve()
      : new Promise((resolve) => {
          answerWaiters[search] ??= [];
          answerWaiters[search].push(resolve);
        });
  /** Resolves after the frame following the next one is drawn: what React rendered meanwhile is on screen. */
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

  window.__bench = {
    /**
     * Resolves when the rows of `word`'s first page are in the table: its answer is in and the table
     * changed, or the frame after was drawn (the rows may look as before when a shorter prefix found
     * the same firms). Times from the last key and from the request.
     */
    watchSearch(word) {
      const input = document.querySelector('input[type="search"]');
      let lastKey = performance.now();
      input?.addEventListener('input', () => {
        lastKey = performance.now();
      });
      // The first change to the table after the answer is its rows going in; when nothing changes
      // (the rows were already there), the frame after the answer is when they are known to be shown.
      return answered(word)
        .then(
          () =>
            new Promise((resolve) => {
              const table = document.querySelector('[role="grid"]') ?? document.body;
              const observer = new MutationObserver(() => {
                observer.disconnect();
                resolve();
              });
              observer.observe(table, { childList: true, characterData: true, subtree: true });
              void painted().then(() => {
                observer.disconnect();
                resolve();
              });
            }),
        )
        .then(() => {
          const now = performance.now();
          return {
            fromKey: now - lastKey,
            fromRequest: now - (listStarts[word] ?? now),
            fromAnswer: now - (listAnswers[word] ?? now),
          };
        });
    },

    /** Scrolls the table top to bottom, one step per frame, then lets the last pages render. */
    scrollFrames(steps = 120) {
      return new Promise((resolve) => {
        const el = document.querySelector('.grid-scroll');
        if (!el) {
          resolve({ longest: -1, over50: -1, frames: 0 });
          return;
        }
        el.scrollTop = 0;
        const deltas = [];
        let last = performance.now();
        let i = 0;
        let tail = 30;
        const frame = (t) => {
          deltas.push(t - last);
          last = t;
          if (i <= steps) {
            el.scrollTop = ((el.scrollHeight - el.clientHeight) * i) / steps;
            i++;
            requestAnimationFrame(frame);
          } else if (--tail > 0) {
            requestAnimationFrame(frame);
          } else {
            const measured = deltas.slice(1);
            resolve({
              longest: Math.max(...measured),
              over50: measured.filter((d) => d > 50).length,
              frames: measured.length,
            });
          }
        };
        requestAnimationFrame(frame);
      });
    },
  };
})();
