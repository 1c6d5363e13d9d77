'use strict';
// Validates report files against schema/report.schema.json with ajv (JSON Schema 2020-12), for editors and pipelines
// that check the schema rather than run reportlint, and for the test that the schema and the checker agree
// (tests/ReportLint.Tests/Reading/SchemaTests.cs). Uses the ajv that `npm ci --prefix benchmarks/node` installs.
//   node schema/validate.js <report.json>…   → one line per file: "<file>\tvalid" or "<file>\tinvalid\t<first error>"
const fs = require('fs');
const path = require('path');
const Ajv2020 = require(path.join(__dirname, '..', 'benchmarks', 'node', 'node_modules', 'ajv', 'dist', '2020')).default;

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'report.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: false, strict: false }).compile(schema);
let invalid = 0;
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  if (validate(report)) {
    console.log(`${file}\tvalid`);
  } else {
    invalid++;
    const error = validate.errors[0];
    console.log(`${file}\tinvalid\t${error.instancePath} ${error.message}`);
  }
}
process.exitCode = invalid > 0 ? 1 : 0;
