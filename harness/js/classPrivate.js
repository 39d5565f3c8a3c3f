// classPrivate: a class with private fields, a private method and a private
// getter in a hot loop: private element reads and writes (each one
// brand-checked), private method calls, and instances created with their
// private fields.
class Account {
  #balance = 0;
  #ops = 0;

  constructor(start) {
    this.#balance = start;
  }

  #apply(delta) {
    this.#balance += delta;
    this.#ops++;
  }

  get #rounded() {
    return this.#balance - (this.#balance % 10);
  }

  deposit(n) {
    this.#apply(n);
    return this;
  }

  withdraw(n) {
    if (this.#balance >= n) this.#apply(-n);
    return this;
  }

  get summary() {
    return this.#rounded + this.#ops;
  }
}

function bench(n) {
  let acc = 0;
  let a = new Account(100);
  for (let i = 0; i < n; i++) {
    a.deposit(i % 13).withdraw(i % 7);
    if ((i & 15) === 0) acc = (acc + a.summary) % 1000003;
    if ((i & 255) === 0) a = new Account(i % 1000);
  }
  return acc;
}
