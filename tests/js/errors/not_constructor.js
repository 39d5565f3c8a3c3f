const make = () => ({});
const obj = new make();
