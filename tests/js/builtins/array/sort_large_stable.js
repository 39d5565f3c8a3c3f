// gc-stress
const items = [];
for (let i = 0; i < 1000; i++) items.push({ k: (i * 7919) % 13, i });
items.sort((a, b) => a.k - b.k);
let stable = true;
for (let j = 1; j < items.length; j++) {
  if (items[j - 1].k === items[j].k && items[j - 1].i > items[j].i) stable = false;
}
console.log(stable, items[0], items[999]);
const nums = [];
for (let i = 0; i < 2000; i++) nums.push((i * 2654435761) % 1000);
nums.sort((a, b) => a - b);
console.log(nums.slice(0, 5), nums.slice(-5));
