const ok = 0o17;
const bad = 017;
