class Widget {}
const w = Widget();
