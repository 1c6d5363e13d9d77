'use strict';
// The table rules RL1001–RL1008 of the 2021 template (rules/2021.yaml), written the way a user without reportlint
// would write them: a JSON Schema compiled by ajv for the per-cell rules, and json-logic-js expressions for the
// arithmetic. Used by check.js (findings) and bench.js (throughput); docs/performance.md says why it exists.
//
// What reportlint does, and what this file does the same way (docs/report-json.md, docs/rules.md):
// - a cell is a number, null (blank: RL1005) or a string (text as written: RL1006); a number in quotes ("12"), an
//   empty string and anything else (true, [], {}) is an input error (RL0107), not a table-rule finding, so no rule
//   here reports it;
// - a cell the file does not have is an input error (RL0103), not RL1005: the schema has no `required`;
// - rows and columns the template does not have are input errors (RL0104): the schema ignores them, and a table
//   laid out entirely for the other template (a 2019 表二 in a 2021 report) is not checked at all (RL0114);
// - an arithmetic check is judged only when every cell it reads holds a number ("one empty cell does not produce a
//   cascade of arithmetic findings");
// - sum(group): the group's own row when the file gives it (e.g. `other_processing` in place of its three sub-rows),
//   unknown when that row's cell is blank or text, else the sum of the group's rows;
// - a finding of an arithmetic rule names the first cell of the left-hand side (RL1001 new_received.<column>,
//   RL1002 <row>.total, RL1003 results_total.<column>, RL1004 <row>.total); a cell rule names its cell.
// Known differences, none of which the example reports or the generated corpus contain: JavaScript numbers are
// binary doubles where reportlint's are exact decimals, so a sum of non-whole counts (already RL1008) may compare
// differently, a number beyond ±7.9e28 is text to reportlint (RL0105 + RL1006) but a number here, and reportlint's
// 64-level nesting limit is not applied (check.js does refuse files over 16 MB, as reportlint does).

const Ajv = require('ajv');
const jsonLogic = require('json-logic-js');

// ── The 2021 template's tables (rules/2021.yaml `tables:`) ─────────────────────────────────────────────────────
const APPLICANTS = ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_services', 'other_org'];
const REQUEST_COLUMNS = [...APPLICANTS, 'total'];
const GROUPS = {
  withheld: ['state_secret', 'prohibited_by_law', 'three_securities', 'third_party', 'internal_affairs', 'process_info', 'enforcement_files', 'query_matters'],
  unavailable: ['not_held', 'needs_creation', 'still_unclear'],
  not_processed: ['petition', 'repeated', 'publications', 'excessive', 'confirmation'],
  other_processing: ['no_correction', 'fee_unpaid', 'other_handling'],
};
const REQUEST_ROWS = ['new_received', 'carried_over', 'disclosed', 'partly_disclosed',
  ...GROUPS.withheld, ...GROUPS.unavailable, ...GROUPS.not_processed, ...GROUPS.other_processing,
  'results_total', 'carried_forward'];
const APPEAL_OUTCOMES = ['upheld', 'corrected', 'other_result', 'pending'];

/** table → row → { column: type }, rows given as their group total included. */
const TEMPLATE_2021 = {
  proactive: {
    regulations: { issued: 'count', repealed: 'count', in_force: 'count' },
    normative_documents: { issued: 'count', repealed: 'count', in_force: 'count' },
    licensing: { decisions: 'count' },
    penalty: { decisions: 'count' },
    enforcement: { decisions: 'count' },
    fees: { amount: 'money' },
  },
  requests: Object.fromEntries([...REQUEST_ROWS, ...Object.keys(GROUPS)]
    .map((row) => [row, Object.fromEntries(REQUEST_COLUMNS.map((c) => [c, 'count']))])),
  appeals: Object.fromEntries(['review', 'direct_suit', 'suit_after_review']
    .map((row) => [row, Object.fromEntries([...APPEAL_OUTCOMES, 'total'].map((c) => [c, 'count']))])),
};

/** The 2019 trial format's tables, only to recognise a table laid out for it (RL0114: then the table is not checked). */
const TEMPLATE_2019_CELLS = {
  proactive: cellSet({
    regulations: ['made', 'published', 'public_total'],
    normative_documents: ['made', 'published', 'public_total'],
    licensing: ['previous', 'change', 'decisions'],
    other_services: ['previous', 'change', 'decisions'],
    penalty: ['previous', 'change', 'decisions'],
    enforcement: ['previous', 'change', 'decisions'],
    fees: ['previous', 'change'],
    procurement: ['projects', 'amount'],
  }),
  requests: cellSet(Object.fromEntries([...REQUEST_ROWS.filter((r) => !GROUPS.other_processing.includes(r)), 'other_processing']
    .map((row) => [row, REQUEST_COLUMNS]))),
  appeals: cellSet(Object.fromEntries(Object.entries(TEMPLATE_2021.appeals).map(([row, cols]) => [row, Object.keys(cols)]))),
};
const TEMPLATE_2021_CELLS = Object.fromEntries(Object.entries(TEMPLATE_2021)
  .map(([table, rows]) => [table, cellSet(Object.fromEntries(Object.entries(rows).map(([r, cols]) => [r, Object.keys(cols)])))]));

