const who = 'wörld';
const msg = `héllo ${who} ✓`;
console.log(msg, msg.length);
console.log(`${'日本'}語`.length);
