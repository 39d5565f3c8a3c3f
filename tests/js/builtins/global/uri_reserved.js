// encodeURI/decodeURI keep uriReserved and '#' (decodeURI leaves their
// escapes as written); malformed input throws URIError.
console.log(encodeURI(";/?:@&=+$,#-_.!~*'() []{}|^`\"<>\\%"), encodeURIComponent(';/?:@&=+$,#'));
console.log(decodeURI('%3B%2F%3f%3A%40%26%3D%2B%24%2C%23%20%41%c3%a9'), decodeURIComponent('%3B%2F%3f%23'));
console.log(encodeURI('\ud83d\ude00é'), decodeURI('%F0%9F%98%80').length, decodeURI('plain') === 'plain');
for (const bad of ['%', '%1', '%G0', '%C0%80', '%ED%A0%80', '%F4%90%80%80', '%80', '%E0%A4', '%FF', '%C3%28']) {
  try {
    decodeURI(bad);
  } catch (e) {
    console.log(bad, e.name + ': ' + e.message);
  }
}
for (const bad of ['\ud800x', 'x\udc00', '\ud800']) {
  try {
    encodeURI(bad);
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
}
console.log(encodeURI.length, decodeURI.name);
