console.log(JSON.parse('{"a":1,"b":[true,false,null],"c":"str","d":{"e":1.5e2}}'));
console.log(JSON.parse('"text"'), JSON.parse('42'), JSON.parse(' null '), JSON.parse('-0.5'), JSON.parse('[]'));
console.log(JSON.parse('"\\u0041\\n\\"\\/"'), JSON.parse('1E3'), Object.is(JSON.parse('-0'), -0));
