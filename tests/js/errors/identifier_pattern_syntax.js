// U+2E2F VERTICAL TILDE is Lm but Pattern_Syntax: not ID_Start (12.7).
console.log(1 + ⸯ);
