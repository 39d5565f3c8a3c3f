const ok = 'fine';
const bad = 'never closed;
