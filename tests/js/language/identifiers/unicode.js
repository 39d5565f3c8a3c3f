// IdentifierStartChar / IdentifierPartChar: ID_Start and ID_Continue.
const 𐐀 = 'astral start';           // U+10400 DESERET CAPITAL LETTER LONG I
const ℘x = 'Other_ID_Start';          // U+2118
const a· = 'Other_ID_Continue';       // U+00B7 MIDDLE DOT
const ab‍ = 'ZWJ continues';          // U+200D
const ゛ = 'Other_ID_Start U+309B';
const \u{10401}b = 'escaped astral';
console.log(𐐀, ℘x, a·, ab‍, ゛, 𐐁b);
console.log(Object.keys({ ℮: 1, ᢅ: 2, ᢆ: 3 }).length); // U+212E, U+1885, U+1886 (Other_ID_Start)
