#!/usr/bin/env node
'use strict';
// node check.js <files or directories> [--json]
// The 2021 table rules RL1001–RL1008 (rules.js) over report files, for comparing with reportlint's findings.
// Directories are searched recursively for *.json. Reports checked against another template (2019) are skipped and
// counted, as are files that cannot be read as one UTF-8 JSON object (reportlint reports those as RL01xx).
// Output: one line per finding — `file: RULE cell` or, with --json, {"file","rule","cell"} as JSON lines; a summary
// on standard error ({"checked","skippedOtherTemplate","unreadable","findings"} with --json). Exit code 1 when there
// are findings (they are all errors), 2 for usage errors, else 0.

const fs = require('fs');
const path = require('path');
const { compile, templateOf } = require('./rules');

const MAX_BYTES = 16 * 1024 * 1024;

function filesOf(arg) {
  const stat = fs.statSync(arg);
  if (!stat.isDirectory()) return [arg];
  const found = [];
  for (const entry of fs.readdirSync(arg, { withFileTypes: true })) {
    const full = path.join(arg, entry.name);
    if (entry.isDirectory()) found.push(...filesOf(full));
    else if (entry.name.endsWith('.json')) found.push(full);
  }
  return found;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The report object, or null when reportlint would refuse the file (empty, too large, not UTF-8, not a JSON object). */
function parse(bytes) {
  if (bytes.length === 0 || bytes.length > MAX_BYTES) return null;
  let text;
  try {
    text = decoder.decode(bytes); // also drops a leading BOM, as reportlint does
  } catch {
    return null;
  }
  try {
    const report = JSON.parse(text);
    return report !== null && typeof report === 'object' && !Array.isArray(report) ? report : null;
  } catch {
    return null;
  }
}

function main(argv) {
  const json = argv.includes('--json');
  const inputs = argv.filter((a) => a !== '--json');
  if (inputs.length === 0 || inputs.some((a) => a.startsWith('--'))) {
    process.stderr.write('usage: node check.js <files or directories> [--json]\n');
    return 2;
  }
  let files;
  try {
    files = inputs.flatMap(filesOf).sort();
  } catch (e) {
    process.stderr.write(`${e.message}\n`);
    return 2;
  }
  const { check } = compile();
  const summary = { checked: 0, skippedOtherTemplate: 0, unreadable: 0, findings: 0 };
  const out = [];
  for (const file of files) {
    const report = parse(fs.readFileSync(file));
    if (report === null) {
      summary.unreadable++;
      continue;
    }
    if (templateOf(report) !== '2021') {
      summary.skippedOtherTemplate++;
      continue;
    }
    summary.checked++;
    for (const finding of check(report)) {
      summary.findings++;
      out.push(json ? JSON.stringify({ file, rule: finding.rule, cell: finding.cell }) : `${file}: ${finding.rule} ${finding.cell}`);
    }
  }
  if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
  process.stderr.write(json ? JSON.stringify(summary) + '\n'
    : `${summary.checked} checked, ${summary.skippedOtherTemplate} skipped (other template), ${summary.unreadable} unreadable, ${summary.findings} findings\n`);
  return summary.findings > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
