// Writes engine/src/util/ucd_data.inc: the code point sets of the Unicode
// properties ECMAScript names (ECMA-262 22.2.2.9, tables "Non-binary Unicode
// property aliases", "Value aliases and canonical values", "Binary Unicode
// property aliases"), as sorted inclusive ranges.
//
// Run by engine/tools/gen-ucd.sh, which says where the inputs come from.
// The sets come from the running node's RegExp engine (its ICU data), one
// set per name; the names come from the UCD's PropertyValueAliases.txt plus
// the scripts added since that file's version (SCRIPTS_SINCE_UCD_FILE), and
// every name is checked against node, so a misspelt one fails the run.
import { readFileSync, writeFileSync } from 'node:fs';

const [aliasesPath, outPath] = process.argv.slice(2);

// ECMA-262 table 67 (binary properties): [canonical, alias?].
const BINARY = [
  ['ASCII'], ['ASCII_Hex_Digit', 'AHex'], ['Alphabetic', 'Alpha'], ['Any'], ['Assigned'],
  ['Bidi_Control', 'Bidi_C'], ['Bidi_Mirrored', 'Bidi_M'], ['Case_Ignorable', 'CI'], ['Cased'],
  ['Changes_When_Casefolded', 'CWCF'], ['Changes_When_Casemapped', 'CWCM'],
  ['Changes_When_Lowercased', 'CWL'], ['Changes_When_NFKC_Casefolded', 'CWKCF'],
  ['Changes_When_Titlecased', 'CWT'], ['Changes_When_Uppercased', 'CWU'], ['Dash'],
  ['Default_Ignorable_Code_Point', 'DI'], ['Deprecated', 'Dep'], ['Diacritic', 'Dia'], ['Emoji'],
  ['Emoji_Component', 'EComp'], ['Emoji_Modifier', 'EMod'], ['Emoji_Modifier_Base', 'EBase'],
  ['Emoji_Presentation', 'EPres'], ['Extended_Pictographic', 'ExtPict'], ['Extender', 'Ext'],
  ['Grapheme_Base', 'Gr_Base'], ['Grapheme_Extend', 'Gr_Ext'], ['Hex_Digit', 'Hex'],
  ['IDS_Binary_Operator', 'IDSB'], ['IDS_Trinary_Operator', 'IDST'], ['ID_Continue', 'IDC'],
  ['ID_Start', 'IDS'], ['Ideographic', 'Ideo'], ['Join_Control', 'Join_C'],
  ['Logical_Order_Exception', 'LOE'], ['Lowercase', 'Lower'], ['Math'],
  ['Noncharacter_Code_Point', 'NChar'], ['Pattern_Syntax', 'Pat_Syn'],
  ['Pattern_White_Space', 'Pat_WS'], ['Quotation_Mark', 'QMark'], ['Radical'],
  ['Regional_Indicator', 'RI'], ['Sentence_Terminal', 'STerm'], ['Soft_Dotted', 'SD'],
  ['Terminal_Punctuation', 'Term'], ['Unified_Ideograph', 'UIdeo'], ['Uppercase', 'Upper'],
  ['Variation_Selector', 'VS'], ['White_Space', 'space'], ['XID_Continue', 'XIDC'],
  ['XID_Start', 'XIDS'],
];

// Scripts encoded after Unicode 15.0 (the UCD file Debian's unicode-data
// ships): [short, long], from PropertyValueAliases.txt of 16.0 and 17.0.
const SCRIPTS_SINCE_UCD_FILE = [
  ['Gara', 'Garay'], ['Gukh', 'Gurung_Khema'], ['Krai', 'Kirat_Rai'], ['Onao', 'Ol_Onal'],
  ['Sunu', 'Sunuwar'], ['Todr', 'Todhri'], ['Tutg', 'Tulu_Tigalari'],
  ['Berf', 'Beria_Erfe'], ['Sidt', 'Sidetic'], ['Tayo', 'Tai_Yo'], ['Tols', 'Tolong_Siki'],
];

