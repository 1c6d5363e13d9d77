#!/usr/bin/env node
'use strict';
// node bench.js <corpus directory> [--iterations N] [--warmup N]
// Throughput of the ajv + json-logic-js version of RL1001–RL1008 (rules.js) on a corpus already in memory, the same
// way ThroughputBenchmarks measures reportlint: every file's bytes are loaded first, the schema and expressions are
// compiled once, then each iteration decodes (UTF-8), parses, picks the template and checks every report.
// Prints one JSON object: best and median milliseconds per pass over the corpus, reports/s and MiB/s from the best,
// for the whole job (check), for a pass that only decodes and parses (Node's floor for this work: parseOnly), and
// for the rules alone on reports parsed beforehand (rulesOnly, the counterpart of "validator alone"), and for each
// half of the rules alone: the ajv schema (cellRulesOnly, RL1005–RL1008) and json-logic (arithmeticOnly, RL1001–RL1004).

const fs = require('fs');
const path = require('path');
const os = require('os');
const { compile, templateOf } = require('./rules');

function option(argv, name, fallback) {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
}

function filesOf(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesOf(full));
    else if (entry.name.endsWith('.json')) found.push(full);
  }
  return found.sort();
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function measure(passes, warmup, run) {
  for (let i = 0; i < warmup; i++) run();
  const times = [];
  let result;
  for (let i = 0; i < passes; i++) {
    const start = process.hrtime.bigint();
    result = run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { best: times[0], median: times[Math.floor(times.length / 2)], result };
}

function main(argv) {
  const dir = argv.find((a, i) => !a.startsWith('--') && !(i > 0 && argv[i - 1].startsWith('--')));
  if (!dir) {
    process.stderr.write('usage: node bench.js <corpus directory> [--iterations N] [--warmup N]\n');
    return 2;
  }
  const iterations = option(argv, '--iterations', 10);
  const warmup = option(argv, '--warmup', 3);
  const corpus = filesOf(dir).map((f) => fs.readFileSync(f));
  const bytes = corpus.reduce((sum, b) => sum + b.length, 0);
  const { check, checkCells, checkArithmetic } = compile();

  const full = measure(iterations, warmup, () => {
    let findings = 0;
    let checked = 0;
    let skipped = 0;
    for (const buffer of corpus) {
      const report = JSON.parse(decoder.decode(buffer));
      if (templateOf(report) !== '2021') {
        skipped++;
        continue;
      }
      checked++;
      findings += check(report).length;
    }
    return { findings, checked, skipped };
  });
  const parseOnly = measure(iterations, warmup, () => {
    let keys = 0;
    for (const buffer of corpus) keys += Object.keys(JSON.parse(decoder.decode(buffer))).length;
    return keys;
  });

  const parsed = corpus.map((buffer) => JSON.parse(decoder.decode(buffer))).filter((r) => templateOf(r) === '2021');
  const onParsed = (fn) => measure(iterations, warmup, () => {
    let findings = 0;
    for (const report of parsed) findings += fn(report).length;
    return findings;
  });
  const rulesOnly = onParsed(check);
  const cellRulesOnly = onParsed(checkCells);
  const arithmeticOnly = onParsed(checkArithmetic);

  const mib = bytes / 1024 / 1024;
  const rate = (ms) => ({ reportsPerSecond: Math.round(corpus.length / (ms / 1000)), mibPerSecond: Number((mib / (ms / 1000)).toFixed(2)) });
  process.stdout.write(JSON.stringify({
    tool: 'ajv + json-logic-js (benchmarks/node)',
    node: process.version,
    cpu: os.cpus()[0] && os.cpus()[0].model,
    reports: corpus.length,
    mib: Number(mib.toFixed(3)),
    iterations,
    warmup,
    checked: full.result.checked,
    skippedOtherTemplate: full.result.skipped,
    findings: full.result.findings,
    checkBestMs: Number(full.best.toFixed(2)),
    checkMedianMs: Number(full.median.toFixed(2)),
    check: rate(full.best),
    parseOnlyBestMs: Number(parseOnly.best.toFixed(2)),
    parseOnlyMedianMs: Number(parseOnly.median.toFixed(2)),
    parseOnly: rate(parseOnly.best),
    rulesOnlyBestMs: Number(rulesOnly.best.toFixed(2)),
    rulesOnlyMedianMs: Number(rulesOnly.median.toFixed(2)),
    cellRulesOnlyBestMs: Number(cellRulesOnly.best.toFixed(2)),
    arithmeticOnlyBestMs: Number(arithmeticOnly.best.toFixed(2)),
  }) + '\n');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
