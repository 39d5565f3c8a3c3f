// \p{...} sets of the Unicode version Kite's tables carry (17.0), names
// matched exactly, and simple case folding under /iu.
const cases = [
  ['\\p{Script=Garay}', '\u{10D40}'],             // a script of Unicode 16
  ['\\p{sc=Tols}', '\u{11DB0}'],                  // Tolong Siki, Unicode 17
  ['\\p{Script_Extensions=Latin}', 'a'],
  ['\\p{scx=Deva}', '\u0964'],                    // danda: Script=Common, scx has Devanagari
  ['\\p{Script=Devanagari}', '\u0964'],
  ['\\p{General_Category=Cn}', '\uDC00'],         // a lone surrogate is Cs, not unassigned
  ['\\p{Cs}', '\uDC00'],
  ['\\P{Cn}', '\uD7FF'],
  ['\\p{Lu}', '\u{1D400}'],
  ['\\p{L}', '\u01C5'],                           // Lt is part of L
  ['\\p{ID_Start}', '\u2E2F'],                    // VERTICAL TILDE is Lm but Pattern_Syntax
  ['\\p{Any}', '\u{10FFFF}'],
  ['\\p{Assigned}', '\u0378'],
  ['\\p{ASCII_Hex_Digit}', 'F'],
  ['\\p{Emoji_Presentation}', '\u{1F600}'],
];
for (const [p, s] of cases) console.log(p, new RegExp(`^${p}$`, 'u').test(s));

for (const name of ['letter', 'Lowercase_Letter', 'lowercase_letter', 'Script=latin', 'Hrkt', 'Script=Hrkt', 'Block=Basic_Latin']) {
  try {
    new RegExp(`\\p{${name}}`, 'u');
    console.log(name, 'accepted');
  } catch (e) {
    console.log(name, e.name);
  }
}

// CaseFolding.txt's S mappings of Unicode 15.1.
console.log(/[\u0390]/iu.test('\u1FD3'), /[\u1FE3]/iu.test('\u03B0'), /\uFB05/iu.test('\uFB06'));
console.log(/[\u0390]/i.test('\u1FD3'));
