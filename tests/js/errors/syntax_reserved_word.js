const fine = 1;
let interface = 2;
