try {
  new Later();
} catch (e) {
  console.log(e.name);
}
class Later {
  m() { return this; }
}
const f = new Later().m;
console.log(f());
