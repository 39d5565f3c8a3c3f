const ready = true;
const pending;
