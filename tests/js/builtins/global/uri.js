console.log(encodeURIComponent('a b&c=d/e?f#g'), encodeURIComponent('héllo 😀'), encodeURIComponent("-_.!~*'()"));
console.log(decodeURIComponent('a%20b%26c'), decodeURIComponent('h%C3%A9llo%20%F0%9F%98%80'));
try {
  decodeURIComponent('%E0%A4%A');
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
try {
  encodeURIComponent('\ud800');
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
