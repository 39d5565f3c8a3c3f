const chars = [];
for (const ch of 'héllo') chars.push(ch);
console.log(chars);
const emoji = [];
for (const c of 'a😀b') emoji.push(c);
console.log(emoji.length, 'a😀b'.length);
