console.log(parseInt('42px'), parseInt('  -17'), parseInt('0x1A'), parseInt('1010', 2), parseInt('z', 36));
console.log(parseInt(''), parseInt('abc'), parseInt('3.99'), parseInt('1e3'), parseInt(0.0000005));
console.log(parseFloat('3.14abc'), parseFloat('.5'), parseFloat('-1e-3x'), parseFloat('Infinityx'), parseFloat('e5'));
console.log(parseInt('12', 37), parseInt('12', 1), parseInt('12', 0), parseInt('077'));
