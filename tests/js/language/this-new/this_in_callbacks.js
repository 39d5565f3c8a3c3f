const counter = {
  count: 0,
  addAll(items) {
    items.forEach(function (x) { this.count += x; }, this);
    return this.count;
  },
};
console.log(counter.addAll([1, 2, 3]));
