const n = -1;
const bytes = new Uint8Array(n);
