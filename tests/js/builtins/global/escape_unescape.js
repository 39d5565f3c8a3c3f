// Annex B escape/unescape: %XX below 256, %uXXXX above, malformed % kept.
console.log(escape('\u0000\u00ff\u0100 @*_+-./~!'), escape('a\u4f60\ud83d\ude00'));
console.log(unescape('%u00FF%uD83D%uDE00%4%41%u12%zz'), unescape('%') + unescape('%u') + unescape('100%'));
console.log(unescape(escape('héllo wörld \u4f60\u597d')) === 'héllo wörld \u4f60\u597d', unescape('%u004a%4a'));
console.log(escape.length, unescape.name, escape(undefined), unescape(42));
