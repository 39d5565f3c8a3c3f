console.log(Number.parseFloat('1.5e3'), Number.parseInt('08'), Number.parseInt('-0'), Object.is(Number.parseInt('-0'), -0));
console.log(Number('0x10'), Number('010'), Number(''), Number('1,000'), Number('+5'), Number('--5'));
