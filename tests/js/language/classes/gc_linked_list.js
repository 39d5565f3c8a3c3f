// gc-stress
class Node {
  constructor(value, next) { this.value = value; this.next = next; }
}
class List {
  constructor() { this.head = null; this.size = 0; }
  push(v) { this.head = new Node(v, this.head); this.size++; }
  reverse() {
    let prev = null, cur = this.head;
    while (cur) { const next = cur.next; cur.next = prev; prev = cur; cur = next; }
    this.head = prev;
  }
  toArray(limit) {
    const out = [];
    for (let n = this.head; n && out.length < limit; n = n.next) out.push(n.value);
    return out;
  }
}
const list = new List();
for (let i = 0; i < 2000; i++) list.push('v' + i);
list.reverse();
console.log(list.size, list.toArray(5));
