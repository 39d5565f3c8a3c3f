function Account(initial) {
  let balance = initial;
  this.deposit = amt => { balance += amt; return balance; };
  this.balance = () => balance;
}
const acc = new Account(100);
acc.deposit(50);
console.log(acc.balance(), acc.balance === undefined, 'balance' in acc);