function cellSet(rows) {
  const set = new Set();
  for (const [row, columns] of Object.entries(rows)) for (const column of columns) set.add(row + '.' + column);
  return set;
}

// ── RL1005–RL1008: one JSON Schema, each rule a named definition so an error says which rule it is ───────────
// Only numbers are constrained by minimum / multipleOf, so a blank or text cell gets RL1005 / RL1006 alone.
const CELL_RULES = {
  RL1005: { $comment: 'cell-blank: not blank(value)', not: { type: 'null' } },
  RL1006: {
    $comment: 'cell-not-a-number: not text(value); "12" and "" are input errors (RL0107), not text',
    not: { allOf: [{ type: 'string' }, { minLength: 1 }, { not: { pattern: '^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$' } }] },
  },
  RL1007: { $comment: 'cell-negative: value >= 0 (count, money)', minimum: 0 },
  RL1008: { $comment: 'cell-whole-number: whole(value) (count)', multipleOf: 1 },
};
const RULES_BY_TYPE = { count: ['RL1005', 'RL1006', 'RL1007', 'RL1008'], money: ['RL1005', 'RL1006', 'RL1007'] };

function buildSchema() {
  const tables = {};
  for (const [table, rows] of Object.entries(TEMPLATE_2021)) {
    const rowSchemas = {};
    for (const [row, columns] of Object.entries(rows)) {
      const cellSchemas = {};
      for (const [column, type] of Object.entries(columns)) cellSchemas[column] = { $ref: '#/$defs/' + type };
      rowSchemas[row] = { properties: cellSchemas };
    }
    tables[table] = { properties: rowSchemas };
  }
  const defs = { ...CELL_RULES };
  for (const [type, rules] of Object.entries(RULES_BY_TYPE)) defs[type] = { allOf: rules.map((r) => ({ $ref: '#/$defs/' + r })) };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment: 'RL1005-RL1008 of rules/2021.yaml for every cell of the 2021 template',
    properties: { tables: { properties: tables } },
    $defs: defs,
  };
}

// ── RL1001–RL1004: json-logic, one expression per column or row the rule is checked for ─────────────────────
// Cells are vars "table.row.column"; sum(group) is the var "sum.<group>.<column>", resolved per report (groupSums).
const cell = (table, row, column) => ({ var: `${table}.${row}.${column}` });
const plus = (...terms) => ({ '+': terms });

