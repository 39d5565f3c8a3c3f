// toLowerCase's Final_Sigma rule: Σ becomes ς after a cased letter unless a
// cased letter follows; case-ignorable units (accents, ', soft hyphen) are
// skipped on both sides.
const words = ['ΑΣ', 'Σ', 'ΑΣΑ', 'Α.Σ', 'Α\u0301Σ', 'ΑΣ\u0301', 'ΑΣ\u0301Α', 'a\u00adΣ', 'ΑΣ Σ ΣΑ', '1Σ', 'ΑΣ1'];
const more = ['ΑΣ.Α', "Α'Σ'", 'ǅΣ', 'ΑΣΣ', 'ΑΣΣ.', 'ĂΣ', 'ΣA', 'аΣ', 'ԱΣ', 'ΑΣ\u05d0', 'ΟΔΥΣΣΕΥΣ'];
for (const w of [...words, ...more]) {
  const lower = w.toLowerCase();
  console.log(JSON.stringify(w), lower, Array.from(lower, (c) => c.codePointAt(0).toString(16)).join(' '));
}
console.log('ΣΑΣ'.toLocaleLowerCase(), 'σς'.toUpperCase());
