console.log('tab\tnew\\n', 'quote\'s', "dq\"s", '\x41\u0042\u{43}');
console.log('a\
b');
console.log(['it\'s', 'say "hi"', 'both \' and "', 'new\nline', 'back\\slash', 'tab\t']);