function buildRelations() {
  const relations = [];
  const add = (rule, lhs, rhs) => {
    const logic = { '==': [plus(...lhs), plus(...rhs)] };
    relations.push({ rule, cell: lhs[0].var, logic, operands: jsonLogic.uses_data(logic) });
  };
  // RL1001 requests-balance (each column): new_received + carried_over = results_total + carried_forward
  for (const c of REQUEST_COLUMNS) {
    add('RL1001', [cell('requests', 'new_received', c), cell('requests', 'carried_over', c)],
      [cell('requests', 'results_total', c), cell('requests', 'carried_forward', c)]);
  }
  // RL1002 requests-row-total (each row, group total rows too): total = the six applicant columns
  for (const row of [...REQUEST_ROWS, ...Object.keys(GROUPS)]) {
    add('RL1002', [cell('requests', row, 'total')], APPLICANTS.map((c) => cell('requests', row, c)));
  }
  // RL1003 requests-results-total (each column): results_total = disclosed + partly_disclosed + sum of each group
  for (const c of REQUEST_COLUMNS) {
    add('RL1003', [cell('requests', 'results_total', c)],
      [cell('requests', 'disclosed', c), cell('requests', 'partly_disclosed', c), ...Object.keys(GROUPS).map((g) => cell('sum', g, c))]);
  }
  // RL1004 appeals-total (each row): total = upheld + corrected + other_result + pending
  for (const row of Object.keys(TEMPLATE_2021.appeals)) {
    add('RL1004', [cell('appeals', row, 'total')], APPEAL_OUTCOMES.map((c) => cell('appeals', row, c)));
  }
  return relations;
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** sum(group) per column: the group's own row if given (unknown if its cell is blank or text), else its rows added up. */
function groupSums(requests) {
  const sums = {};
  for (const [group, rows] of Object.entries(GROUPS)) {
    const own = isObject(requests) && isObject(requests[group]) ? requests[group] : null;
    const values = {};
    for (const c of REQUEST_COLUMNS) {
      const given = own ? own[c] : undefined;
      if (typeof given === 'number') { values[c] = given; continue; }
      if (given === null || typeof given === 'string') continue;
      let sum = 0;
      for (const row of rows) {
        const v = isObject(requests) && isObject(requests[row]) ? requests[row][c] : undefined;
        if (typeof v !== 'number') { sum = undefined; break; }
        sum += v;
      }
      if (sum !== undefined) values[c] = sum;
    }
    sums[group] = values;
  }
  return sums;
}

/** Which template reportlint checks the report against: `template` if given, else the year (2021 on → "2021"). */
function templateOf(report) {
  const declared = report.template;
  if (typeof declared === 'string') return declared;
  if (typeof declared === 'number') return String(declared);
  const year = report.year;
  if (Number.isInteger(year) && year >= -2147483648 && year <= 2147483647) {
    return year >= 2021 ? '2021' : year >= 2019 ? '2019' : null;
  }
  return null;
}

/** Tables laid out for the 2019 template (a cell 2021 lacks, and every cell in 2019's table): not checked (RL0114). */
function otherTemplateTables(tables) {
  const skipped = [];
  for (const table of Object.keys(TEMPLATE_2021)) {
    const rows = tables[table];
    if (!isObject(rows)) continue;
    let strange = false;
    let fitsOther = true;
    for (const [row, columns] of Object.entries(rows)) {
      if (!isObject(columns)) continue;
      for (const column of Object.keys(columns)) {
        const key = row + '.' + column;
        if (!TEMPLATE_2021_CELLS[table].has(key)) strange = true;
        if (!TEMPLATE_2019_CELLS[table].has(key)) fitsOther = false;
      }
    }
    if (strange && fitsOther) skipped.push(table);
  }
  return skipped;
}

/** Compiles the schema and the expressions once; returns check(report) → [{ rule, cell }]. */
function compile() {
  // allErrors: every cell's finding, not just the first. strictTypes off: minimum / multipleOf deliberately apply to
  // numbers only (a blank or text cell is RL1005 / RL1006, not also RL1007 / RL1008), and a table or row that is not an
  // object is an input error (RL0102/RL0105), not a table-rule finding, so no `type` is asserted on the way down.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  const validate = ajv.compile(buildSchema());
  const relations = buildRelations();
  // Resolving a var the way json-logic does (split on "."), once per operand, to know whether the check is judged.
  for (const relation of relations) relation.paths = relation.operands.map((v) => v.split('.'));

  /** The report as checked: without tables laid out for the other template. */
  function checkedPart(report) {
    const skipped = otherTemplateTables(report.tables);
    if (skipped.length === 0) return report;
    const tables = { ...report.tables };
    for (const table of skipped) delete tables[table];
    return { ...report, tables };
  }

  /** RL1005–RL1008 (ajv). */
  function checkCells(report, findings) {
    if (validate(report)) return;
    for (const error of validate.errors) {
      const rule = /#\/\$defs\/(RL\d{4})\//.exec(error.schemaPath);
      if (rule) findings.push({ rule: rule[1], cell: error.instancePath.slice('/tables/'.length).split('/').join('.') });
    }
  }

  /** RL1001–RL1004 (json-logic), each judged only when every cell it reads holds a number. */
  function checkArithmetic(report, findings) {
    const tables = report.tables;
    const data = { proactive: tables.proactive, requests: tables.requests, appeals: tables.appeals, sum: groupSums(tables.requests) };
    for (const relation of relations) {
      if (!relation.paths.every((path) => typeof lookup(data, path) === 'number')) continue;
      if (!jsonLogic.apply(relation.logic, data)) findings.push({ rule: relation.rule, cell: relation.cell });
    }
  }

  function check(report) {
    if (!isObject(report.tables)) return [];
    report = checkedPart(report);
    const findings = [];
    checkCells(report, findings);
    checkArithmetic(report, findings);
    return findings;
  }

  // The two halves separately, for bench.js (where the time goes); check() is what check.js and the test use.
  const only = (part) => (report) => {
    const findings = [];
    if (isObject(report.tables)) part(checkedPart(report), findings);
    return findings;
  };
  return { check, checkCells: only(checkCells), checkArithmetic: only(checkArithmetic), schema: buildSchema(), relations };
}

function lookup(data, path) {
  let v = data;
  for (const key of path) {
    if (!isObject(v)) return undefined;
    v = v[key];
  }
  return v;
}

module.exports = { compile, templateOf, TEMPLATE_2021, GROUPS };
