// gc-stress
const data = { users: [] };
for (let i = 0; i < 200; i++) {
  data.users.push({ id: i, name: 'user' + i, tags: ['t' + (i % 5), 't' + (i % 7)], active: i % 2 === 0, score: i / 8 });
}
const text = JSON.stringify(data);
const back = JSON.parse(text);
console.log(text.length, back.users.length, back.users[199]);
console.log(JSON.stringify(back) === text);