function valueAliases(prop) {
  const groups = [];
  for (const line of readFileSync(aliasesPath, 'utf8').split('\n')) {
    const text = line.replace(/#.*/, '').trim();
    if (!text) continue;
    const fields = text.split(';').map((f) => f.trim());
    if (fields[0] !== prop) continue;
    groups.push(fields.slice(1).filter((f) => f && f !== 'n/a'));
  }
  return groups;
}

// All non-surrogate code points in order, one string: index -> code point
// is arithmetic, so a global match gives the ranges without a test per
// code point. Surrogates are tested alone (a lone surrogate is a code point
// under /u, and two of them side by side would pair up).
let subject = '';
for (let cp = 0; cp <= 0x10ffff; ++cp) {
  if (cp < 0xd800 || cp > 0xdfff) subject += String.fromCodePoint(cp);
}
const cpAt = (i) => (i < 0xd800 ? i : i < 0xf800 ? i + 0x800 : 0x10000 + (i - 0xf800) / 2);

function setOf(expr) {
  const points = [];
  const one = new RegExp(`^\\p{${expr}}$`, 'u');
  for (let u = 0xd800; u <= 0xdfff; ++u) if (one.test(String.fromCharCode(u))) points.push([u, u]);
  for (const m of subject.matchAll(new RegExp(`\\p{${expr}}+`, 'gu'))) {
    const end = m.index + m[0].length;
    const first = cpAt(m.index);
    const last = cpAt(end > 0xf800 ? end - 2 : end - 1);  // a match never splits a pair
    points.push([first, last]);
  }
  points.sort((a, b) => a[0] - b[0]);
  const ranges = [];
  for (const r of points) {
    const prev = ranges[ranges.length - 1];
    if (prev && prev[1] + 1 >= r[0]) prev[1] = Math.max(prev[1], r[1]);
    else ranges.push([...r]);
  }
  return ranges;
}

function accepted(expr) {
  try {
    new RegExp(`\\p{${expr}}`, 'u');
    return true;
  } catch {
    return false;
  }
}

const sets = [];  // distinct range lists
const setIndex = new Map();  // key -> index in sets
function intern(ranges) {
  const key = ranges.map((r) => r.join('-')).join(',');
  if (!setIndex.has(key)) {
    setIndex.set(key, sets.length);
    sets.push(ranges);
  }
  return setIndex.get(key);
}

function table(groups, exprOf) {
  const entries = [];
  for (const names of groups) {
    const ranges = setOf(exprOf(names[0]));
    const set = intern(ranges);
    for (const name of names) {
      if (!accepted(exprOf(name))) throw new Error(`node does not accept \\p{${exprOf(name)}}`);
      if (JSON.stringify(setOf(exprOf(name))) !== JSON.stringify(ranges)) {
        throw new Error(`${name} is not an alias of ${names[0]}`);
      }
      entries.push([name, set]);
    }
  }
  return entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

// Katakana_Or_Hiragana (Hrkt) has no code points of its own under Script
// and is not among ECMA-262's Script values.
const scripts = valueAliases('sc')
  .filter((names) => names[0] !== 'Hrkt')
  .concat(SCRIPTS_SINCE_UCD_FILE);
const tables = {
  kBinaryProperties: table(BINARY, (n) => n),
  kGeneralCategories: table(valueAliases('gc'), (n) => `General_Category=${n}`),
  kScripts: table(scripts, (n) => `Script=${n}`),
  kScriptExtensions: table(scripts, (n) => `Script_Extensions=${n}`),
};

const out = [];
out.push('// Generated by engine/tools/gen-ucd.sh from the Unicode Character Database');
out.push(`// ${process.versions.unicode} (node ${process.version}, ICU ${process.versions.icu}). Do not edit.`);
out.push('// Included by util/ucd.cpp only.');
out.push('');
out.push(`constexpr char kUnicodeVersion[] = "${process.versions.unicode}";`);
out.push('');
out.push('// Every set: inclusive {first, last} ranges, sorted, disjoint, not adjacent.');
const flat = [];
const refs = [];
for (const ranges of sets) {
  refs.push([flat.length, ranges.length]);
  for (const r of ranges) flat.push(`{${r[0]}, ${r[1]}}`);
}
out.push('constexpr CodePointRange kRanges[] = {');
for (let i = 0; i < flat.length; i += 8) out.push('    ' + flat.slice(i, i + 8).join(', ') + ',');
out.push('};');
out.push('');
out.push('// {first range, number of ranges} per distinct set.');
out.push('constexpr SetRef kSets[] = {');
for (let i = 0; i < refs.length; i += 6) {
  out.push('    ' + refs.slice(i, i + 6).map(([o, n]) => `{${o}, ${n}}`).join(', ') + ',');
}
out.push('};');
for (const [name, entries] of Object.entries(tables)) {
  out.push('');
  out.push(`// Sorted by name (byte order): name -> index in kSets.`);
  out.push(`constexpr NamedSet ${name}[] = {`);
  for (const [n, s] of entries) out.push(`    {"${n}", ${s}},`);
  out.push('};');
}
writeFileSync(outPath, out.join('\n') + '\n');
console.log(`gen-ucd: Unicode ${process.versions.unicode}: ${sets.length} sets, ${flat.length} ranges`);
