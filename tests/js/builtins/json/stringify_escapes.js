console.log(JSON.stringify('quote " backslash \\ newline \n tab \t'));
console.log(JSON.stringify('\u0001\u001f\u007f'), JSON.stringify('é😀'));
console.log(JSON.stringify('\ud800'), JSON.stringify('\u2028\u2029'));
console.log(JSON.stringify({ 'key with space': 1, 'ü': 2 }));
