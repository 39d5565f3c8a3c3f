const node = { id: 1 };
node.parent = node;
console.log(JSON.stringify(node));
