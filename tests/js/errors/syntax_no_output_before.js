console.log('this must not print: the whole file is parsed first');
const fine = [1, 2, 3];
if (fine.length > 2 {
  console.log('never');
}
