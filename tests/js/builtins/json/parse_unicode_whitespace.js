console.log(JSON.parse(' \n\t\r{ "k" : [ 1 , 2 ] } '));
console.log(JSON.parse('"\\ud83d\\ude00"'), JSON.parse('"é"').length);
