// gc-stress
class TreeNode {
  constructor(l, r) { this.left = l; this.right = r; }
  check() { return this.left ? 1 + this.left.check() + this.right.check() : 1; }
}
function build(depth) {
  return depth === 0 ? new TreeNode(null, null) : new TreeNode(build(depth - 1), build(depth - 1));
}
const longLived = build(8);
let total = 0;
for (let i = 0; i < 6; i++) total += build(6).check();
console.log(total, longLived.check());
