// Preloaded into electronegativity 1.10 (node --require). It writes its CSV report with two
// concurrent fs.writeFile calls, the header with flag 'w' and the rows with flag 'a'; on a busy
// machine they interleave and the header overwrites the first rows. Making fs.writeFile
// synchronous keeps its call order, which is the order it meant.
const fs = require('node:fs');

fs.writeFile = (file, data, options, callback) => {
  const cb = typeof options === 'function' ? options : callback;
  const opts = typeof options === 'function' ? undefined : options;
  try {
    fs.writeFileSync(file, data, opts);
    if (cb) process.nextTick(cb, null);
  } catch (err) {
    if (cb) process.nextTick(cb, err);
    else throw err;
  }
};
