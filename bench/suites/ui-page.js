// Runs inside the page (added with addInitScript): timing helpers the bench calls by name.
// Plain JavaScript, because the project's TypeScript has no DOM types.
(() => {
  const listStarts = {};
  const original = window.fetch.bind(window);
  // Notes when the table sends each search, so the time after the search box's debounce shows.
  window.fetch = (input, init) => {
    if (init && typeof init.body === 'string' && init.body.includes('"companies.list"')) {
      const search = JSON.parse(init.body).input?.search ?? '';
      if (listStarts[search] === undefined) listStarts[search] = performance.now();
    }
    return original(input, init);
  };

  window.__bench = {
    /** Resolves when the row count changes after `word` was searched: times from last key and from request. */
    watchSearch(word) {
      return new Promise((resolve) => {
        const count = document.querySelector('.row-count');
        const input = document.querySelector('input[type="search"]');
        let lastKey = performance.now();
        input?.addEventListener('input', () => {
          lastKey = performance.now();
        });
        const before = count?.textContent;
        const observer = new MutationObserver(() => {
          const started = listStarts[word];
          const text = count?.textContent ?? '';
          // The count reads "Indlæser …" while the first page is on its way: wait for the number, or
          // for "mange" (many), which the first page of a common word shows until it is counted.
          if (text !== before && (/\d/.test(text) || /mange|many/.test(text)) && started !== undefined) {
            observer.disconnect();
            const now = performance.now();
            resolve({ fromKey: now - lastKey, fromRequest: now - started });
          }
        });
        if (count) observer.observe(count, { childList: true, characterData: true, subtree: true });
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
