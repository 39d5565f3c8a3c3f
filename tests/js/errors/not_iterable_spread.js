const notList = { a: 1 };
const arr = [...notList];
