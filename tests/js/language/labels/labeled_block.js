block: {
  console.log('before');
  if (true) break block;
  console.log('never');
}
console.log('after');
